"""link match, run, review, accept, reject, facts, new-items, work-items; serve."""

from __future__ import annotations

from pathlib import Path

import click

from glamwiki.cli import items_cmds as items
from glamwiki.cli import network
from glamwiki.cli.context import console, emit_json, out, progress_bar, project_from
from glamwiki.errors import ConfigError, ProjectNotFound, RecordNotFound
from glamwiki.jobtrack import tracked
from glamwiki.linking.matcher import Thresholds
from glamwiki.linking.output import write_csv_file
from glamwiki.linking.project_flow import (
    ProjectLink,
    decide,
    export_queue,
    fetch_facts,
    import_decisions,
    link_project,
    load_facts,
)  # fmt: skip
from glamwiki.linking.propose import prepare_new_items, record_created
from glamwiki.linking.review import review_panel
from glamwiki.linking.run import LIVE, MatchJob, run_match, summary
from glamwiki.linking.service import LOCAL_NAMES, OPENREFINE_ORIGINS
from glamwiki.linking.serving import ServeSettings, open_service
from glamwiki.linking.works_flow import commons_backlinks, prepare_work_items, published_images
from glamwiki.store import linking as db
from glamwiki.terminal import plain, text
from glamwiki.wikimedia.ids import ARTIST

PROFILE_HELP = "A built-in profile (tate, moma, nga, cmoa) or wikidata for entity JSON."


@click.group()
def link() -> None:
    """Link the collection's people to Wikidata or another authority, and review the doubtful ones."""


@link.command("match")
@click.argument("path")
@click.option("--profile", help=PROFILE_HELP)
@click.option("--mapping", type=click.Path(exists=True, dir_okay=False), help="Mapping file for PATH.")
@click.option(
    "--authority", required=True, help="A file or folder (e.g. NGA constituents), or `wikidata` for the live service."
)
@click.option("--authority-profile", help=PROFILE_HELP)
@click.option("--authority-mapping", type=click.Path(exists=True, dir_okay=False), help="Mapping file for it.")
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False), help="CSV to write, one row a person.")
@click.option("--ignore-identifiers", is_flag=True, help="Match on names and dates alone.")
@click.option("--depicted", is_flag=True, help="Also the people the records depict (subjects of kind person).")
@click.option("--match-threshold", type=float, default=0.95, show_default=True, help="Probability for `match`.")
@click.option("--review-threshold", type=float, default=0.5, show_default=True, help="Probability for `review`.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def link_match(
    path: str, profile: str | None, mapping: str | None, authority: str, authority_profile: str | None,
    authority_mapping: str | None, output: str, ignore_identifiers: bool, depicted: bool, match_threshold: float,
    review_threshold: float, as_json: bool,
) -> None:  # fmt: skip
    """Match the people in PATH to an authority; no project needed. Writes source_id, authority_id,
    qid, probability, decision (match|review|none) and the features behind each answer."""
    job = MatchJob(path, authority, profile, authority_profile, mapping, authority_mapping,
                   not ignore_identifiers, depicted, Thresholds(match_threshold, review_threshold),
                   network.wikidata_client() if authority == LIVE else None)  # fmt: skip
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


@link.command("run")
@click.option("--authority", default="wikidata", show_default=True,
              help="`wikidata` (live, cached), recorded entity JSON, or a table with --authority-profile.")  # fmt: skip
