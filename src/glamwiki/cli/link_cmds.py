"""link match, link run, link review, link accept/reject, link new-items."""

from __future__ import annotations

import click

from glamwiki.cli.context import emit_json, out, progress_bar
from glamwiki.linking.matcher import Thresholds
from glamwiki.linking.output import write_csv_file
from glamwiki.linking.run import MatchJob, run_match, summary

PROFILE_HELP = "A built-in profile (tate, moma, nga, cmoa) or wikidata for entity JSON."


@click.group()
def link() -> None:
    """Link the collection's people to Wikidata or another authority, and review the doubtful ones."""


@link.command("match")
@click.argument("path")
@click.option("--profile", help=PROFILE_HELP)
@click.option("--mapping", type=click.Path(exists=True, dir_okay=False), help="Mapping file for PATH.")
@click.option("--authority", required=True, help="The authority: a file or folder (e.g. NGA constituents.csv).")
@click.option("--authority-profile", help=PROFILE_HELP)
@click.option("--authority-mapping", type=click.Path(exists=True, dir_okay=False), help="Mapping file for it.")
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False), help="CSV to write, one row a person.")
@click.option("--ignore-identifiers", is_flag=True, help="Match on names and dates alone.")
@click.option("--match-threshold", type=float, default=0.95, show_default=True, help="Probability for `match`.")
@click.option("--review-threshold", type=float, default=0.5, show_default=True, help="Probability for `review`.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def link_match(
    path: str, profile: str | None, mapping: str | None, authority: str, authority_profile: str | None,
    authority_mapping: str | None, output: str, ignore_identifiers: bool, match_threshold: float,
    review_threshold: float, as_json: bool,
) -> None:  # fmt: skip
    """Match the people in PATH to an authority; no project needed. Writes source_id, authority_id,
    qid, probability, decision (match|review|none) and the features behind each answer."""
    job = MatchJob(path, authority, profile, authority_profile, mapping, authority_mapping,
                   not ignore_identifiers, Thresholds(match_threshold, review_threshold))  # fmt: skip
    with progress_bar(f"linking {path}") as advance:
        run, _ = run_match(job, advance)
    write_csv_file(run.results, output)
    info = summary(run)
    if as_json:
        emit_json({**info, "output": output})
    else:
        out.print(
            f"{info['people']:,} people: [green]{info['match']:,} match[/], [yellow]{info['review']:,} review[/], "
            f"{info['none']:,} none → {output}"
        )
