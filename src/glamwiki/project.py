"""A project: a folder with glamwiki.toml (settings) and glamwiki.db (the store)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from glamwiki.config import CONFIG_NAME, STORE_PATH_LINE, TEMPLATE, Config
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

    @property
    def store_url(self) -> str | None:
        """``store.url`` (or GLAMWIKI_STORE_URL): a PostgreSQL database shared by many projects; None: SQLite."""
        url = self.config.get("store", "url", "")
        return str(url) if url else None

    @property
    def store_schema(self) -> str:
        """The project's PostgreSQL schema: ``store.schema``, else its name made a valid schema name."""
        return str(self.config.get("store", "schema", "") or schema_name(self.name))

    def open_store(self, *, migrate: bool = False) -> Store:
        """The project's store. Its schema is brought up to date by ``glamwiki init`` and ``glamwiki
        migrate`` (``migrate=True``), never silently on open: a store whose schema is behind this
        version of glamwiki raises a StoreError saying to run ``glamwiki migrate`` (issue 13, ADR 0007)."""
        if self.store_url:
            return open_store(self.store_url, schema=self.store_schema, migrate=migrate)
        return open_store(self.db_path, migrate=migrate)


def schema_name(name: str) -> str:
    """A project name as a PostgreSQL schema name: lower case, [a-z0-9_], not starting with a digit."""
    cleaned = re.sub(r"[^a-z0-9_]+", "_", name.lower()).strip("_")[:63] or "project"
    return "p_" + cleaned[:61] if cleaned[0].isdigit() else cleaned


def init_project(
    folder: Path,
    name: str | None = None,
    institution: str = "",
    *,
    store_url: str | None = None,
    schema: str = "",
    env: Mapping[str, str] | None = None,
) -> Project:
    """Make a project folder; with ``store_url`` its store is a schema of that PostgreSQL database.
    ``env`` (the CLI's environment) may override its settings."""
    folder = folder.resolve()
    if (folder / CONFIG_NAME).exists():
        raise ConfigError(f"{folder} is already a glamwiki project ({CONFIG_NAME} exists).")
    text = TEMPLATE.format(name=name or folder.name, institution=institution)
    if store_url:
        lines = _store_lines(store_url, schema or schema_name(name or folder.name))
        text = text.replace(STORE_PATH_LINE, STORE_PATH_LINE + lines)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / CONFIG_NAME).write_text(text, encoding="utf-8")
    project = Project(folder, Config.load(folder / CONFIG_NAME, env))
    project.open_store(migrate=True).close()
    return project


def _store_lines(url: str, schema: str) -> str:
    if make_url(url).password is not None:
        raise ConfigError(
            "the store URL holds a password, and glamwiki.toml must not: give the URL without it and put the "
            "password in ~/.pgpass or the PGPASSWORD environment variable (see docs/store.md)."
        )
    note = "# Instead, a shared PostgreSQL database; this project is the schema below.\n"
    return f"{note}url = {url!r}\nschema = {schema!r}\n"


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
