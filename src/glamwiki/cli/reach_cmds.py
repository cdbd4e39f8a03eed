"""reach: usage and views of Commons files, dump aggregation, reports, events."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from glamwiki.cli.context import console, emit_json, out, progress_bar, project_from
from glamwiki.errors import ConfigError
from glamwiki.jobtrack import tracked
from glamwiki.reach.kinds import ENGINES
from glamwiki.reach.months import collect_months

if TYPE_CHECKING:
    from glamwiki.project import Project
    from glamwiki.reach.http import Client

API_ROOT = click.option(
    "--api-root",
    envvar="GLAMWIKI_REACH_API_ROOT",
    default="",
    help="Send every API request under this base URL instead of the public hosts (tests, mirrors).",
)
MIN_INTERVAL = click.option(
    "--min-interval",
    envvar="GLAMWIKI_REACH_MIN_INTERVAL",
    type=float,
    default=0.2,
    show_default=True,
    help="Seconds to wait between two API requests.",
)


@click.group()
def reach() -> None:
    """Evidence of what sharing on Wikimedia achieved: usage, views, events."""


@reach.command()
@click.option("--category", help='A Commons category, e.g. "Media contributed by Tate".')
@click.option(
    "--files", "files_list", type=click.Path(exists=True, dir_okay=False), help="A file: one file name a line."
)
@click.option("--project", "from_project", is_flag=True, help="The files this project uploaded (glamwiki publish run).")
@click.option(
    "--target",
    default="https://commons.wikimedia.org/w/api.php",
    show_default=True,
    help="With --project: the wiki the files were uploaded to.",
)
@click.option("--from", "first", help="First month (YYYY-MM); default: 12 months before --to.")
@click.option("--to", "last", help="Last month (YYYY-MM); default: the last complete month.")
@click.option("--agents", default="user", show_default=True, help="Agent types to fetch: user,spider,automated.")
@click.option(
    "--usage-max-age",
    type=float,
    default=7.0,
    show_default=True,
    help="Re-ask usage after these many days; 0 asks again now, bypassing the cache.",
)
@click.option(
    "--depth",
    type=click.IntRange(0, 10),
    default=0,
    show_default=True,
    help="With --category: also files in subcategories, this many levels down (Commons Impact Metrics: 7).",
)
@click.option("--no-media", is_flag=True, help="Skip media requests per file.")
@click.option(
    "--cim-files", is_flag=True, help="Also ask Commons Impact Metrics per file (allow-listed categories only)."
)
@click.option(
    "--rest-concurrency",
    type=click.IntRange(1, 16),
    default=4,
    show_default=True,
    help="REST metrics requests in flight at once (the Action API is always asked one request at a time).",
)
@click.option(
    "--source",
    "views_source",
    type=click.Choice(["auto", "api", "dumps"]),
    default="auto",
    show_default=True,
    help="Where the article figures come from: the cheapest (auto), the REST APIs, or the daily dumps.",
)
@click.option(
    "--dumps-dir",
    type=click.Path(file_okay=False),
    help="Where dump files are downloaded when dumps are used (default: PROJECT/dumps).",
)
@click.option("--keep-dumps", is_flag=True, help="Keep downloaded dump files (default: delete each once counted).")
@click.option("--estimate", "only_estimate", is_flag=True, help="Say how many requests and how long; fetch no views.")
@API_ROOT
@MIN_INTERVAL
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_context
def collect(
    ctx: click.Context,
    category: str | None,
    files_list: str | None,
    from_project: bool,
    target: str,
    first: str | None,
    last: str | None,
    agents: str,
    usage_max_age: float,
    depth: int,
    no_media: bool,
    cim_files: bool,
    rest_concurrency: int,
    views_source: str,
    dumps_dir: str | None,
    keep_dumps: bool,
    only_estimate: bool,
    api_root: str,
    min_interval: float,
    as_json: bool,
) -> None:
    """Gather where the files are used and how often those pages are read (reruns fetch only what is new).
    Says first how many requests and how long it will take, and uses the cheapest source for the
    article figures (the REST APIs, or the daily pageview_complete dumps for large collections)
    unless --source forces one."""
    from glamwiki.reach.collect import CollectPlan, resolve_files
    from glamwiki.reach.collect import collect as run_collect
    from glamwiki.reach.estimate import for_collect, pick_source
    from glamwiki.reach.kinds import parse_agents
    from glamwiki.reach.months import month_range
    from glamwiki.reach.session import read_file_list
    from glamwiki.store.publishing import published_titles

    if sum(map(bool, (category, files_list, from_project))) != 1:
        raise ConfigError("Give exactly one of --category NAME, --files LIST or --project.")
    wanted = parse_agents(agents)
    project = project_from(ctx)
    start, end = collect_months(first, last)
    client = _client(project, api_root, min_interval, rest_concurrency)
    names = read_file_list(Path(files_list)) if files_list else []
    with project.open_store() as store:
        if from_project:
            names = published_titles(store, target)
            if not names:
                raise ConfigError(f"No files uploaded to {target} by this project yet; see `glamwiki publish results`.")
    files, source = resolve_files(client, category, names, depth, usage_max_age)
    source = "project" if from_project else source
    with project.open_store() as store:
        months = len(month_range(start, end))
        guess = for_collect(store, files, months, client.polite, category, not no_media)
    chosen, why = pick_source(guess, views_source)
    if only_estimate and as_json:
        emit_json({**guess.__dict__, "source": chosen, "source_why": why})
        return
    if not as_json:
        for line in guess.lines():
            out.print(line)
        out.print(f"Article figures from: {'the daily dumps' if chosen == 'dumps' else 'the REST APIs'} ({why}).")
    if only_estimate:
        return
    params = {"source": source, "files": len(files), "start": start, "end": end, "article_source": chosen}
    with (
        project.open_store() as store,
        progress_bar("collecting views") as bar,
        tracked(store, "reach-collect", params, echo=bar) as advance,
    ):
        plan = CollectPlan(files, source, start, end, wanted, usage_max_age, not no_media, category, cim_files, depth,
                           chosen, Path(dumps_dir) if dumps_dir else project.root / "dumps", keep_dumps)  # fmt: skip
        summary = run_collect(store, client, plan, advance)
    if as_json:
        emit_json({**summary.__dict__, "estimate": guess.__dict__, "source_why": why})
        return
    if chosen == "dumps":
        missing = summary.dump_files_missing
        out.print(f"{summary.dump_files_loaded:,} daily dump files counted; {len(missing):,} not to be had"
                  + (f" (first: {missing[0]})" if missing else ""))  # fmt: skip
    out.print(
        f"{summary.files:,} files ({summary.new_files:,} new), usage checked for {summary.usage_checked:,} "
        f"({summary.new_usage:,} new pages); {summary.articles:,} articles in use; {summary.months_fetched:,} "
        f"page-months fetched in {summary.view_requests:,} requests ({summary.requests_made:,} HTTP, "
        f"{summary.cache_hits:,} from cache); {len(summary.failures)} failures"
    )
    for failure in summary.failures[:10]:
        out.print(f"  failed: {failure}")
    for problem in summary.problems[:10]:
        out.print(f"  could not read: {problem}")


@reach.command()
@click.argument("dump_files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--engine", type=click.Choice(ENGINES), default="duckdb", show_default=True)
@click.option(
    "--spark-master",
    envvar="GLAMWIKI_REACH_SPARK_MASTER",
    default="",
    help="Spark master URL for --engine spark (default: local mode on this machine).",
)
@click.option("--force", is_flag=True, help="Aggregate files already done again (replacing what they gave).")
@click.option(
    "--jobs",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Files aggregated at once on DuckDB (each decompresses in its own process); e.g. the number of cores.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
@click.pass_context
def dumps(
    ctx: click.Context,
    dump_files: tuple[str, ...],
    engine: str,
    spark_master: str,
    force: bool,
    jobs: int,
    as_json: bool,
) -> None:
    """Count views of the pages using the files (and media requests) from downloaded dump files."""
    from glamwiki.reach.dumpload import load_dumps

    project = project_from(ctx)
    params = {"files": [Path(p).name for p in dump_files], "engine": engine}
    with (
        project.open_store() as store,
        progress_bar("aggregating dumps", len(dump_files)) as bar,
        tracked(store, "reach-dumps", params, len(dump_files), bar) as advance,
    ):
        results = load_dumps(store, [Path(p) for p in dump_files], engine, force, advance, spark_master, jobs)
    if as_json:
        emit_json(results)
        return
    for r in results:
        out.print(
            f"{r['file']}: {r['status']}; {r.get('lines', 0):,} lines, {r.get('malformed', 0):,} malformed, "
            f"{r.get('matched', 0):,} pages matched ({engine})"
        )
        for line in r.get("malformed_examples", []):
            shown = "".join(c if c.isprintable() else "\ufffd" for c in line)  # no control codes on a terminal
            out.print(f"  malformed, as read: {shown}", markup=False, highlight=False)


@reach.command("usage-dump")
@click.argument("dump_file", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--files",
    "files_list",
    type=click.Path(exists=True, dir_okay=False),
    help="Add these files (one name a line) to the measured set first: a collect from dumps alone.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.pass_context
def usage_dump(ctx: click.Context, dump_file: str, files_list: str | None, as_json: bool) -> None:
    """Usage of the measured files from Commons' dump commonswiki-YYYYMMDD-globalimagelinks.sql.gz.

    The dump is a full snapshot as of its date: usage not in it is marked gone."""
    from glamwiki.reach.mediawiki import file_key
    from glamwiki.reach.session import read_file_list
    from glamwiki.reach.usagedump import load_usage_dump
    from glamwiki.store.reach import add_files

    project = project_from(ctx)
    with project.open_store() as store:
        if files_list:
            add_files(store, [file_key(n) for n in read_file_list(Path(files_list))], "list")
        result = load_usage_dump(store, Path(dump_file))
    if as_json:
        emit_json(result)
        return
    out.print(
        f"{result['file']}: usage as of {result['as_of']}: {result['links']:,} links to the files, "
        f"{result['new_usage']:,} new; {result['files_in_use']:,} files on articles; {result['problems']:,} problems"
    )


@reach.command()
@click.option("--from", "first", help="First month (YYYY-MM); default: 12 months before --to.")
@click.option("--to", "last", help="Last month (YYYY-MM); default: the last complete month.")
@click.option("--output", type=click.Path(file_okay=False), default="reach-report", show_default=True)
@click.option("--top", type=int, default=25, show_default=True, help="How many top files and articles to list.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.pass_context
def report(ctx: click.Context, first: str | None, last: str | None, output: str, top: int, as_json: bool) -> None:
    """Write the reach report (HTML with charts, CSV, JSON): views, wikis, top files and articles, gaps."""
    from glamwiki.reach.figures import compute, remember_report
    from glamwiki.reach.render import write_report
    from glamwiki.store.reach import now

    project = project_from(ctx)
    start, end = collect_months(first, last)
    with project.open_store() as store:
        figures = compute(store, start, end, top)
        paths = write_report(figures, Path(output), f"{project.name}: reach and impact")
        remember_report(store, figures, now())
    if as_json:
        emit_json({"files": {k: str(v) for k, v in paths.items()}, **figures.as_json()})
        return
    if figures.total_views is None:
        out.print(
            f"Nothing collected yet for {start} to {end}: run `glamwiki reach collect` or `glamwiki reach dumps`. "
            f"Report: {paths['html']}"
        )
        return
    out.print(
        f"{figures.total_views:,} views of {figures.articles_in_use:,} Wikipedia articles on {figures.wikis:,} "
        f"Wikipedias ({start} to {end}; per-file sum {figures.per_file_sum_views:,}); "
        f"{len(figures.gaps):,} article-months missing. Report: {paths['html']}"
    )


@reach.command()
@click.option("--output", type=click.Path(file_okay=False), default="reach-report", show_default=True)
@click.option("--language", "languages", multiple=True, help="Only Wikipedias in this language (repeatable), e.g. cy.")
@click.option("--limit", type=int, default=500, show_default=True, help="At most this many unused files.")
@API_ROOT
@MIN_INTERVAL
@click.option("--json", "as_json", is_flag=True, help="Print the worklist as JSON.")
@click.pass_context
def suggest(
    ctx: click.Context, output: str, languages: tuple[str, ...], limit: int, api_root: str, min_interval: float,
    as_json: bool,
) -> None:  # fmt: skip
    """Where unused files could go: Wikipedia articles and Wikidata items, a worklist (CSV and wikitext)."""
    from glamwiki.reach.placement import suggest as run_suggest
    from glamwiki.reach.placement import write_worklist
    from glamwiki.store.reach_report import article_pages, unused_files

    project = project_from(ctx)
    with project.open_store() as store:
        files, used = unused_files(store)[:limit], article_pages(store)
    if not files:
        raise ConfigError("No unused files: run `glamwiki reach collect` first, or every file is already in use.")
    client = _client(project, api_root, min_interval)
    work = run_suggest(client, files, languages, used)
    paths = write_worklist(work, Path(output))
    if as_json:
        found = {"suggestions": [s.__dict__ for s in work.suggestions], "without_items": work.without_items}
        emit_json({"files": {k: str(v) for k, v in paths.items()}, **found, "problems": work.problems})
        return
    articles = sum(s.kind == "article" for s in work.suggestions)
    out.print(
        f"{len(files):,} unused files: {articles:,} articles and {len(work.suggestions) - articles:,} Wikidata items "
        f"suggested; {len(work.without_items):,} files have no structured data to go on. Worklist: {paths['csv']}, "
        f"{paths['wikitext']}"
    )


@reach.command()
@click.option("--name", required=True, help="A name for the event, e.g. 'Art+Feminism 2025'.")
@click.option("--participant", "participants", multiple=True, help="A participant's user name (repeatable).")
@click.option("--participants-file", type=click.Path(exists=True, dir_okay=False), help="A file: one user name a line.")
@click.option("--start", required=True, help="Start, ISO 8601 UTC (e.g. 2025-03-08T09:00:00Z).")
@click.option("--end", required=True, help="End, ISO 8601 UTC.")
@click.option(
    "--wiki",
    "wikis",
    multiple=True,
    default=("en.wikipedia",),
    show_default=True,
    help="Wikis to count (repeatable); add commons.wikimedia to count uploads.",
)
@click.option("--views-days", type=int, default=30, show_default=True, help="Days of views counted after the end.")
@API_ROOT
@MIN_INTERVAL
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_context
def event(
    ctx: click.Context,
    name: str,
    participants: tuple[str, ...],
    participants_file: str | None,
    start: str,
    end: str,
    wikis: tuple[str, ...],
    views_days: int,
    api_root: str,
    min_interval: float,
    as_json: bool,
) -> None:
    """What an edit-a-thon produced: edits, articles, bytes, references, uploads, views, articles about women."""
    from glamwiki.reach.event import Event, run_event
    from glamwiki.reach.session import read_file_list

    people = list(participants) + (read_file_list(Path(participants_file)) if participants_file else [])
    if not people:
        raise ConfigError("Name the participants: --participant NAME (repeatable) or --participants-file FILE.")
    project = project_from(ctx)
    client = _client(project, api_root, min_interval)
    with project.open_store() as store:
        summary = run_event(store, client, Event(name, people, start, end, list(wikis), views_days))
    if as_json:
        emit_json(summary.__dict__)
        return
    share = "n/a" if summary.gender_share_women is None else f"{100 * summary.gender_share_women:.0f}%"
    out.print(
        f"{summary.name}: {summary.participants} participants, {summary.edits:,} edits, "
        f"{summary.articles_created:,} articles created, {summary.articles_improved:,} improved, "
        f"{summary.bytes_added:,} bytes and {summary.references_added:,} references added; "
        f"{summary.files_uploaded:,} files uploaded ({summary.uploads_in_use:,} in use on "
        f"{summary.articles_using_uploads:,} articles); {summary.views_after:,} views in {summary.views_window}; "
        f"{summary.about_women}/{summary.biographies} biographies about women ({share}); "
        f"{summary.about_collection_people} about people in the collection; new editors: "
        f"{'not looked up' if summary.new_editors is None else summary.new_editors}, still editing 7 days after: "
        f"{'not yet known' if summary.retained_editors is None else summary.retained_editors}"
    )


def _say_wait(note: str) -> None:
    console.print(f"[yellow]{note}[/]", highlight=False)


def _client(project: Project, api_root: str, min_interval: float, rest_concurrency: int = 4) -> Client:
    """The project's reach client: its cache, the operator's contact, retries from settings or the environment."""
    from glamwiki.cli import network
    from glamwiki.reach.session import client_for

    backoff, retries = network.reach_retry(project.config)
    return client_for(
        project.root, api_root, min_interval, notify=_say_wait, rest_concurrency=rest_concurrency,
        backoff=backoff, max_retries=retries, contact=network.contact(project.config),
    )  # fmt: skip
