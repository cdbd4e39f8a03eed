"""Which site `glamwiki web` serves (one project folder, a PostgreSQL database of projects, or a
programme of folders), and the app factory its worker processes import (``--workers N``): the CLI
hands the site to them as JSON in an environment variable, never the secret itself, only the path
of the file holding it (docs/deployment.md)."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import click
from sqlalchemy.engine import make_url
from starlette.applications import Starlette

from glamwiki.cli.context import project_from
from glamwiki.config import CONFIG_NAME
from glamwiki.errors import ConfigError, ProjectNotFound
from glamwiki.programme import load_programme
from glamwiki.project import Project, find_project
from glamwiki.publishing.connect import COMMONS_API
from glamwiki.web.auth import SECRET_FILE, session_secret_file
from glamwiki.web.site import SITE_DB, SITE_SCHEMA, ProjectPlace, Site, folders_site, one_project, postgres_site

SITE_ENV = "GLAMWIKI_WEB_SITE_JSON"  # set by `glamwiki web --workers N` for its worker processes


def _place(project: Project) -> ProjectPlace:
    if project.store_url:
        return ProjectPlace(project.name, project.store_url, project.store_schema, str(project.root))
    return ProjectPlace(project.name, str(project.db_path), None, str(project.root))


def project_folders(parent: Path | None, also: Project | None = None) -> dict[str, Path]:
    """schema -> folder of the PostgreSQL projects in ``parent``'s subfolders (and ``also``)."""
    found = (
        [find_project(f, env=os.environ) for f in sorted(parent.iterdir()) if (f / CONFIG_NAME).is_file()]
        if parent
        else []
    )
    return {p.store_schema: p.root for p in [*found, *([also] if also else [])] if p.store_url}


def choose_site(
    ctx: click.Context,
    store_url: str | None,
    only: Sequence[str],
    programme: str | None,
    site_schema: str,
    projects_dir: str | None = None,
) -> tuple[Site, Path]:
    """The site and the default place of its session secret file."""
    if programme:
        path = Path(programme).resolve()
        chosen = load_programme(path, COMMONS_API)
        places = [_place(find_project(folder, env=os.environ)) for folder in chosen.projects]
        return folders_site(chosen.name, places, path.parent / SITE_DB, chosen.target), path.parent / SECRET_FILE
    project: Project | None
    try:
        project = project_from(ctx)
    except ProjectNotFound:
        if not store_url:
            raise
        project = None
    url = store_url or (project.store_url if project else None)
    folder = project.root if project else Path.cwd()
    if url and make_url(url).password is not None:
        raise ConfigError(
            "the store URL holds a password: give it without one and put the password in ~/.pgpass or the "
            "file PGPASSFILE names (see docs/deployment.md); it would otherwise reach the worker processes."
        )
    if url:
        folders = project_folders(Path(projects_dir) if projects_dir else None, project)
        return postgres_site(url, only, site_schema, folders), folder / SECRET_FILE
    assert project is not None
    if only and list(only) != [project.name]:
        raise ConfigError("--project NAME chooses among the projects of a PostgreSQL store (--store-url).")
    return one_project(project.name, project.db_path, project.root), folder / SECRET_FILE


def site_to_json(site: Site, secret_file: Path, https: bool, allowed_hosts: Sequence[str]) -> str:
    return json.dumps({"site": asdict(site), "secret_file": str(secret_file), "https": https,
                       "allowed_hosts": list(allowed_hosts)})  # fmt: skip


def _site_from(data: dict[str, Any]) -> Site:
    projects = tuple(ProjectPlace(**p) for p in data["projects"])
    return Site(projects, ProjectPlace(**data["accounts"]), data["name"], data["target"])


def make_app() -> Starlette:
    """The app factory of each worker process (``uvicorn glamwiki.cli.web_site:make_app --factory``)."""
    from glamwiki.web.app import create_site_app

    text = os.environ.get(SITE_ENV)
    if not text:
        raise ConfigError(f"{SITE_ENV} is not set: start the site with `glamwiki web --workers N`.")
    data = json.loads(text)
    secret = session_secret_file(Path(data["secret_file"]))
    return create_site_app(_site_from(data["site"]), secret, https=bool(data["https"]),
                           allowed_hosts=data["allowed_hosts"])  # fmt: skip


__all__ = ["SITE_SCHEMA", "choose_site", "make_app", "site_to_json"]
