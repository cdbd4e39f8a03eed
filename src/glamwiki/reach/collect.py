"""Gather usage and views of a set of Commons files into the store, incrementally and politely.

- usage (prop=globalusage) is asked again only for files not checked within ``usage_max_age_days``;
- page views (REST per-article, monthly) are asked only for the months of [first, last] that no
  earlier run covered, one request per run of consecutive missing months per page and agent;
- media requests per file likewise; Commons Impact Metrics for the category when one is given.
A failed request is recorded (status error) so the report shows the gap; the run goes on.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from glamwiki.reach import mediawiki, rest
from glamwiki.reach.errors import ApiError
from glamwiki.reach.http import DAY, Client
from glamwiki.reach.kinds import Agent
from glamwiki.reach.months import month_end_day, month_range, runs
from glamwiki.reach.wikis import page_kind
from glamwiki.store import reach as db
from glamwiki.store.db import Store

Progress = Callable[[int], None]


@dataclass
class CollectSummary:
    files: int = 0
    new_files: int = 0
    usage_checked: int = 0
    new_usage: int = 0
    articles: int = 0
    view_requests: int = 0
    months_fetched: int = 0
    failures: list[str] = field(default_factory=list)
    requests_made: int = 0
    cache_hits: int = 0
    problems: list[str] = field(default_factory=list)
    views_source: str = "api"  # where the article figures came from: "api" (REST) or "dumps"
    dump_files_loaded: int = 0
    dump_files_missing: list[str] = field(default_factory=list)


def listing_ttl(usage_max_age_days: float) -> float:
    """How long a cached listing (category members, usage) may be reused: never longer than a day,
    never at all with --usage-max-age 0."""
    return max(0.0, min(DAY, usage_max_age_days * DAY))


def resolve_files(
    client: Client, category: str | None, names: list[str], depth: int = 0, usage_max_age_days: float = 7.0
) -> tuple[list[str], str]:
    if category:
        files = mediawiki.category_files(client, category, depth, listing_ttl(usage_max_age_days))
        return files, category_source(category)
    return [mediawiki.file_key(n) for n in names if n.strip()], "list"


def category_source(category: str) -> str:
    return f"category:{category.removeprefix('Category:')}"


@dataclass(frozen=True)
class CollectPlan:
    """What one `reach collect` gathers: which files, which months, and which figures."""

    files: list[str]
    source: str  # "category:NAME", "list" or "project"
    first: str  # YYYY-MM
    last: str
    agents: tuple[Agent, ...] = ("user",)
    usage_max_age_days: float = 7.0
    media: bool = True  # media requests per file
    category: str | None = None  # also Commons Impact Metrics for the category
    cim_files: bool = False  # also Commons Impact Metrics per file
    depth: int = 0  # subcategory depth the category was listed to
    views_source: str = "api"  # article figures from the REST API ("api") or the daily dumps ("dumps")
    dumps_dir: Path | None = None  # where dump files are downloaded (views_source "dumps")
    keep_dumps: bool = False  # keep them after loading (else each is deleted once aggregated)


def collect(store: Store, client: Client, plan: CollectPlan, progress: Progress | None = None) -> CollectSummary:
    files = plan.files
    summary = CollectSummary(files=len(files))
    summary.new_files = db.add_files(store, files, plan.source)
    months = month_range(plan.first, plan.last)
    if plan.category:
        # what was in the category in the months no earlier collect listed it for
        name = plan.source.removeprefix("category:")
        listed = db.membership_months(store, name)
        db.record_membership(store, name, [m for m in months if m not in listed], files, plan.depth)
    _usage(store, client, files, plan.usage_max_age_days, summary)
    if plan.views_source == "dumps":
        _views_from_dumps(store, client, plan, months, summary, progress)
    else:
        _all_views(store, client, plan, months, summary, progress)
    if plan.media:
        _all_media(store, client, files, months, summary)
    if plan.category:
        _cim_category(store, client, plan.category, months, summary)
    if plan.cim_files:
        for name in files:
            _cim_file(store, client, name, months, summary)
    summary.requests_made, summary.cache_hits = client.requests_made, client.cache_hits
    return summary


def _usage(store: Store, client: Client, files: list[str], max_age: float, summary: CollectSummary) -> None:
    due = db.files_due_for_usage(store, files, max_age)
    if not due:
        return
    when = db.now()
    problems: list[tuple[str, str]] = []
    found = mediawiki.global_usage(client, due, problems, listing_ttl(max_age))
    for name in due:
        uses = [(u.wiki, u.title, u.ns, u.page_id, page_kind(u.wiki, u.ns)) for u in found.get(name, [])]
        summary.new_usage += db.record_usage(store, name, uses, when)
    for key, detail in problems:
        db.record_problem(store, "globalusage", key, detail)
        summary.problems.append(f"{key}: {detail}")
    summary.usage_checked = len(due)


def _missing(store: Store, kind: str, key: str, agent: str, months: list[str]) -> list[tuple[str, str]]:
    have = db.covered_months(store, kind, key, agent)
    return runs([m for m in months if m not in have])


ViewTask = tuple[str, str, Agent, str, str]  # wiki, title, agent, first month, last month


def _all_views(
    store: Store,
    client: Client,
    plan: CollectPlan,
    months: list[str],
    summary: CollectSummary,
    progress: Progress | None,
) -> None:
    """Views of every article for the months no earlier run covered: REST requests run a few at a
    time (the client bounds them), answers are written here, one at a time."""
    articles = db.articles_in_use(store)
    summary.articles = len(articles)
    tasks: list[ViewTask] = []
    for wiki, title in articles:
        for agent in plan.agents:
            tasks += [
                (wiki, title, agent, a, b) for a, b in _missing(store, "pageviews", f"{wiki}|{title}", agent, months)
            ]
    workers = max(1, client.polite.rest_concurrency)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for task, answer in zip(tasks, pool.map(lambda t: _fetch_views(client, t), tasks), strict=True):
            _save_views(store, task, answer, summary)
            if progress:
                progress(1)


def _views_from_dumps(store: Store, client: Client, plan: CollectPlan, months: list[str], summary: CollectSummary,
                      progress: Progress | None) -> None:  # fmt: skip
    from glamwiki.reach.dumpfetch import views_from_dumps

    summary.articles, summary.views_source = len(db.articles_in_use(store)), "dumps"
    folder = plan.dumps_dir or Path("dumps")
    done = views_from_dumps(store, client, months, plan.agents, folder, plan.keep_dumps, progress)
    summary.dump_files_loaded, summary.dump_files_missing = len(done.loaded), done.missing


def _fetch_views(client: Client, task: ViewTask) -> list[rest.Point] | ApiError:
    wiki, title, agent, first, last = task
    try:
        return rest.per_article(
            client, wiki, title, first.replace("-", "") + "01", month_end_day(last), "monthly", agent
        )
    except ApiError as exc:
        return exc


def _save_views(store: Store, task: ViewTask, answer: list[rest.Point] | ApiError, summary: CollectSummary) -> None:
    wiki, title, agent, first, last = task
    key = f"{wiki}|{title}"
    summary.view_requests += 1
    if isinstance(answer, ApiError):
        db.record_coverage(store, "pageviews", key, agent, first, last, "error", str(answer))
        summary.failures.append(f"{key} {first}..{last}: {answer}")
        return
    with store.transaction():
        db.record_views(store, wiki, title, "monthly", agent, [(p.period, p.value) for p in answer], "api")
        db.record_coverage(store, "pageviews", key, agent, first, last)
    summary.months_fetched += len(month_range(first, last))


def _all_media(store: Store, client: Client, files: list[str], months: list[str], summary: CollectSummary) -> None:
    """Media requests (REST, agent user) of every file for the months not yet covered, a few at a time."""
    tasks = [(name, a, b) for name in files for a, b in _missing(store, "mediarequests", name, "user", months)]

    def fetch(task: tuple[str, str, str]) -> list[rest.Point] | ApiError:
        name, first, last = task
        try:
            return rest.mediarequests(client, name, first.replace("-", "") + "01", month_end_day(last))
        except ApiError as exc:
            return exc

    with ThreadPoolExecutor(max_workers=max(1, client.polite.rest_concurrency)) as pool:
        for (name, first, last), answer in zip(tasks, pool.map(fetch, tasks), strict=True):
            if isinstance(answer, ApiError):
                db.record_coverage(store, "mediarequests", name, "user", first, last, "error", str(answer))
                summary.failures.append(f"media {name} {first}..{last}: {answer}")
                continue
            with store.transaction():
                db.record_mediarequests(store, name, "monthly", "user", [(p.period, p.value) for p in answer], "api")
                db.record_coverage(store, "mediarequests", name, "user", first, last)


def _cim_category(store: Store, client: Client, category: str, months: list[str], summary: CollectSummary) -> None:
    _cim(store, "category", category.removeprefix("Category:").replace(" ", "_"), rest.cim_category, client, months,
         summary)  # fmt: skip


def _cim_file(store: Store, client: Client, name: str, months: list[str], summary: CollectSummary) -> None:
    _cim(store, "file", name, rest.cim_file, client, months, summary)


def _cim(store: Store, kind: str, key: str, fetch: Callable[..., list[Any]], client: Client, months: list[str],
         summary: CollectSummary) -> None:  # fmt: skip
    """Commons Impact Metrics for one category or file, for the months not yet covered."""
    coverage = f"cim-{kind}"
    for first, last in _missing(store, coverage, key, "user", months):
        try:
            points = fetch(client, key, first.replace("-", "") + "01", month_end_day(last))
        except ApiError as exc:
            db.record_coverage(store, coverage, key, "user", first, last, "error", str(exc))
            summary.failures.append(f"Commons Impact Metrics {key}: {exc}")
            continue
        with store.transaction():
            db.record_cim(store, kind, key, "all-wikis", [(p.period, p.value) for p in points])
            db.record_coverage(store, coverage, key, "user", first, last)
