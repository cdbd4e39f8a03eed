"""Which files were measured, and which pages showed them, month by month.

- files: a category's files per month are what the collect covering that month listed
  (``reach_membership``); a month no collect listed falls back to every file ever listed for it;
  files from a list or the project's uploads are measured in every month (the uploads shown per
  publishing batch in the "files in use" figures);
- usage: a use counts in a month when its file is measured then, it was not gone before the month
  (``gone_at``), and it was seen by then — usage found at the file's first check is taken to hold
  for the months before it (nothing earlier is known).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from glamwiki.store import reach_report as q
from glamwiki.store.db import Store


@dataclass
class UsageByMonth:
    months: list[str]
    measured: dict[str, set[str]]  # month -> files
    current_files: set[str]
    source_of: dict[str, str]
    rows: list[q.Usage]
    depths: dict[str, int] = field(default_factory=dict)
    _on: dict[tuple[str, str, str], set[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        first_check: dict[str, str] = {}  # each file's earliest usage seen: its first check that found any
        for file, _, _, _, first_seen, _ in self.rows:
            first_check[file] = min(first_check.get(file, first_seen), first_seen)
        for file, wiki, title, _kind, first_seen, gone_at in self.rows:
            for m in self.months:
                if self._counts(file, first_seen, gone_at, m, first_check[file]):
                    self._on.setdefault((wiki, title, m), set()).add(file)

    def _counts(self, file: str, first_seen: str, gone_at: str | None, month: str, first_check: str) -> bool:
        if file not in self.measured.get(month, set()):
            return False
        if gone_at is not None and gone_at[:7] < month:
            return False
        return first_seen[:7] <= month or first_seen[:7] <= first_check[:7]

    def pages(self, kind: str) -> dict[tuple[str, str], set[str]]:
        """Pages of a kind, each with the months it counts in."""
        kinds = {(w, t): k for _, w, t, k, _, _ in self.rows}
        found: dict[tuple[str, str], set[str]] = {}
        for wiki, title, month in self._on:
            if kinds[(wiki, title)] == kind:
                found.setdefault((wiki, title), set()).add(month)
        return found

    def files_on(self, wiki: str, title: str, month: str) -> set[str]:
        return self._on.get((wiki, title, month), set())

    def current_uses(self, kind: str) -> list[tuple[str, str, str]]:
        return [
            (f, w, t) for f, w, t, k, _, gone in self.rows if k == kind and gone is None and f in self.current_files
        ]

    def current_pages(self, kind: str) -> set[tuple[str, str]]:
        return {(w, t) for _, w, t in self.current_uses(kind)}

    def files_in_use(self, kind: str) -> set[str]:
        return {f for f, _, _ in self.current_uses(kind)}

    def files_in_use_monthly(self, kind: str) -> list[tuple[str, int, int]]:
        """(month, files shown on at least one page of the kind, files measured) — the % in use."""
        kinds = {(w, t): k for _, w, t, k, _, _ in self.rows}
        used: dict[str, set[str]] = {m: set() for m in self.months}
        for (wiki, title, month), files in self._on.items():
            if kinds[(wiki, title)] == kind:
                used[month] |= files
        return [(m, len(used[m]), len(self.measured.get(m, set()))) for m in self.months]

    def files_in_use_by_source(self, kind: str) -> list[tuple[str, int, int]]:
        """(category / list / project, files in use now, files measured now)."""
        in_use = self.files_in_use(kind)
        per: dict[str, list[int]] = {}
        for file in self.current_files:
            entry = per.setdefault(self.source_of.get(file, "?"), [0, 0])
            entry[0] += file in in_use
            entry[1] += 1
        return sorted((s, a, b) for s, (a, b) in per.items())


def usage_by_month(store: Store, months: list[str]) -> UsageByMonth:
    files = q.measured_files(store)
    batches = q.upload_batches(store)
    source_of = {f: f"upload batch {batches[f]}" if s == "project" and f in batches else s for f, s in files}
    listed = q.membership(store, months[0], months[-1]) if months else {}
    measured: dict[str, set[str]] = {}
    for month in months:
        measured[month] = {f for f, s in files if _in(f, s, month, listed)}
    current = measured[months[-1]] if months else {f for f, _ in files}
    return UsageByMonth(months, measured, current, source_of, q.usage_rows(store), q.membership_depths(store))


def _in(file: str, source: str, month: str, listed: dict[str, dict[str, set[str]]]) -> bool:
    if not source.startswith("category:"):
        return True
    by_month = listed.get(source.removeprefix("category:"))
    if not by_month or month not in by_month:
        return True  # no listing for that month: every file ever listed for the category
    return file in by_month[month]
