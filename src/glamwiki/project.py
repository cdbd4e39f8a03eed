"""A project: a folder with glamwiki.toml (settings) and glamwiki.db (the store)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from glamwiki.config import CONFIG_NAME, TEMPLATE, Config
from glamwiki.errors import ConfigError, ProjectNotFound
from glamwiki.store import Store, open_store


@dataclass
class Project:
    root: Path
    config: Config

    @property
    def db_path(self) -> Path:
        return self.root / str(self.config.get("store", "path", "glamwiki.db"))

    @property
    def name(self) -> str:
        return str(self.config.get("project", "name", self.root.name))

    def open_store(self) -> Store:
        return open_store(self.db_path)


def init_project(
    folder: Path, name: str | None = None, institution: str = "", env: Mapping[str, str] | None = None
) -> Project:
    """A new project in ``folder``; ``env`` (the CLI's environment) may override its settings."""
    folder = folder.resolve()
    if (folder / CONFIG_NAME).exists():
        raise ConfigError(f"{folder} is already a glamwiki project ({CONFIG_NAME} exists).")
    folder.mkdir(parents=True, exist_ok=True)
    text = TEMPLATE.format(name=name or folder.name, institution=institution)
    (folder / CONFIG_NAME).write_text(text, encoding="utf-8")
    project = Project(folder, Config.load(folder / CONFIG_NAME, env))
    project.open_store().close()
    return project


def find_project(start: Path | None = None, env: Mapping[str, str] | None = None) -> Project:
    """The project whose folder holds ``start`` (default: the current folder), its settings
    overridable by ``GLAMWIKI_<SECTION>_<KEY>`` in ``env`` (the CLI passes its environment)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file():
            return Project(folder, Config.load(folder / CONFIG_NAME, env))
    raise ProjectNotFound(
        f"No glamwiki project here ({here}) or above. Run `glamwiki init NAME` to make one, "
        "cd into it, or pass --project PATH (or set GLAMWIKI_PROJECT)."
    )
