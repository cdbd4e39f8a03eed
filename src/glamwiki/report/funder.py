"""Reports for funders: a residency's figures for a month, a year or a span of months, and a
programme's (several residencies) without counting a file, an article or an edit twice.

The fields are those residents and chapters report (docs/funder-reports.md says where each comes
from and cites the reports it follows). Every figure is built from one project's ``Parts`` (sets of
files, pages and edits); a programme merges the parts of its projects before counting, so a file two
residencies uploaded, or an article both improved, counts once. A residency's report is the
programme of one. A figure nobody measured is ``None`` and is shown as "not measured", never 0.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from glamwiki.errors import ConfigError
from glamwiki.reach.event import is_new_editor
from glamwiki.reach.figures import compute
from glamwiki.reach.months import month_range, parse_month
from glamwiki.reach.usage_months import usage_by_month
from glamwiki.reach.wikis import ARTICLE
from glamwiki.store import Store
from glamwiki.store import funder as db
from glamwiki.store.programme import Page, file_key
from glamwiki.store.reach_report import anything_collected
from glamwiki.wikimedia.ids import WOMEN

NOT_MEASURED = "not measured"
PageMonth = tuple[str, str, str]  # wiki, title, month
_YEAR = re.compile(r"^\d{4}$")


@dataclass(frozen=True)
class Period:
    """Whole months, first..last inclusive."""

    first: str
    last: str

    @property
    def label(self) -> str:
        if self.first == self.last:
            return self.first
        if self.first.endswith("-01") and self.last.endswith("-12") and self.first[:4] == self.last[:4]:
            return self.first[:4]
        return f"{self.first} to {self.last}"

    @property
    def months(self) -> list[str]:
        return month_range(self.first, self.last)


def period_of(month: str | None = None, year: str | None = None, start: str | None = None,
              end: str | None = None) -> Period:  # fmt: skip
    """The period of ``--month 2026-10``, ``--year 2026`` or ``--from 2026-01 --to 2026-06`` (one of them)."""
    chosen = [x for x in (month, year, start or end) if x]
    if len(chosen) != 1:
        raise ConfigError("Choose one period: a month (2026-10), a year (2026) or from and to (2026-01, 2026-06).")
    if month:
        m = parse_month(month)
        return Period(m, m)
    if year:
        if not _YEAR.match(year.strip()):
            raise ConfigError(f"{year!r} is not a year: write YYYY, e.g. 2026.")
        return Period(f"{year.strip()}-01", f"{year.strip()}-12")
    if not (start and end):
        raise ConfigError("A span of months needs both ends: from YYYY-MM and to YYYY-MM.")
    first, last = parse_month(start), parse_month(end)
    if first > last:
        raise ConfigError(f"The period starts ({first}) after it ends ({last}): swap them.")
    return Period(first, last)


@dataclass
class EventLine:
    name: str
    start: str
    participants: int
    edits: int = 0
    articles_created: int = 0
    articles_improved: int = 0
    bytes_added: int = 0
    references_added: int | None = None


@dataclass
class Figure:
    key: str  # stable: the CSV's column "figure"
    label: str
    value: int | float | None  # None: not measured
    note: str = ""

    @property
    def shown(self) -> str:
        if self.value is None:
            return NOT_MEASURED
        if isinstance(self.value, float):
            return f"{self.value:.1%}"
        return f"{self.value:,}"


@dataclass
class FunderReport:
    kind: str  # "residency" | "programme"
    name: str
    period: Period
    projects: list[str]
    figures: list[Figure]
    views_by_month: list[tuple[str, int | None]]  # None: nothing collected for that month
    events: list[EventLine]
    chart_months: list[tuple[str, int | None]] = field(default_factory=list)  # the 12 months to the end, or more

    def figure(self, key: str) -> Figure:
        return next(f for f in self.figures if f.key == key)

    def value(self, key: str) -> int | float | None:
        return self.figure(key).value


@dataclass
class Parts:
    """What one project (or several, merged) holds for the period, as sets to merge without double counting."""

    events: dict[tuple[str, str], EventLine] = field(default_factory=dict)  # (name, start) -> line
    events_measured: bool = False
    participants: set[str] = field(default_factory=set)
    accounts_looked_up: bool = True  # every event of the period had its participants' accounts looked up
    new_editors: set[str] = field(default_factory=set)
    retained: set[str] = field(default_factory=set)
    retention_due: bool = True  # every new editor's later edits were looked up (7 days had passed)
    uploads: dict[str, str] = field(default_factory=dict)  # file -> month uploaded (to the period's end)
    measured: set[str] = field(default_factory=set)  # files reach measures at the period's end
    in_use: set[str] = field(default_factory=set)  # of those, shown on a Wikipedia article then
    collected: bool = False  # any view figure fetched or loaded
    usage_checked: bool = False  # the files' usage looked up at least once
    views: dict[PageMonth, int] = field(default_factory=dict)  # one figure per article and month
    credits: dict[tuple[str, str, str, str], int] = field(default_factory=dict)  # (file, wiki, title, month)
    months_collected: set[str] = field(default_factory=set)
    edits: dict[tuple[str, int], db.EventEdit] = field(default_factory=dict)  # (wiki, revid) -> edit
    subjects: dict[Page, tuple[bool, str | None]] = field(default_factory=dict)

    def merge(self, other: Parts) -> None:
        for key, line in other.events.items():
            self.events.setdefault(key, line)
        self.events_measured |= other.events_measured
        self.participants |= other.participants
        self.accounts_looked_up &= other.accounts_looked_up
        self.new_editors |= other.new_editors
        self.retained |= other.retained
        self.retention_due &= other.retention_due
        for file, month in other.uploads.items():
            self.uploads[file] = min(month, self.uploads.get(file, month))
        self.measured |= other.measured
        self.in_use |= other.in_use
        self.collected |= other.collected
        self.usage_checked |= other.usage_checked
        self.views.update(other.views)  # the same article-month's figure, whoever fetched it
        self.credits.update(other.credits)
        self.months_collected |= other.months_collected
        self.edits.update(other.edits)
        self.subjects.update(other.subjects)


def project_parts(store: Store, period: Period, target: str) -> Parts:
    """One project's parts for the period; views from the reach stage's own choice of one figure per
    article and month (glamwiki.reach.figures), from the first month anything was recorded."""
    p = Parts(collected=anything_collected(store), usage_checked=db.usage_checked(store))
    _event_parts(store, period, p)
    p.uploads = db.uploads_by_month(store, target, period.last)
    start = db.first_views_month(store)
    first = min(start, period.first) if p.collected and start else period.last
    use = usage_by_month(store, month_range(first, period.last))  # the reach stage's usage, month by month
    p.measured = {file_key(f) for f in use.measured.get(period.last, set())}
    for (wiki, title), months in use.pages(ARTICLE).items():
        if period.last in months:
            p.in_use |= {file_key(f) for f in use.files_on(wiki, title, period.last)}
    if p.collected and start:
        f = compute(store, first, period.last, top=0)
        p.views = {(w, t, m): n for w, t, m, n, _ in f.article_months}
        p.credits = {(file_key(file), w, t, m): n for (w, t, m), n in p.views.items() for file in use.files_on(w, t, m)}
        p.months_collected = {m for m, v, _, _ in f.monthly if v is not None}
    pages = {(e.wiki, e.title) for e in p.edits.values()}
    p.subjects = db.subjects_of(store, pages)
    return p


def _event_parts(store: Store, period: Period, p: Parts) -> None:
    measured = db.events(store)
    all_edits = db.event_edits(store, "0000-00", "9999-99")
    p.events_measured = bool(measured or all_edits)
    accounts = db.event_participants(store)
    for name, data in measured:
        info = json.loads(data)
        start = str(info.get("start", ""))
        if not period.first <= start[:7] <= period.last:
            continue
        people = [str(u) for u in info.get("participants", [])]
        p.participants |= set(people)
        _accounts(p, accounts.get(name), start, str(info.get("end", start)))
        p.events[(name, start)] = _event_line(name, start, len(people), [e for e in all_edits if e.event == name])
    for edit in db.event_edits(store, period.first, period.last):
        p.edits[(edit.wiki, edit.revid)] = edit


def _accounts(p: Parts, found: list[tuple[str, str | None, bool | None]] | None, start: str, end: str) -> None:
    if not found:
        p.accounts_looked_up = False
        return
    for user, registered, after in found:
        if is_new_editor(registered, start, end):
            p.new_editors.add(user)
            p.retention_due &= after is not None
            if after:
                p.retained.add(user)


def _event_line(name: str, start: str, participants: int, edits: list[db.EventEdit]) -> EventLine:
    line = EventLine(name, start, participants, edits=len(edits))
    created = {(e.wiki, e.title) for e in edits if e.new_page}
    line.articles_created = len(created)
    line.articles_improved = len({(e.wiki, e.title) for e in edits} - created)
    line.bytes_added = sum(max(e.size_diff, 0) for e in edits)
    refs = [e.refs_added for e in edits if e.refs_added is not None]
    line.references_added = sum(refs) if refs else None
    return line


def residency_report(store: Store, name: str, period: Period, target: str) -> FunderReport:
    """One project's report for the period."""
    return _report("residency", name, [name], period, project_parts(store, period, target))


