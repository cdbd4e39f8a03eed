"""The figures of a reach report, computed from the store, with the evidence behind them.

Counting rules (stated on the report page, see ``METHODS``):
- a view is a page view by agent type ``user`` (spiders and automated agents excluded) of an
  article (namespace 0) that uses at least one of the files;
- a page's month uses its monthly figure when there is one (REST API or monthly dump), else
  the sum of its daily figures from dumps, else the sum of its hourly figures (never two of them);
- a page-month that no fetch or dump covered is a gap: listed, never filled with a guess.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from glamwiki.reach.months import month_range
from glamwiki.store.db import Store

METHODS = [
    "Usage: where each file is used on every Wikimedia wiki (MediaWiki API prop=globalusage), as of the "
    "last check; only articles (namespace 0) count towards views.",
    "Views: page views of those articles from the Wikimedia REST API (per-article, monthly, all access "
    "methods) or the public pageview dumps. Only agent type 'user' is counted: spiders and automated "
    "agents (bots) are excluded.",
    "Each article counts once in the totals, however many of the files it uses; 'views by file' credits an "
    "article's views to every file on it, so those figures overlap.",
    "Gaps: a month for which an article's views could not be fetched is listed as a gap and left out of "
    "the sums; a month with gaps is marked as a lower bound. Nothing is estimated or filled in.",
    "Pages that stopped using the files stay counted for months before their usage was last seen.",
]


@dataclass
class ReachFigures:
    first: str
    last: str
    files: int = 0
    files_in_use: int = 0
    articles_in_use: int = 0
    other_pages_in_use: int = 0
    wikis: int = 0
    total_views: int = 0
    monthly: list[tuple[str, int, int]] = field(default_factory=list)  # month, views, pages with gaps
    per_wiki: list[tuple[str, int, int]] = field(default_factory=list)  # wiki, articles, views
    top_files: list[tuple[str, int, int]] = field(default_factory=list)  # file, articles, views
    top_articles: list[tuple[str, str, int, int]] = field(default_factory=list)  # wiki, title, files, views
    unused_files: list[str] = field(default_factory=list)
    new_usage: list[tuple[str, str, str, str]] = field(default_factory=list)  # file, wiki, title, first seen
    new_usage_since: str | None = None
    gaps: list[tuple[str, str, str, str]] = field(default_factory=list)  # wiki, title, month, reason
    excluded_agents: dict[str, int] = field(default_factory=dict)  # spider/automated views, if collected
    media_requests: int = 0
    cim_category: list[tuple[str, int]] = field(default_factory=list)
    dump_runs: list[tuple[str, str, int, int]] = field(default_factory=list)  # file, engine, lines, malformed

    @property
    def files_unused(self) -> int:
        return self.files - self.files_in_use

    def as_json(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["files_unused"] = self.files_unused
        data["methods"] = METHODS
        return data


def compute(store: Store, first: str, last: str, top: int = 25) -> ReachFigures:
    f = ReachFigures(first, last)
    f.files = int(store.scalar("SELECT COUNT(*) FROM reach_files"))
    f.files_in_use = int(
        store.scalar("SELECT COUNT(DISTINCT file) FROM reach_usage WHERE gone_at IS NULL AND ns = 0") or 0
    )
    f.other_pages_in_use = int(
        store.scalar(
            "SELECT COUNT(*) FROM (SELECT DISTINCT wiki, title FROM reach_usage WHERE gone_at IS NULL AND ns <> 0)"
        )
    )
    pages = _articles(store, first)
    f.articles_in_use = sum(1 for p in pages.values() if p["current"])
    f.wikis = len({w for w, _ in pages})
    views = _page_month_views(store, first, last)
    gaps = _gaps(store, pages, first, last)
    f.gaps = sorted(gaps)
    _totals(f, pages, views, gaps, first, last)
    _by_file(store, f, views, top)
    f.unused_files = [r[0] for r in store.query(_UNUSED)]
    _new_usage(store, f)
    f.media_requests = int(
        store.scalar(
            "SELECT COALESCE(SUM(requests), 0) FROM reach_mediarequests WHERE substr(period, 1, 7) BETWEEN ? AND ?",
            (first, last),
        )
    )
    f.cim_category = [
        (r[0], r[1])
        for r in store.query(
            "SELECT month, SUM(pageviews) FROM reach_cim WHERE kind = 'category' AND month BETWEEN ? AND ?"
            " GROUP BY month ORDER BY month",
            (first, last),
        )
    ]
    f.dump_runs = [tuple(r) for r in store.query(_DUMPS, (first, last))]
    f.excluded_agents = {
        r[0]: int(r[1])
        for r in store.query(
            "SELECT agent, SUM(views) FROM reach_pageviews WHERE agent <> 'user' AND substr(period, 1, 7)"
            " BETWEEN ? AND ? GROUP BY agent ORDER BY agent",
            (first, last),
        )
    }
    f.top_articles = f.top_articles[:top]
    return f


_UNUSED = (
    "SELECT file FROM reach_files f WHERE NOT EXISTS (SELECT 1 FROM reach_usage u WHERE u.file = f.file"
    " AND u.gone_at IS NULL AND u.ns = 0) ORDER BY file"
)
_DUMPS = (
    "SELECT path, engine, lines, malformed FROM reach_dump_runs"
    " WHERE substr(period, 1, 7) BETWEEN ? AND ? ORDER BY path"
)


def _articles(store: Store, first: str) -> dict[tuple[str, str], dict[str, Any]]:
    """Articles that used a file at some point not before the period (current or gone later)."""
    rows = store.query(
        "SELECT wiki, title, MAX(gone_at IS NULL) AS current FROM reach_usage"
        " WHERE ns = 0 AND (gone_at IS NULL OR substr(gone_at, 1, 7) >= ?) GROUP BY wiki, title",
        (first,),
    )
    return {(r[0], r[1]): {"current": bool(r[2])} for r in rows}


def _page_month_views(store: Store, first: str, last: str) -> dict[tuple[str, str, str], int]:
    rows = store.query(
        "SELECT wiki, title, month, COALESCE(monthly, daily, hourly) FROM ("
        " SELECT wiki, title, substr(period, 1, 7) AS month,"
        " MAX(CASE WHEN granularity = 'monthly' THEN views END) AS monthly,"
        " SUM(CASE WHEN granularity = 'daily' THEN views END) AS daily,"
        " SUM(CASE WHEN granularity = 'hourly' THEN views END) AS hourly"
        " FROM reach_pageviews WHERE agent = 'user' AND substr(period, 1, 7) BETWEEN ? AND ?"
        " GROUP BY wiki, title, month)",
        (first, last),
    )
    return {(r[0], r[1], r[2]): int(r[3] or 0) for r in rows}


def _gaps(store: Store, pages: dict, first: str, last: str) -> set[tuple[str, str, str, str]]:
    months = month_range(first, last)
    dump_months = _covered(store, "*dump*")
    gaps = set()
    for wiki, title in pages:
        key = f"{wiki}|{title}"
        ok = _covered(store, key) | dump_months
        failed = _failed(store, key)
        for m in months:
            if m not in ok:
                gaps.add((wiki, title, m, failed.get(m, "not collected")))
    return gaps


def _covered(store: Store, key: str) -> set[str]:
    from glamwiki.store.reach import covered_months

    return covered_months(store, "pageviews", key, "user")


def _failed(store: Store, key: str) -> dict[str, str]:
    rows = store.query(
        "SELECT first_period, last_period, detail FROM reach_coverage"
        " WHERE kind = 'pageviews' AND key = ? AND agent = 'user' AND status = 'error'",
        (key,),
    )
    return {m: f"fetch failed: {r[2][:120]}" for r in rows for m in month_range(r[0], r[1])}


def _totals(f: ReachFigures, pages: dict, views: dict, gaps: set, first: str, last: str) -> None:
    gap_months: dict[str, int] = {}
    for _, _, m, _ in gaps:
        gap_months[m] = gap_months.get(m, 0) + 1
    by_month: dict[str, int] = {}
    by_page: dict[tuple[str, str], int] = {}
    for (wiki, title, month), n in views.items():
        if (wiki, title) not in pages:
            continue
        by_month[month] = by_month.get(month, 0) + n
        by_page[(wiki, title)] = by_page.get((wiki, title), 0) + n
    f.monthly = [(m, by_month.get(m, 0), gap_months.get(m, 0)) for m in month_range(first, last)]
    f.total_views = sum(by_month.values())
    wiki_views: dict[str, list[int]] = {}
    for (wiki, _), n in by_page.items():
        wiki_views.setdefault(wiki, [0, 0])[1] += n
    for wiki, _ in pages:
        wiki_views.setdefault(wiki, [0, 0])[0] += 1
    f.per_wiki = sorted(((w, a, v) for w, (a, v) in wiki_views.items()), key=lambda r: (-r[2], r[0]))
    f.top_articles = sorted(((w, t, 0, n) for (w, t), n in by_page.items()), key=lambda r: (-r[3], r[0], r[1]))


def _by_file(store: Store, f: ReachFigures, views: dict, top: int) -> None:
    page_totals: dict[tuple[str, str], int] = {}
    for (wiki, title, _), n in views.items():
        page_totals[(wiki, title)] = page_totals.get((wiki, title), 0) + n
    files: dict[str, list[int]] = {}
    per_page_files: dict[tuple[str, str], int] = {}
    for file, wiki, title in store.query("SELECT file, wiki, title FROM reach_usage WHERE ns = 0 AND gone_at IS NULL"):
        entry = files.setdefault(file, [0, 0])
        entry[0] += 1
        entry[1] += page_totals.get((wiki, title), 0)
        per_page_files[(wiki, title)] = per_page_files.get((wiki, title), 0) + 1
    f.top_files = sorted(((k, a, v) for k, (a, v) in files.items()), key=lambda r: (-r[2], r[0]))[:top]
    f.top_articles = [(w, t, per_page_files.get((w, t), 0), n) for w, t, _, n in f.top_articles]


def _new_usage(store: Store, f: ReachFigures) -> None:
    since = store.scalar("SELECT MAX(made_at) FROM reach_reports")
    f.new_usage_since = since
    rows = store.query(
        "SELECT file, wiki, title, first_seen FROM reach_usage WHERE gone_at IS NULL AND ns = 0"
        " AND (? IS NULL OR first_seen > ?) ORDER BY first_seen DESC, wiki, title",
        (since, since),
    )
    f.new_usage = [tuple(r) for r in rows]


def remember_report(store: Store, f: ReachFigures, made_at: str) -> None:
    store.execute(
        "INSERT INTO reach_reports(made_at, period_from, period_to, pages_in_use) VALUES (?, ?, ?, ?)",
        (made_at, f.first, f.last, f.articles_in_use),
    )
