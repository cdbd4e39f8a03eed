"""One figure per article and month, whatever the sources that gave it.

Rule (stated on the report): the REST API's monthly figure first — the figure anyone can check
on https://pageviews.wmcloud.org — then a month of dumps: the monthly file, else the sum of the
daily files, else the sum of the hourly files. Never two of them added. The source kept is
recorded per article-month. When the API and a complete month of dumps both gave a figure and they
differ by more than ``TOLERANCE`` of the larger, the pair is listed as a disagreement.
A month of dumps that is not complete (some days missing) is used only when nothing else covers
the month, as a lower bound (the month is then listed as a gap).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from glamwiki.reach.months import month_range

TOLERANCE = 0.01  # 1% of the larger figure
DUMP_ORDER = ("monthly", "daily", "hourly")

PageMonth = tuple[str, str, str]  # wiki, title, month


@dataclass
class Sources:
    api: dict[PageMonth, int]  # REST API monthly, user agents
    dumps: dict[PageMonth, dict[str, int]]  # granularity -> views
    api_ok: dict[tuple[str, str], set[str]]  # months the API answered for each page (a 404 is zero)
    api_failed: dict[tuple[str, str], dict[str, str]]  # month -> why the fetch failed
    dump_months: set[str]  # months completely covered by dump files


@dataclass
class Chosen:
    views: dict[PageMonth, int] = field(default_factory=dict)
    source: dict[PageMonth, str] = field(default_factory=dict)
    gaps: set[tuple[str, str, str, str]] = field(default_factory=set)  # wiki, title, month, why
    disagreements: list[tuple[str, str, str, int, int, str]] = field(default_factory=list)

    def source_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for s in self.source.values():
            counts[s] = counts.get(s, 0) + 1
        return dict(sorted(counts.items()))


def choose(pages: dict[tuple[str, str], set[str]], src: Sources) -> Chosen:
    """pages: each page and the months it counts in."""
    out = Chosen()
    for (wiki, title), months in pages.items():
        for month in sorted(months):
            _one(out, src, wiki, title, month)
    out.disagreements.sort()
    return out


def _one(out: Chosen, src: Sources, wiki: str, title: str, month: str) -> None:
    key = (wiki, title, month)
    dumps = src.dumps.get(key, {})
    dump_gran = next((g for g in DUMP_ORDER if g in dumps), None)
    complete = month in src.dump_months
    if month in src.api_ok.get((wiki, title), set()):
        api = src.api.get(key, 0)
        out.views[key], out.source[key] = api, "api"
        if complete:
            dump = dumps.get(dump_gran, 0) if dump_gran else 0
            if abs(api - dump) > TOLERANCE * max(api, dump):
                out.disagreements.append((wiki, title, month, api, dump, f"dump-{dump_gran or 'none'}"))
        return
    if dump_gran is not None or complete:
        out.views[key] = dumps.get(dump_gran, 0) if dump_gran else 0
        out.source[key] = f"dump-{dump_gran or 'monthly'}"
    if not complete:
        why = src.api_failed.get((wiki, title), {}).get(month)
        why = why or ("dumps of part of the month only: lower bound" if dump_gran else "not collected")
        out.gaps.add((wiki, title, month, why))


def month_sets(
    cover: list[tuple[str, str, str, str, str]],
) -> tuple[dict[tuple[str, str], set[str]], dict[tuple[str, str], dict[str, str]], set[str]]:
    """From reach_coverage rows: months each page was answered for, failures, and dump months."""
    ok: dict[tuple[str, str], set[str]] = {}
    failed: dict[tuple[str, str], dict[str, str]] = {}
    dump_months: set[str] = set()
    for key, first, last, status, detail in cover:
        months = month_range(first, last)
        if key == "*dump*":
            if status == "ok":
                dump_months.update(months)
            continue
        wiki, _, title = key.partition("|")
        if status == "ok":
            ok.setdefault((wiki, title), set()).update(months)
        else:
            failed.setdefault((wiki, title), {}).update({m: f"fetch failed: {detail[:120]}" for m in months})
    return ok, failed, dump_months
