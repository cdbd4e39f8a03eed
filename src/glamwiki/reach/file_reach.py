"""Reach of one record's files, for its page: where each file is shown now and before, and the
views of the Wikipedia articles showing it, month by month — by the same rules as the reach report
(``figures.METHODS``: usage per month from ``usage_months``, one figure per article and month from
``choose``, user agents only, a month nobody collected is not zero), restricted to these files."""

from __future__ import annotations

from dataclasses import dataclass, field

from glamwiki.reach.choose import Sources, choose, month_sets
from glamwiki.reach.mediawiki import file_key
from glamwiki.reach.months import month_range, months_before
from glamwiki.reach.usage_months import UsageByMonth
from glamwiki.reach.wikis import ARTICLE
from glamwiki.render.blocks import Chart
from glamwiki.report.svg import bar_chart
from glamwiki.store import reach_report as q
from glamwiki.store.db import Store

MONTHS_SHOWN = 12  # the last twelve months with figures


@dataclass
class FileReach:
    file: str  # as the reach stage keys it: no "File:", underscores
    measured: bool  # the reach stage measures it (else nothing below was collected)
    uses: list[tuple[str, str, str, str, str | None]] = field(default_factory=list)  # wiki, title, kind, since, gone
    monthly: list[tuple[str, int | None, str]] = field(default_factory=list)  # month, views, status
    total_views: int | None = None  # None: nothing collected, not zero
    media_requests: int | None = None  # user requests of the file itself (REST API), None: not fetched

    @property
    def chart(self) -> Chart:
        return bar_chart([(m, v) for m, v, _ in self.monthly if v is not None], f"Views by month: {self.file}")

    @property
    def articles_now(self) -> int:
        return sum(1 for _, _, kind, _, gone in self.uses if kind == ARTICLE and gone is None)


def file_reach(store: Store, titles: list[str]) -> list[FileReach]:
    """Reach of each uploaded file (``titles`` as the wiki names them, with or without "File:")."""
    last = q.latest_month(store)
    months = month_range(months_before(last, MONTHS_SHOWN - 1), last) if last else []
    files = [file_key(t) for t in titles]
    measured = q.measured_among(store, files)
    return [_one(store, f, f in measured, months) for f in files]


def _one(store: Store, file: str, measured: bool, months: list[str]) -> FileReach:
    found = FileReach(file, measured)
    rows = q.usage_rows_of(store, [file])
    found.uses = [(w, t, k, first[:10], gone[:10] if gone else None) for _, w, t, k, first, gone in rows]
    if not measured or not months:
        return found
    use = UsageByMonth(months, {m: {file} for m in months}, {file}, {}, rows)
    pages = use.pages(ARTICLE)
    api, dumps = q.page_views_of(store, sorted(pages), months[0], months[-1])
    chosen = choose(pages, Sources(api, dumps, *month_sets(q.coverage_of(store, sorted(pages)))))
    gaps = {m for _, _, m, _ in chosen.gaps}
    by_month: dict[str, int] = {}
    for (_, _, month), n in chosen.views.items():
        by_month[month] = by_month.get(month, 0) + n
    shown = {m for ms in pages.values() for m in ms}
    for m in months:
        if m not in shown:
            found.monthly.append((m, 0, "not in use"))
        elif m in gaps and m not in by_month:
            found.monthly.append((m, None, "not collected"))
        else:
            found.monthly.append((m, by_month.get(m, 0), "lower bound" if m in gaps else "complete"))
    found.total_views = sum(by_month.values())
    found.media_requests = q.media_requests_of(store, file, months[0], months[-1])
    return found
