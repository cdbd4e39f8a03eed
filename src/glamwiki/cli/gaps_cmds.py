"""gaps: the diversity audit of the collection and its coverage on Wikimedia."""

from __future__ import annotations

from pathlib import Path

import click
from rich.table import Table

from glamwiki.cli.context import emit_json, out, project_from
from glamwiki.gaps.summary import GapReport, gap_report
from glamwiki.gaps.worklist import wikitext, write_csv


@click.command()
@click.option("--languages", default="en", show_default=True, help="Wikipedia languages to check, e.g. en,cy,gd.")
@click.option("--dataset", help="Only this dataset.")
@click.option("--worklist", "worklist_path", type=click.Path(dir_okay=False),
              help="Write the worklist (women with an item but no article in the first language) as CSV.")  # fmt: skip
@click.option("--wikitext", "wikitext_path", type=click.Path(dir_okay=False), help="... and as a wikitext table.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_context
def gaps(
    ctx: click.Context, languages: str, dataset: str | None, worklist_path: str | None, wikitext_path: str | None,
    as_json: bool,
) -> None:  # fmt: skip
    """Who is in the collection, who is missing from Wikimedia, and what to work on next."""
    langs = [code.strip() for code in languages.split(",") if code.strip()]
    with project_from(ctx).open_store() as store:
        report = gap_report(store, langs, dataset)
    if worklist_path:
        write_csv(report.worklist, worklist_path)
    if wikitext_path:
        title = f"Women in the collection without a {langs[0]} Wikipedia article"
        Path(wikitext_path).write_text(wikitext(report.worklist, title), encoding="utf-8")
    if as_json:
        emit_json(report.as_dict())
        return
    _print(report)


def _print(report: GapReport) -> None:
    share, known = report.women
    women = f"{share:.1%} women (of {known:,} with gender recorded)" if share is not None else "no gender recorded"
    out.print(f"[bold]{len(report.creators):,} people[/]: {women}")
    funnel = Table(title="Coverage on Wikimedia", title_justify="left")
    for col in ("step", "people", "women"):
        funnel.add_column(col)
    for s in report.steps:
        funnel.add_row(s.label, f"{s.people:,}", "" if s.share_women is None else f"{s.share_women:.1%}")
    out.print(funnel)
    if any(s.label.startswith("item facts") for s in report.steps):
        out.print("Some linked items' facts are not recorded yet: `glamwiki link facts --fetch` (or a recorded file).")
    for g in report.shares:
        out.print(f"{g.label}: women are {_pct(g.share_artists)} of {g.artists:,} artists, "
                  f"{_pct(g.share_works)} of {g.works:,} works")  # fmt: skip
    if report.disagreements:
        out.print(
            f"[yellow]{len(report.disagreements):,} people's gender differs between the collection and Wikidata[/]"
        )
    out.print(f"worklist: {len(report.worklist):,} women with an item but no {report.languages[0]} article")


def _pct(v: float | None) -> str:
    return "—" if v is None else f"{v:.1%}"
