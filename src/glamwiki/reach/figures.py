"""The figures of a reach report, computed from the store, with the evidence behind them.

Every counting rule is stated on the report page (``METHODS``) and in docs/reach.md; the choice of
one figure per article and month is in ``choose.py``, usage per month in ``usage_months.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from glamwiki.reach.choose import TOLERANCE, PageMonth, Sources, choose, month_sets
from glamwiki.reach.months import month_range
from glamwiki.reach.usage_months import UsageByMonth, usage_by_month
from glamwiki.reach.wikis import ARTICLE, CONTENT
from glamwiki.store import reach_report as q
from glamwiki.store.db import Store
from glamwiki.store.reach import problems

Pages = dict[tuple[str, str], set[str]]  # (wiki, title) -> the months the page counts in
Gap = tuple[str, str, str, str]  # wiki, title, month, why

METHODS = [
    "Articles: pages in the main namespace of a Wikipedia that show at least one of the files (MediaWiki API "
    "prop=globalusage). Main-namespace pages of Wikisource, Wikivoyage and the other content wikis are "
    "measured and shown apart, never added to the article figures. Wikidata items, Commons galleries, talk, "
    "user and project pages are listed, never counted as views (as Commons Impact Metrics excludes them).",
    "Views: page views by agent type 'user' only: spiders and automated agents (bots) are excluded. Each "
    "article-month has one figure: the Wikimedia REST API's monthly figure (per-article, all access methods) "
    "when it was fetched, else a month of the public pageview dumps (the monthly file, else the daily files "
    "summed, else the hourly files summed); never two sources added. The source of each figure is recorded; "
    f"where the API and a complete month of dumps differ by more than {TOLERANCE:.0%} the pair is listed.",
    "Each article counts once in the totals, however many of the files it shows. The per-file sum (each "
    "file credited with the views of every article showing it, as BaGLAMa2 and Commons Impact Metrics "
    "report) is shown beside it, labelled: it counts an article once per file it shows, so it is at least as large.",
    "A month with no views recorded for a page that was fetched is zero (the API answered 'no data'). A month "
    "that could not be fetched is a gap: listed, left out (or, with dumps of part of the month only, counted "
    "as a lower bound). Nothing is estimated. A month for which nothing was collected says so; it is not zero.",
    "Usage: as seen by each collect. Usage found at the first check is taken to hold for the months before "
    "it; usage found later counts from the month it was first seen; usage that disappeared counts until the "
    "month it was last seen.",
    "Files measured: a list, the project's uploads, or a category's files. A category's files are taken per "
    "month: what the collect that covered the month found in the category (to the subcategory depth stated).",
    "Media requests (REST API, agent 'user', all referers) and media file transfers from the mediacounts dumps "
    "(every agent, bots included: the format has no agent column) are different measures, shown apart and "
    "never added together or to page views.",
]


@dataclass
class ReachFigures:
    first: str
    last: str
    collected: bool = False
    files: int = 0
    files_in_use: int = 0
    articles_in_use: int = 0
    content_pages_in_use: int = 0  # main-namespace pages of other content wikis
    other_pages_in_use: int = 0
    wikis: int = 0
    total_views: int | None = None  # None: nothing collected (not zero)
    per_file_sum_views: int | None = None  # BaGLAMa2 / Commons Impact Metrics' way
    content_views: int | None = None
    monthly: list[tuple[str, int | None, int, str]] = field(default_factory=list)  # month, views, gaps, status
    per_wiki: list[tuple[str, int, int]] = field(default_factory=list)  # wiki, articles, views
    content_per_wiki: list[tuple[str, int, int]] = field(default_factory=list)
    top_files: list[tuple[str, int, int]] = field(default_factory=list)  # file, articles, views
    top_articles: list[tuple[str, str, int, int]] = field(default_factory=list)  # wiki, title, files, views
    unused_files: list[str] = field(default_factory=list)
    files_in_use_monthly: list[tuple[str, int, int]] = field(default_factory=list)  # month, in use, measured
    files_in_use_by_source: list[tuple[str, int, int]] = field(default_factory=list)  # source, in use, measured
    category_depths: dict[str, int] = field(default_factory=dict)
    new_usage: list[tuple[str, str, str, str]] = field(default_factory=list)
    new_usage_since: str | None = None
    gaps: list[tuple[str, str, str, str]] = field(default_factory=list)  # wiki, title, month, reason
    sources: dict[str, int] = field(default_factory=dict)  # article-months per source kept
    disagreements: list[tuple[str, str, str, int, int, str]] = field(default_factory=list)
    excluded_agents: dict[str, int] = field(default_factory=dict)
    media: dict[str, int] = field(default_factory=dict)
    cim_category: list[tuple[str, int]] = field(default_factory=list)
    dump_runs: list[tuple[str, str, int, int, str]] = field(default_factory=list)
    problems: list[tuple[str, str, str, str]] = field(default_factory=list)
    article_months: list[tuple[str, str, str, int, str]] = field(default_factory=list)  # the CSV only

    @property
    def files_unused(self) -> int:
        return self.files - self.files_in_use

    def as_json(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data.pop("article_months")  # one row per article and month: reach-article-months.csv
        data["files_unused"] = self.files_unused
        data["methods"] = METHODS
        return data


def compute(store: Store, first: str, last: str, top: int = 25) -> ReachFigures:
    f = ReachFigures(first, last, collected=q.anything_collected(store))
    months = month_range(first, last)
    use = usage_by_month(store, months)
    _counts(f, use)
    cover = month_sets(q.coverage(store))
    src = Sources(q.api_views(store, first, last), q.dump_views(store, first, last), *cover)
    articles = use.pages(ARTICLE)
    chosen = choose(articles, src)
    content = choose(use.pages(CONTENT), src)
    f.gaps = sorted(chosen.gaps)
    f.sources, f.disagreements = chosen.source_counts(), chosen.disagreements
    _totals(f, articles, chosen.views, chosen.gaps, months)
    f.per_wiki = _per_wiki(articles, chosen.views)
    f.content_per_wiki = _per_wiki(use.pages(CONTENT), content.views)
    f.content_views = sum(content.views.values()) if f.collected else None
    _by_file(f, use, chosen.views, top)
    f.new_usage_since, f.new_usage = q.new_usage(store)
    f.media = q.media(store, first, last)
    f.cim_category = q.cim_category(store, first, last)
    f.dump_runs = q.dump_runs(store, first, last)
    f.excluded_agents = q.excluded_agents(store, first, last)
    f.problems = problems(store)
    f.article_months = sorted((w, t, m, n, chosen.source[(w, t, m)]) for (w, t, m), n in chosen.views.items())
    return f


def _counts(f: ReachFigures, use: UsageByMonth) -> None:
    f.files = len(use.current_files)
    in_use = use.files_in_use(ARTICLE)
    f.files_in_use = len(in_use & use.current_files)
    f.unused_files = sorted(use.current_files - in_use)
    f.articles_in_use = len(use.current_pages(ARTICLE))
    f.content_pages_in_use = len(use.current_pages(CONTENT))
    f.other_pages_in_use = len(use.current_pages("other"))
    f.files_in_use_monthly = use.files_in_use_monthly(ARTICLE)
    f.files_in_use_by_source = use.files_in_use_by_source(ARTICLE)
    f.category_depths = use.depths


def _totals(f: ReachFigures, pages: Pages, views: dict[PageMonth, int], gaps: set[Gap], months: list[str]) -> None:
    gap_months: dict[str, int] = {}
    uncollected: dict[str, int] = {}
    for _, _, m, why in gaps:
        gap_months[m] = gap_months.get(m, 0) + 1
        uncollected[m] = uncollected.get(m, 0) + (why == "not collected")
    by_month: dict[str, int] = {}
    for (_, _, month), n in views.items():
        by_month[month] = by_month.get(month, 0) + n
    pages_in = {m: sum(1 for ms in pages.values() if m in ms) for m in months}
    f.monthly = []
    for m in months:
        nothing = (pages_in[m] and uncollected.get(m, 0) == pages_in[m] and m not in by_month) or not f.collected
        status = "not collected" if nothing else ("lower bound" if gap_months.get(m) else "complete")
        f.monthly.append((m, None if nothing else by_month.get(m, 0), gap_months.get(m, 0), status))
    f.total_views = sum(by_month.values()) if f.collected else None
    f.wikis = len({w for w, _ in pages})


def _per_wiki(pages: Pages, views: dict[PageMonth, int]) -> list[tuple[str, int, int]]:
    per: dict[str, list[int]] = {}
    for wiki, _ in pages:
        per.setdefault(wiki, [0, 0])[0] += 1
    for (wiki, _, _), n in views.items():
        per.setdefault(wiki, [0, 0])[1] += n
    return sorted(((w, a, v) for w, (a, v) in per.items()), key=lambda r: (-r[2], r[0]))


def _by_file(f: ReachFigures, use: UsageByMonth, views: dict[PageMonth, int], top: int) -> None:
    """Per file: the articles showing it and their views in the months it was on them."""
    files: dict[str, list[int]] = {}
    per_page_files: dict[tuple[str, str], int] = {}
    by_page: dict[tuple[str, str], int] = {}
    for (wiki, title, month), n in views.items():
        by_page[(wiki, title)] = by_page.get((wiki, title), 0) + n
        for file in use.files_on(wiki, title, month):
            files.setdefault(file, [0, 0])[1] += n
    for file, wiki, title in use.current_uses(ARTICLE):
        files.setdefault(file, [0, 0])[0] += 1
        per_page_files[(wiki, title)] = per_page_files.get((wiki, title), 0) + 1
    f.per_file_sum_views = sum(v for _, v in files.values()) if f.collected else None
    f.top_files = sorted(((k, a, v) for k, (a, v) in files.items()), key=lambda r: (-r[2], r[0]))[:top]
    ranked = sorted(by_page.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    f.top_articles = [(w, t, per_page_files.get((w, t), 0), n) for (w, t), n in ranked]


def remember_report(store: Store, f: ReachFigures, made_at: str) -> None:
    q.remember_report(store, made_at, f.first, f.last, f.articles_in_use)
