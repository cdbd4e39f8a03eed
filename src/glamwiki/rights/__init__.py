"""Rights clearance: for every object record, under UK law, US law and Commons policy,
upload / block / review, with Commons templates, reasons and their legal sources."""

from __future__ import annotations

from glamwiki.rights.engine import assess
from glamwiki.rights.rules import Settings, default_settings

__all__ = ["Settings", "assess", "default_settings"]