def programme_report(projects: Sequence[tuple[str, Store]], period: Period, target: str,
                     name: str = "Programme") -> FunderReport:  # fmt: skip
    """Several projects' reports summed: each file, article-month of views and edit counted once."""
    merged = Parts()
    for _, store in projects:
        merged.merge(project_parts(store, period, target))
    return _report("programme", name, [n for n, _ in projects], period, merged)


def _report(kind: str, name: str, projects: list[str], period: Period, p: Parts) -> FunderReport:
    months = period.months
    by_month: dict[str, int] = {}
    for (_, _, month), n in p.views.items():
        by_month[month] = by_month.get(month, 0) + n
    monthly = [(m, by_month.get(m, 0) if m in p.months_collected else None) for m in months]
    figures = _activity(p) + _content(p, period) + _reach(p, period, by_month, monthly)
    events = sorted(p.events.values(), key=lambda e: (e.start, e.name))
    back = month_range(_months_before(period.last, 11), period.last)
    shown = back if len(back) > len(months) else months
    chart = [(m, by_month.get(m, 0) if m in p.months_collected else None) for m in shown]
    return FunderReport(kind, name, period, projects, figures, monthly, events, chart)


def _months_before(month: str, n: int) -> str:
    index = int(month[:4]) * 12 + int(month[5:7]) - 1 - n
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _activity(p: Parts) -> list[Figure]:
    measured = p.events_measured
    looked_up = measured and p.accounts_looked_up
    retained = len(p.retained) if looked_up and p.new_editors and p.retention_due else None
    return [
        Figure("events", "events held", len(p.events) if measured else None,
               "events measured with glamwiki reach event, by their start"),
        Figure("participants", "participants", len(p.participants) if measured else None,
               "distinct user names across the period's events"),
        Figure("new_editors", "new editors", len(p.new_editors) if looked_up else None,
               "participants registered from 14 days before their event (Event Metrics)"),
        Figure("retained_editors", "new editors still editing after the event", retained,
               "new editors who edited again 7 days or more after their event; not measured when there "
               "were none or the 7 days have not passed"),
    ]  # fmt: skip