@click.option("--authority-profile", help=PROFILE_HELP)
@click.option("--authority-mapping", type=click.Path(exists=True, dir_okay=False), help="Mapping file for it.")
@click.option("--dataset", help="Only the people of this dataset.")
@click.option("--ignore-identifiers", is_flag=True, help="Match on names and dates alone.")
@click.option("--match-threshold", type=float, default=0.95, show_default=True, help="Probability for `match`.")
@click.option("--review-threshold", type=float, default=0.5, show_default=True, help="Probability for `review`.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_context
def link_run(
    ctx: click.Context, authority: str, authority_profile: str | None, authority_mapping: str | None,
    dataset: str | None, ignore_identifiers: bool, match_threshold: float, review_threshold: float, as_json: bool,
) -> None:  # fmt: skip
    """Link the project's people and store the answers; decisions people made are kept as they are."""
    project = project_from(ctx)
    live = network.wikidata_client(project.config) if authority == LIVE else None
    job = ProjectLink(authority, authority_profile, authority_mapping, dataset, not ignore_identifiers,
                      Thresholds(match_threshold, review_threshold), live)  # fmt: skip
    params = {"authority": authority, "dataset": dataset}
    with (
        project.open_store() as store,
        progress_bar("linking people") as bar,
        tracked(store, "link", params, echo=bar) as advance,
    ):
        info = link_project(store, job, advance)
    if as_json:
        emit_json(info)
    else:
        out.print(f"{info['authority']}: {info.get('match', 0):,} match, {info.get('review', 0):,} to review, "
                  f"{info.get('none', 0):,} none — `glamwiki link review` shows the queue")  # fmt: skip


@link.command("review")
@click.option("--limit", type=int, default=20, show_default=True, help="How many to show.")
@click.option("--export", "export_path", type=click.Path(dir_okay=False), help="Write the queue as CSV to decide.")
@click.option("--import", "import_path", type=click.Path(exists=True, dir_okay=False),
              help="Read a decided CSV (verdict column: accept or reject).")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print the queue as JSON.")
@click.pass_context
def link_review(
    ctx: click.Context, limit: int, export_path: str | None, import_path: str | None, as_json: bool
) -> None:
    """The review queue: doubtful links with both sides' evidence side by side."""
    with project_from(ctx).open_store() as store:
        if import_path:
            out.print(import_decisions(store, import_path).summary(f"decisions recorded from {import_path}"))
            return
        if export_path:
            out.print(f"{export_queue(store, export_path):,} links to decide written to {export_path}")
            return
        queue = db.review_queue(store)
    if as_json:
        emit_json(queue[:limit])
        return
    if not queue:
        out.print("Nothing to review.")
        return
    for row in queue[:limit]:
        out.print(review_panel(row))
    out.print(f"{len(queue):,} to review. Decide with `glamwiki link accept ID` / `glamwiki link reject ID`.")


@link.command("accept")
@click.argument("person_id")
@click.option("--qid", default="", help="The right Wikidata item, if not the candidate shown.")
@click.option("--authority-id", default="", help="The right authority entry, if not the candidate shown.")
@click.option("--dataset", help="The dataset, when two hold the same id.")
@click.option("--note", default="", help="Why (kept with the decision).")
@click.pass_context
def link_accept(
    ctx: click.Context, person_id: str, qid: str, authority_id: str, dataset: str | None, note: str
) -> None:
    """Accept a link (the candidate shown, or the --qid given); no rerun will change it."""
    with project_from(ctx).open_store() as store:
        done = decide(store, person_id, "accept", authority_id, qid, dataset, note=note)
    out.print(text(f"{done['id']}: accepted {done['qid'] or authority_id}"))


@link.command("reject")
@click.argument("person_id")
@click.option("--dataset", help="The dataset, when two hold the same id.")
@click.option("--note", default="", help="Why (kept with the decision).")
@click.pass_context
def link_reject(ctx: click.Context, person_id: str, dataset: str | None, note: str) -> None:
    """Reject the candidate: this person is not linked; no rerun will change it."""
    with project_from(ctx).open_store() as store:
        done = decide(store, person_id, "reject", dataset=dataset, note=note)
    out.print(text(f"{done['id']}: rejected"))


@link.command("facts")
@click.argument("path", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("--fetch", is_flag=True, help="Fetch the linked items not yet recorded from Wikidata (cached).")
@click.pass_context
def link_facts(ctx: click.Context, path: str | None, fetch: bool) -> None:
    """Record Wikidata facts for the gaps: from entity JSON (one entity a line, or a wbgetentities
    response), or --fetch those of the linked items from Wikidata."""
    if not path and not fetch:
        raise ConfigError("Give a file of recorded entities, or --fetch.")
    project = project_from(ctx)
    with project.open_store() as store:
        if path:
            out.print(f"{load_facts(store, path):,} Wikidata items recorded from {path}")
        if fetch:
            out.print(f"{fetch_facts(store, network.wikidata_client(project.config)):,} Wikidata items fetched")


@click.command()
@click.option("--authority", required=True, help="Authority to reconcile against: a file/folder, or recorded entities.")
@click.option("--authority-profile", help=PROFILE_HELP)
@click.option("--authority-mapping", type=click.Path(exists=True, dir_okay=False), help="Mapping file for it.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (keep it local).")
@click.option("--port", type=int, default=8765, show_default=True, help="Port to listen on.")
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    help="Another name this machine is reached by (the Host header); 127.0.0.1 and localhost always are.",
)
@click.option(
    "--allow-origin",
    "allow_origins",
    multiple=True,
    default=OPENREFINE_ORIGINS,
    show_default=True,
    help="A web page allowed to call the service from a browser (CORS): OpenRefine's address.",
)
@click.pass_context
def serve(
    ctx: click.Context, authority: str, authority_profile: str | None, authority_mapping: str | None, host: str,
    port: int, allow_hosts: tuple[str, ...], allow_origins: tuple[str, ...],
) -> None:  # fmt: skip
    """Serve the matcher as a W3C Reconciliation API 0.2 service for OpenRefine (manifest, batched
    queries, preview, suggest). Uses the project's last fitted model when there is one."""
    settings = ServeSettings(authority, authority_profile, authority_mapping, host, port,
                             tuple(allow_origins), tuple(allow_hosts))  # fmt: skip
    try:
        project = project_from(ctx)
    except ProjectNotFound:  # serving needs no project: the authority's own priors then
        service, server = open_service(settings)
    else:
        with project.open_store() as store:
            service, server = open_service(settings, store)
    if host not in LOCAL_NAMES:
        console.print(f"[yellow]warning:[/] listening on {plain(host)}: other machines can reach this service too")
    out.print(
        f"Reconciliation service for {service.name} at http://{host}:{port}/ — add it in OpenRefine; Ctrl-C stops"
    )
    try:
        server.serve_forever()
    finally:
        server.server_close()


@link.command("new-items")
@click.option("--occupation", default=ARTIST, show_default=True, help="P106 for the new items (artist).")
@click.option("--quickstatements", "qs_path", type=click.Path(dir_okay=False), help="Write QuickStatements here.")
@click.option("--wbeditentity", "json_path", type=click.Path(dir_okay=False),
              help="Write wbeditentity JSON (one entity a line) here.")  # fmt: skip
@click.option("--held", "held_path", type=click.Path(dir_okay=False),
              help="Write the people held back (Wikidata found something) as CSV here.")  # fmt: skip
@click.option("--problems", "problems_path", type=click.Path(dir_okay=False), help="Write the values left out here.")
@click.option("--searches", type=click.Path(exists=True, dir_okay=False), help=items.SEARCHES_HELP)
@click.option("--offline", is_flag=True, help=items.OFFLINE_HELP)
@click.option("--created", nargs=3, metavar="DATASET PERSON_ID QID", help="Record an item made for a person.")
@click.pass_context
def link_new_items(
    ctx: click.Context, occupation: str, qs_path: str | None, json_path: str | None, held_path: str | None,
    problems_path: str | None, searches: str | None, offline: bool, created: tuple[str, str, str] | None,
) -> None:  # fmt: skip
    """Prepare new Wikidata items for unmatched people: humans only, each searched on Wikidata first
    (every name form and the institution's id property); journaled, so a rerun prepares nobody twice."""
    with project_from(ctx).open_store() as store:
        if created:
            record_created(store, *created)
            out.print(f"{created[0]} {created[1]}: created {created[2]} and linked")
            return
        result = prepare_new_items(store, items.searcher(searches, offline), occupation)
        rows = db.new_items(store, "prepared")
    items.write_outputs(rows, qs_path, json_path)
    if held_path:
        items.write_held(held_path, result.held, "person_id")
    if problems_path:
        Path(problems_path).write_text("".join(p + "\n" for p in result.problems), encoding="utf-8")
    items.summary("person", result.added, result.waiting, len(result.held), len(result.refused), len(result.problems))


@link.command("work-items")
@click.option("--dataset", help="Only the works of this dataset.")
@click.option("--limit", type=int, help="Prepare at most this many works in this run (the rest next time).")
@click.option("--quickstatements", "qs_path", type=click.Path(dir_okay=False), help="Write QuickStatements here.")
@click.option("--wbeditentity", "json_path", type=click.Path(dir_okay=False),
              help="Write wbeditentity JSON (one entity a line) here.")  # fmt: skip
@click.option("--held", "held_path", type=click.Path(dir_okay=False),
              help="Write the works held back (an item of the collection has the title) as CSV here.")  # fmt: skip
@click.option("--searches", type=click.Path(exists=True, dir_okay=False), help=items.SEARCHES_HELP)
@click.option("--offline", is_flag=True, help=items.OFFLINE_HELP)
@click.option("--created", nargs=3, metavar="DATASET RECORD_ID QID", help="Record an item made for a work.")
@click.option("--commons-links", "links_path", type=click.Path(dir_okay=False),
              help="Write QuickStatements for Commons: each published file's P6243 to its work's item.")  # fmt: skip
@click.pass_context
def link_work_items(
    ctx: click.Context, dataset: str | None, limit: int | None, qs_path: str | None, json_path: str | None,
    held_path: str | None, searches: str | None, offline: bool, created: tuple[str, str, str] | None,
    links_path: str | None,
) -> None:  # fmt: skip
    """Prepare a Wikidata item for each work that has none (Sum of All Paintings style): each searched
    first by inventory number in the collection (an item found is linked, not created) and by title."""
    with project_from(ctx).open_store() as store:
        if created:
            if not db.mark_work_item(store, *created[:2], "created", created[2]):
                raise RecordNotFound(f"No prepared item for {created[0]} {created[1]}: run `link work-items` first.")
            out.print(f"{created[0]} {created[1]}: created {created[2]}")
            return
        if links_path:
            lines = commons_backlinks(store)
            Path(links_path).write_text("".join(lines), encoding="utf-8")
            out.print(f"{len(lines):,} Commons files pointed at their work's item (P6243)")
            return
        result = prepare_work_items(store, items.searcher(searches, offline), dataset, limit, published_images(store))
        rows = db.work_items(store, "prepared")
    items.write_outputs(rows, qs_path, json_path)
    if held_path:
        items.write_held(held_path, result.held, "record_id")
    items.summary("work", result.added, result.waiting, len(result.held))
    out.print(f"{result.linked:,} works linked to the item Wikidata already has; {len(result.refused):,} not prepared "
              "(no title, or an object type with no P31 in the profile)")  # fmt: skip


@link.command("create-items")
@click.argument("kind", type=click.Choice(["people", "works"]))
@click.option("--api", "api_url", default=items.WIKIDATA_API, show_default=True, help="The Wikibase API to create on.")
@click.option("--limit", type=int, help="Create at most this many items in this run.")
@click.option("--edits-per-minute", type=float, default=6.0, show_default=True, help="The edit-rate cap.")
@click.option("--approved-only", is_flag=True,
              help="Only the items approved on the web workspace's Wikidata writes page (people only).")  # fmt: skip
@click.pass_context
def link_create_items(
    ctx: click.Context, kind: str, api_url: str, limit: int | None, edits_per_minute: float, approved_only: bool
) -> None:
    """Create the prepared items (people or works) through wbeditentity, with the uploader's etiquette
    and credentials (GLAMWIKI_BOT_USER and GLAMWIKI_BOT_PASSWORD, or GLAMWIKI_OAUTH_TOKEN, as for publish):
    each item is journaled before it is sent, and a run that was killed looks for what it made before
    sending again."""
    if approved_only and kind != "people":
        raise click.UsageError("--approved-only is for people: work items are not reviewed on the web yet.")
    counts = items.create_items(project_from(ctx), api_url, kind, limit, edits_per_minute, approved_only)
    out.print(", ".join(f"{n:,} {what}" for what, n in counts.items()) or "nothing prepared to create")
