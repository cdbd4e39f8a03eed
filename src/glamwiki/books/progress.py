"""Proofreading progress of Wikisource Indexes, as counts per ProofreadPage quality level.

Each Index's pages are read with ``generator=proofreadpagesinindex`` and ``prop=proofread``
(https://www.mediawiki.org/wiki/Extension:Proofread_Page/Index_pagination_API and
https://www.mediawiki.org/wiki/Extension:Proofread_Page/Proofread_props_API), following
``continue`` until the last batch. A page the generator lists but the wiki does not hold
(``missing``) is *not yet created*; the others have a quality 0 (without text), 1 (not proofread),
2 (problematic), 3 (proofread) or 4 (validated). The counts add up to the pages of the file.

Snapshots are kept per index and day; pages proofread (reaching level 3 or 4) and validated
(reaching 4) in a day or month are the growth of those counts between snapshots — the figures of
the Wikisource Monthly Challenge and of residency reports.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from glamwiki.books.errors import BookError
from glamwiki.store import Store
from glamwiki.store import books as db

LEVEL_NAMES = {
    "not_created": "not yet created", "q0": "without text", "q1": "not proofread", "q2": "problematic",
    "q3": "proofread", "q4": "validated",
}  # fmt: skip
MAX_BATCHES = 10_000  # continuation requests for one index, at most


@dataclass
class Progress:
    index_title: str
    counts: Counter[str]  # not_created, q0..q4
    pages: int

    def row(self, wiki: str, campaign: str, when: datetime) -> dict[str, Any]:
        return {"wiki": wiki, "index_title": self.index_title, "day": when.strftime("%Y-%m-%d"),
                "campaign": campaign, "pages": self.pages, "taken_at": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
                **{k: self.counts.get(k, 0) for k in db.LEVELS}}  # fmt: skip


def index_title(name: str) -> str:
    name = name.strip().replace("_", " ")
    return name if name.startswith("Index:") else f"Index:{name}"


def read_progress(client: Any, index: str) -> Progress:
    """Counts for one Index through the API client (reads only; continuation followed)."""
    title = index_title(index)
    params: dict[str, Any] = {"action": "query", "generator": "proofreadpagesinindex", "gprppiititle": title,
                              "gprppiilimit": "max", "prop": "proofread", "formatversion": "2"}  # fmt: skip
    counts: Counter[str] = Counter()
    seen: set[str] = set()
    for _ in range(MAX_BATCHES):
        data = client.get(**params)
        for page in data.get("query", {}).get("pages", []):
            name = page.get("title", "")
            if name in seen:
                continue
            seen.add(name)
            counts[_level(page, title)] += 1
        if "continue" not in data:
            break
        params = {**params, **data["continue"]}
    else:
        raise BookError(f"{title}: more than {MAX_BATCHES} batches of pages; stopped")
    if not seen:
        raise BookError(f"{title}: the wiki lists no pages for it (is the Index page created, with its file?)")
    return Progress(title, counts, len(seen))


def _level(page: dict[str, Any], title: str) -> str:
    if page.get("missing"):
        return "not_created"
    quality = (page.get("proofread") or {}).get("quality")
    if quality not in (0, 1, 2, 3, 4):
        raise BookError(f"{title}: {page.get('title')} has no proofreading quality (got {page.get('proofread')!r})")
    return f"q{quality}"


def take_snapshots(store: Store, client: Any, indexes: Iterable[str], campaign: str = "",
                   when: datetime | None = None) -> list[Progress]:  # fmt: skip
    when = when or datetime.now(UTC)
    found = []
    for index in indexes:
        progress = read_progress(client, index)
        db.save_snapshot(store, progress.row(client.api_url, campaign, when))
        found.append(progress)
    return found


def done_per_period(store: Store, campaign: str | None = None, by: str = "day") -> list[dict[str, Any]]:
    """Pages proofread (reaching level 3 or 4) and validated (reaching 4) per day or month, summed over
    the campaign's indexes: the growth between each index's consecutive snapshots, dated by the later."""
    if by not in ("day", "month"):
        raise BookError(f"--by must be day or month, not {by!r}")
    totals: dict[str, Counter[str]] = defaultdict(Counter)
    previous: dict[tuple[str, str], dict[str, Any]] = {}
    for snap in db.snapshots(store, campaign):
        key = (snap["wiki"], snap["index_title"])
        before = previous.get(key)
        previous[key] = snap
        if before is None:
            continue
        period = snap["day"] if by == "day" else snap["day"][:7]
        totals[period]["proofread"] += (snap["q3"] + snap["q4"]) - (before["q3"] + before["q4"])
        totals[period]["validated"] += snap["q4"] - before["q4"]
    return [{"period": p, "proofread": c["proofread"], "validated": c["validated"]} for p, c in sorted(totals.items())]


def latest(store: Store, campaign: str | None = None) -> list[dict[str, Any]]:
    """The last snapshot of each index."""
    last: dict[tuple[str, str], dict[str, Any]] = {}
    for snap in db.snapshots(store, campaign):
        last[(snap["wiki"], snap["index_title"])] = snap
    return list(last.values())
