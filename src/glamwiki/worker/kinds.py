"""One claimed job run by kind, through the same library functions as the CLI commands
(``glamwiki ingest``, ``rights``, ``link run``, ``publish run``, ``reach collect``). Progress, cancel
and failure go through the job (``jobtrack.tracked`` with the claimed job's id; ``publish run``
through its own claimed work); a job's params never hold credentials."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from glamwiki.errors import ConfigError
from glamwiki.jobtrack import tracked
from glamwiki.store import Store
from glamwiki.store.jobs import Job
from glamwiki.worker.setup import Setup, credentials_for
from glamwiki.worker.sources import ingest_source

Run = Callable[[Store, Job, Setup], None]


def _text(params: dict[str, Any], key: str) -> str | None:
    value = params.get(key)
    return str(value) if value not in (None, "") else None


def run_ingest(store: Store, job: Job, setup: Setup) -> None:
    from glamwiki.intake.ingest import ingest, ingest_options
    from glamwiki.intake.registry import choose_profile

    p, config = job.params, setup.project.config
    source = ingest_source(store, setup.project.root, str(p.get("source", "")))
    mapping = _text(p, "mapping")
    chosen, reader = choose_profile(ingest_source(store, setup.project.root, mapping) if mapping else None,
                                    _text(p, "profile"))  # fmt: skip
    dataset = _text(p, "dataset") or (chosen.name if chosen else reader or Path(source.rstrip("/")).stem)
    options = ingest_options(config, str(config.get("publishing", "contact", "") or setup.contact))
    with tracked(store, "ingest", job_id=job.id) as advance:
        summary = ingest(store, source, dataset=dataset, profile=chosen, reader=reader, options=options,
                         progress=advance)  # fmt: skip
        advance.note = (f"{dataset}: {summary.objects:,} objects, {summary.people:,} people: "
                        f"{summary.added:,} added, {summary.changed:,} changed, {summary.unchanged:,} unchanged; "
                        f"{summary.errors:,} errors")  # fmt: skip


def run_rights(store: Store, job: Job, setup: Setup) -> None:
    from glamwiki.rights import default_settings
    from glamwiki.rights.project import approved_presumptions, assess_project, object_count

    p = job.params
    as_of = _text(p, "as_of")
    try:
        day = date.fromisoformat(as_of) if as_of else date.today()
    except ValueError as exc:
        raise ConfigError(f"as_of {as_of!r} is not a date: give YYYY-MM-DD") from exc
    chosen = approved_presumptions(store, [str(n) for n in p.get("presume") or []])
    with tracked(store, "rights", total=object_count(store), job_id=job.id) as advance:
        summary = assess_project(store, day, default_settings(None), advance, chosen)
        d = summary.decisions
        advance.note = (f"{summary.assessed:,} assessed: {d.get('upload', 0):,} upload, {d.get('block', 0):,} block, "
                        f"{d.get('review', 0):,} review")  # fmt: skip


def run_link(store: Store, job: Job, setup: Setup) -> None:
    from glamwiki.linking.matcher import Thresholds
    from glamwiki.linking.project_flow import ProjectLink, link_project
    from glamwiki.linking.run import LIVE

    p = job.params
    authority = _text(p, "authority") or LIVE
    if authority != LIVE:
        authority = ingest_source(store, setup.project.root, authority)
    live = setup.wikidata() if authority == LIVE and setup.wikidata is not None else None
    thresholds = Thresholds(float(p.get("match_threshold", 0.95)), float(p.get("review_threshold", 0.5)))
    task = ProjectLink(authority, _text(p, "authority_profile"), None, _text(p, "dataset"),
                       not p.get("ignore_identifiers"), thresholds, live)  # fmt: skip
    with tracked(store, "link", job_id=job.id) as advance:
        info = link_project(store, task, advance)
        advance.note = (f"{info['authority']}: {info.get('match', 0):,} match, {info.get('review', 0):,} to review, "
                        f"{info.get('none', 0):,} none")  # fmt: skip


def run_publish(store: Store, job: Job, setup: Setup) -> None:
    """``publish run`` on the job's target (default: the project's), as the account that started it
    (``credentials_for``); only approved files when the job or the project's settings say so. Files
    already finished are never sent again: a job run again goes on where the last one stopped."""
    from glamwiki.publishing.connect import connect, target_from
    from glamwiki.publishing.run import Runner, RunOptions, refuse_partial_plan
    from glamwiki.publishing.settings import upload_settings

    p, config = job.params, setup.project.config
    refuse_partial_plan(store, bool(p.get("allow_partial_plan")))
    target = target_from(config, _text(p, "target"))
    approved = bool(p.get("approved_only")) or bool(config.get("publishing", "require_approval", False))
    limit = int(p["limit"]) if str(p.get("limit", "")).isdigit() else None
    options = RunOptions(not p.get("no_structured_data"), limit, upload=upload_settings(setup.project),
                         approved_only=approved)  # fmt: skip
    client = connect(target, credentials_for(job, target.api, setup), setup.etiquette)
    Runner(store, client, options).run(job_id=job.id)


def run_reach_collect(store: Store, job: Job, setup: Setup) -> None:
    """``reach collect --project``: usage and views of the files this project uploaded to its target."""
    from glamwiki.publishing.connect import target_from
    from glamwiki.reach.collect import CollectPlan, collect, resolve_files
    from glamwiki.reach.estimate import for_collect, pick_source
    from glamwiki.reach.months import collect_months, month_range
    from glamwiki.store.publishing import published_titles

    if setup.reach is None:
        raise ConfigError("this worker was started without a reach client: it cannot collect views")
    p = job.params
    if _text(p, "source") not in (None, "project"):  # a `reach collect --category/--files` run from a terminal
        raise ConfigError(f"this collect was of {p['source']}: run it again with `glamwiki reach collect`.")
    target = _text(p, "target") or target_from(setup.project.config).api
    names = published_titles(store, target)
    if not names:
        raise ConfigError(f"No files uploaded to {target} by this project yet: publish first.")
    client = setup.reach(_text(p, "api_root") or "")
    files, _ = resolve_files(client, None, names)
    start, end = collect_months(_text(p, "start"), _text(p, "end"))
    guess = for_collect(store, files, len(month_range(start, end)), client.polite, None, True)
    chosen, _ = pick_source(guess, _text(p, "article_source") or "auto")
    plan = CollectPlan(files, "project", start, end, views_source=chosen,
                       dumps_dir=setup.project.root / "dumps")  # fmt: skip
    with tracked(store, "reach-collect", job_id=job.id) as advance:
        summary = collect(store, client, plan, advance)
        advance.note = (f"{summary.files:,} files, {summary.articles:,} articles in use, {summary.months_fetched:,} "
                        f"page-months; {len(summary.failures)} failures")  # fmt: skip


WIKIDATA_API = "https://www.wikidata.org/w/api.php"


def run_create_items(store: Store, job: Job, setup: Setup) -> None:
    """``link create-items people`` limited to the items a person approved in the Wikidata writes queue
    (``linking.item_review``), on the job's ``api`` (default: the project's ``[linking] wikidata_api``,
    else Wikidata), as the account that started it; journaled first, so running it again writes
    nothing twice."""
    import tempfile
    from datetime import UTC, datetime

    from glamwiki.linking.item_review import waiting_to_write, write_approved
    from glamwiki.linking.wikidata.client import WikidataClient
    from glamwiki.linking.wikidata.search_first import Searcher
    from glamwiki.publishing.connect import Target, connect

    p, config = job.params, setup.project.config
    api_url = _text(p, "api") or str(config.get("linking", "wikidata_api", WIKIDATA_API))
    contact = str(config.get("publishing", "contact", "") or setup.contact)
    target = Target(api_url, contact, float(config.get("publishing", "edits_per_minute", 6.0)))
    with tracked(store, "create-items", total=waiting_to_write(store), job_id=job.id) as advance:
        api = connect(target, credentials_for(job, api_url, setup), setup.etiquette)
        cache = tempfile.mkdtemp(prefix="glamwiki-create-items-")
        searcher = Searcher(WikidataClient(cache, contact=contact, api_url=api_url))
        counts = write_approved(store, api, searcher, datetime.now(UTC).strftime("%Y%m%d%H%M%S"))
        advance(sum(counts.values()))
        advance.note = ", ".join(f"{n:,} {what}" for what, n in counts.items()) or "no approved item to write"


RUNNERS: dict[str, Run] = {
    "ingest": run_ingest,
    "rights": run_rights,
    "link": run_link,
    "publish": run_publish,
    "reach-collect": run_reach_collect,
    "create-items": run_create_items,
}
KINDS = tuple(RUNNERS)
