"""Shared CLI plumbing: finding the project, printing, progress bars, errors to exit codes."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
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

from glamwiki.errors import GlamwikiError
from glamwiki.project import Project, find_project

EXIT_INPUT_REJECTED = 3
console = Console(stderr=True)
out = Console()


def project_from(ctx: click.Context) -> Project:
    path = (ctx.find_root().obj or {}).get("project_path")
    return find_project(Path(path) if path else None)


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


def run_guarded(group: click.Group) -> int:
    """Run the CLI; turn glamwiki errors into a message and their exit code, Ctrl-C into 130."""
    try:
        result = group.main(standalone_mode=False)
    except GlamwikiError as exc:
        console.print(f"[bold red]error:[/] {exc}", highlight=False)
        return exc.exit_code
    except click.exceptions.Abort:
        console.print("aborted")
        return 130
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except KeyboardInterrupt:
        console.print("interrupted: work finished so far is saved; run the command again to go on")
        return 130
    return result if isinstance(result, int) else 0


def fail_if(condition: bool, message: str) -> None:
    if condition:
        console.print(message)
        sys.exit(1)
