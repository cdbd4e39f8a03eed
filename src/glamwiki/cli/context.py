"""Shared CLI plumbing: finding the project, printing, progress bars, errors to exit codes."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
from psycopg import DatabaseError
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from glamwiki.errors import GlamwikiError, StoreError
from glamwiki.project import Project, find_project
from glamwiki.scrub import scrub
from glamwiki.store.db import store_error
from glamwiki.terminal import plain

EXIT_INPUT_REJECTED = 3
console = Console(stderr=True)
out = Console()


def project_from(ctx: click.Context) -> Project:
    path = (ctx.find_root().obj or {}).get("project_path")
    return find_project(Path(path) if path else None, env=os.environ)


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


class RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        return Text(f"{task.speed:,.0f}/s" if task.speed else "", style="progress.data.speed")


@contextmanager
def progress_bar(description: str, total: int | None = None) -> Iterator[Any]:
    """A rich progress bar (count, rate, elapsed, ETA) on stderr; advance(n) moves it on."""
    columns = [
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    ]
    with Progress(*columns, console=console, transient=True, disable=not console.is_terminal) as bar:
        task = bar.add_task(description, total=total)
        yield lambda n: bar.advance(task, n)


class GuardedGroup(click.Group):
    """A click group that turns glamwiki errors into their message and exit code, and Ctrl-C
    into exit code 130 with a note that finished work is kept (for every caller, tests too)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Commands in the order they are registered: the order of the work, not the alphabet."""
        return list(self.commands)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except GlamwikiError as exc:
            console.print(f"[bold red]error:[/] {plain(scrub(str(exc)))}", highlight=False)
            ctx.exit(exc.exit_code)
        except sqlite3.Error as exc:  # a database that went bad mid-command: disk full, read-only, locked
            error = store_error(exc, _db_path(ctx))
            console.print(f"[bold red]error:[/] {plain(scrub(str(error)))}", highlight=False)
            ctx.exit(error.exit_code)
        except DatabaseError as exc:  # PostgreSQL: connection lost, disk full, a constraint...
            error = StoreError(f"the project store failed: {exc}.")
            console.print(f"[bold red]error:[/] {plain(scrub(str(error)))}", highlight=False)
            ctx.exit(error.exit_code)
        except KeyboardInterrupt:
            console.print("interrupted: work finished so far is saved; run the same command again to go on")
            ctx.exit(130)


def _db_path(ctx: click.Context) -> str:
    try:
        return str(project_from(ctx).db_path)
    except GlamwikiError:
        return "the project database"


def fail_if(condition: bool, message: str) -> None:
    if condition:
        console.print(message)
        sys.exit(1)
