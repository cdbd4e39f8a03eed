"""Build the reconciliation service for a command: the authority, and the project's fitted model."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from glamwiki.errors import ConfigError, ProjectNotFound
from glamwiki.linking.entity import from_person
from glamwiki.linking.reconcile import Service, build_service
from glamwiki.linking.run import load_authority_people


def service_for(ctx: click.Context, authority: str, profile: str | None, mapping: str | None, base_url: str) -> Service:
    if authority == "wikidata":
        raise ConfigError(
            "serve needs an authority it can hold: a table (e.g. NGA constituents with --authority-profile nga) or "
            "recorded Wikidata entities (entities.jsonl.gz with --authority-profile wikidata)."
        )
    entities = [from_person(p) for p in load_authority_people(authority, profile, mapping)]
    name = profile or Path(authority).name
    return build_service(name, base_url, entities, stored_model(ctx))


def stored_model(ctx: click.Context) -> dict[str, Any] | None:
    """The model of the project's last link run, if this is a project and it has one."""
    from glamwiki.cli.context import project_from

    try:
        project = project_from(ctx)
    except ProjectNotFound:
        return None
    with project.open_store() as store:
        row = store.query_one("SELECT model FROM link_runs ORDER BY id DESC LIMIT 1")
    return json.loads(row["model"]) if row else None