def _content(p: Parts, period: Period) -> list[Figure]:
    edits = list(p.edits.values())
    created = {(e.wiki, e.title) for e in edits if e.new_page}
    improved = {(e.wiki, e.title) for e in edits} - created
    refs = [e.refs_added for e in edits if e.refs_added is not None]
    measured = p.events_measured
    worked_on = [p.subjects[pg] for pg in created | improved if pg in p.subjects]
    bios = sum(1 for human, _ in worked_on if human)
    women = sum(1 for human, gender in worked_on if human and gender in WOMEN)
    in_period = sum(1 for m in p.uploads.values() if period.first <= m <= period.last)
    return [
        Figure("uploads", "files uploaded in the period", in_period),
        Figure("uploads_total", "files uploaded since the start", len(p.uploads), f"to the end of {period.last}"),
        Figure("articles_created", "articles created", len(created) if measured else None,
               "by the events' participants, in the period"),
        Figure("articles_improved", "articles improved (edited, not created)", len(improved) if measured else None),
        Figure("edits", "edits to articles", len(edits) if measured else None),
        Figure("bytes_added", "bytes added", sum(max(e.size_diff, 0) for e in edits) if measured else None,
               "growth only: an edit that removed text adds nothing"),
        Figure("references_added", "references added", sum(refs) if refs or (measured and not edits) else None,
               "<ref> tags after each edit minus before"),
        Figure("biographies", "biographies worked on", bios if measured else None,
               "articles created or improved whose Wikidata item is a human (P31 Q5)"),
        Figure("share_women", "share of those about women", round(women / bios, 3) if bios else None,
               "P21 female or trans woman; not measured when no biography was worked on"),
    ]  # fmt: skip


def _reach(p: Parts, period: Period, by_month: dict[str, int], monthly: list[tuple[str, int | None]]) -> list[Figure]:
    in_period = [v for _, v in monthly if v is not None]
    share = round(len(p.in_use & p.measured) / len(p.measured), 3) if p.measured and p.usage_checked else None
    since = sum(n for m, n in by_month.items() if m <= period.last)
    per_file = sum(n for (_, _, _, m), n in p.credits.items() if period.first <= m <= period.last)
    return [
        Figure("files_measured", "files measured at the period's end", len(p.measured) if p.usage_checked else None),
        Figure("files_in_use", "files in use on a Wikipedia article at the period's end",
               len(p.in_use & p.measured) if p.usage_checked else None),
        Figure("share_in_use", "% of files in use", share, "of the files measured, at the end of " + period.last),
        Figure("views", f"views of Wikipedia articles showing the files, {period.label}",
               sum(in_period) if in_period else None, "users only; each article once, however many files it shows"),
        Figure("views_per_file_sum", "per-file sum (as BaGLAMa2 / Commons Impact Metrics count)",
               per_file if in_period else None,
               "each file credited with the views of every article showing it: an article counts once per file"),
        Figure("views_since_start", "views since the start (first month recorded)",
               since if p.months_collected else None, "same definition, from the first month any view was recorded"),
    ]  # fmt: skip
