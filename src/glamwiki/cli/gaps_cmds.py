"""gaps: the diversity audit of the collection, its coverage on Wikimedia, worklists, change over time."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import click
from rich.table import Table

from glamwiki.cli.context import emit_json, out, project_from
from glamwiki.errors import ConfigError
from glamwiki.gaps.outputs import dashboard_titles, wikitext, write_csv
from glamwiki.gaps.summary import GapReport, gap_report
from glamwiki.gaps.worklist import NO_ARTICLE, Filters, title_for
from glamwiki.store.gaps import add_event, events, save_snapshot


@click.group(invoke_without_command=True)
@click.option("--languages", default="en", show_default=True, help="Wikipedia languages to check, e.g. en,cy,gd.")
@click.option("--dataset", help="Only this dataset.")
@click.option("--nation", default="", help="Worklists: only people from this UK nation or country (name or ISO code).")
@click.option("--period", default="", help="Worklists: only people born in these years, e.g. 1800-1899.")
@click.option(
    "--medium", default="", help="Worklists: only people with a work in this medium or type, e.g. watercolour."
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    help="Write every worklist here: NAME.csv, NAME.wikitext and NAME.dashboard.txt (titles).",
)
@click.option(
    "--worklist",
    "worklist_path",
    type=click.Path(dir_okay=False),
    help="Write the no-article worklist (first language) as CSV.",
)
@click.option("--wikitext", "wikitext_path", type=click.Path(dir_okay=False), help="... and as a wikitext table.")
@click.option("--no-snapshot", is_flag=True, help="Do not keep this run's figures for the change-over-time chart.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_context
def gaps(
    ctx: click.Context,
    languages: str,
    dataset: str | None,
    nation: str,
    period: str,
    medium: str,
    out_dir: str | None,
    worklist_path: str | None,
    wikitext_path: str | None,
    no_snapshot: bool,
    as_json: bool,
) -> None:
    """Who is in the collection, who is missing from Wikimedia, and what to work on next.

    Each run keeps a snapshot of the funnel (unless --no-snapshot) for the report's chart of
    change over time; `glamwiki gaps event DATE LABEL` marks an edit-a-thon on that chart."""
    if ctx.invoked_subcommand:
        return
    langs = [code.strip() for code in languages.split(",") if code.strip()] or ["en"]
    try:
        filters = Filters(nation, period, medium)
    except ValueError as exc:
        raise ConfigError(str(exc)) from exc
    started = time.monotonic()
    with project_from(ctx).open_store() as store:
        report = gap_report(store, langs, dataset, filters=filters)
        if not no_snapshot and not filters:
            save_snapshot(store, report.snapshot(), dataset or "")
    if out_dir:
        _write_all(report, Path(out_dir))
    if worklist_path:
        write_csv(report.worklist, worklist_path)
    if wikitext_path:
        Path(wikitext_path).write_text(wikitext(report.worklist, title_for(NO_ARTICLE, langs[0])), encoding="utf-8")
    if as_json:
        emit_json({**report.as_dict(), "seconds": round(time.monotonic() - started, 1)})
        return
    _print(report, out_dir)


def _write_all(report: GapReport, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    note = f"Filtered: {report.filters.describe()}." if report.filters else ""
    for name, entries in report.worklists.items():
        kind, _, lang = name.partition(":")
        stem = name.replace(":", "-")
        write_csv(entries, folder / f"{stem}.csv")
        title = title_for(kind, lang or report.languages[0])
        (folder / f"{stem}.wikitext").write_text(wikitext(entries, title, note), encoding="utf-8")
        (folder / f"{stem}.dashboard.txt").write_text(dashboard_titles(entries, kind), encoding="utf-8")


def _print(report: GapReport, out_dir: str | None) -> None:
    d = report.denominators
    share = d.share_women
    women = (
        f"women are {share:.1%} of the {d.gender_recorded:,} with gender recorded"
        if share is not None
        else ("no gender recorded")
    )
    extra = f" ({d.from_object_records:,} known only from object records)" if d.from_object_records else ""
    out.print(f"[bold]{d.people:,} people[/]{extra}: {women}")
    funnel = Table(
        title="Coverage on Wikimedia (women: share of each step's people with gender recorded)", title_justify="left"
    )
    for col in ("step", "people", "women"):
        funnel.add_column(col)
    for s in report.steps:
        funnel.add_row(s.label, f"{s.people:,}", "" if s.share_women is None else f"{s.share_women:.1%}")
    out.print(funnel)
    if any(s.label.startswith("item facts") for s in report.steps):
        out.print("Some linked items' facts are not recorded yet: `glamwiki link facts --fetch` (or a recorded file).")
    for g in report.shares:
        out.print(
            f"{g.label}: women are {_pct(g.share_artists)} of {g.artists:,} people credited on these works "
            f"(gender recorded), {_pct(g.share_works)} of {g.works:,} works (crediting someone of recorded gender)"
        )
    p = report.places
    if p.with_text:
        out.print(
            f"places: {p.resolved:,} of {p.with_text:,} people with place or nationality text resolved to a "
            f"country; UK nation for {p.nations:,} of {p.uk:,}; {len(p.unresolved):,} texts unresolved"
        )
    if report.disagreements:
        out.print(
            f"[yellow]{len(report.disagreements):,} people's gender differs between the collection and Wikidata[/]"
        )
    lists = Table(
        title="Worklists" + (f" ({report.filters.describe()})" if report.filters else ""), title_justify="left"
    )
    lists.add_column("worklist")
    lists.add_column("women", justify="right")
    for name, entries in report.worklists.items():
        kind, _, lang = name.partition(":")
        lists.add_row(title_for(kind, lang or report.languages[0]), f"{len(entries):,}")
    out.print(lists)
    if out_dir:
        out.print(f"Worklists written to {out_dir} (CSV, wikitext, Dashboard titles).")


def _pct(v: float | None) -> str:
    return "—" if v is None else f"{v:.1%}"


@gaps.command("event")
@click.argument("day")
@click.argument("label")
@click.pass_context
def event(ctx: click.Context, day: str, label: str) -> None:
    """Mark an event (an edit-a-thon, a residency's start) on DAY (YYYY-MM-DD) in the change-over-time chart."""
    try:
        date.fromisoformat(day)
    except ValueError as exc:
        raise ConfigError(f"{day!r} is not a date: give YYYY-MM-DD") from exc
    with project_from(ctx).open_store() as store:
        add_event(store, day, label)
        n = len(events(store))
    out.print(f"Event recorded ({n:,} in all).")
