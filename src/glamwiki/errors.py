"""The one root exception of glamwiki and its families.

Every message says what happened and what to do about it; the CLI prints the message and
exits with the exception's ``exit_code``.
"""

from __future__ import annotations


class GlamwikiError(Exception):
    """Root of every error glamwiki raises on purpose."""

    exit_code = 1


class ConfigError(GlamwikiError):
    """A setting, mapping or profile is wrong."""

    exit_code = 2


class ProjectNotFound(GlamwikiError):
    """The command needs a project folder and none was found."""

    exit_code = 2


class IntakeFileError(GlamwikiError):
    """A whole input file cannot be read (missing required column, not XML, refused DTD...)."""


class StoreError(GlamwikiError):
    """The project's database cannot be opened, migrated, read or written."""


class Busy(GlamwikiError):
    """Another glamwiki process is doing the same work in this project."""


class RecordNotFound(GlamwikiError):
    """No record has the id the user gave."""


class StaleDecision(GlamwikiError):
    """Someone decided this since the caller loaded it: the write was refused, nothing was written."""
