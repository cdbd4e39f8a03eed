"""Proofreading progress: ProofreadPage answers in the documented shape
(https://www.mediawiki.org/wiki/Extension:Proofread_Page/Index_pagination_API "As a generator",
https://www.mediawiki.org/wiki/Extension:Proofread_Page/Proofread_props_API, API:Continue), served
from 127.0.0.1 and read through the project's API client; snapshots in the project store."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import pytest

from glamwiki.books.errors import BookError
from glamwiki.books.progress import done_per_period, latest, read_progress, take_snapshots
from glamwiki.project import Project
from glamwiki.publishing.api import ApiClient

from ..localserver import serve

pytestmark = pytest.mark.both_backends  # store-heavy: runs on SQLite and PostgreSQL

QUALITY_TEXT = ["Without text", "Not proofread", "Problematic", "Proofread", "Validated"]
FILE = "Yr ardd (1864).djvu"


def answer_pages(levels: list[int | None]) -> list[dict]:
    """query.pages as the wiki gives them: a level, or None for a page not yet created."""
    out = []
    for n, level in enumerate(levels, start=1):
        title = f"Page:{FILE}/{n}"
        if level is None:
            out.append({"ns": 104, "title": title, "missing": True})
        else:
            out.append({"pageid": 9000 + n, "ns": 104, "title": title,
                        "proofread": {"quality": level, "quality_text": QUALITY_TEXT[level]}})  # fmt: skip
    return out


@contextmanager
def wikisource(levels: list[int | None], batch: int = 5) -> Iterator[tuple[ApiClient, list]]:
    """A Wikisource answering for ``levels`` (a list the test may change between requests)."""

    def route(path: str, query: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        start = int(query.get("gprppiifrom", "1"))
        chunk = levels[start - 1 : start - 1 + batch]
        body: dict = {
            "batchcomplete": True,
            "query": {"pages": answer_pages(levels)[start - 1 : start - 1 + len(chunk)]},
        }
        if start - 1 + batch < len(levels):
            body["continue"] = {"gprppiifrom": start + batch, "continue": "gprppiifrom||"}
        return 200, {"Content-Type": "application/json"}, json.dumps(body).encode()

    with serve(route) as (base, seen):
        yield ApiClient(f"{base}/w/api.php", "tests@example.org"), seen


LEVELS_DAY1 = [0, 1, 1, None, None, 1, 3, None, 2, 1, 1, 0]
LEVELS_DAY2 = [0, 3, 4, 1, None, 3, 4, None, 2, 3, 1, 0]


def test_counts_per_level_add_up_to_the_page_count() -> None:
    with wikisource(LEVELS_DAY1) as (client, seen):
        progress = read_progress(client, FILE)
    assert progress.index_title == f"Index:{FILE}"
    assert progress.pages == 12 == sum(progress.counts.values())
    assert dict(progress.counts) == {"q0": 2, "q1": 5, "not_created": 3, "q3": 1, "q2": 1}
    assert len(seen) == 3  # 5 + 5 + 2 pages, continuation followed
    assert seen[0][1]["generator"] == "proofreadpagesinindex" and seen[0][1]["prop"] == "proofread"
    assert seen[1][1]["gprppiifrom"] == "6" and seen[2][1]["gprppiifrom"] == "11"


def test_snapshots_and_pages_done_per_day_and_month(project: Project) -> None:
    days = [datetime(2026, 10, 30, 18, tzinfo=UTC), datetime(2026, 11, 2, 9, tzinfo=UTC)]
    levels = list(LEVELS_DAY1)
    with project.open_store() as store, wikisource(levels) as (client, _):
        take_snapshots(store, client, [FILE], campaign="NLW 2026", when=days[0])
        levels[:] = [1] * 12  # later the same day: replaced by the day's last snapshot
        take_snapshots(store, client, [FILE], campaign="NLW 2026", when=days[0].replace(hour=20))
        levels[:] = LEVELS_DAY1
        take_snapshots(store, client, [FILE], campaign="NLW 2026", when=days[0].replace(hour=23))
        levels[:] = LEVELS_DAY2
        take_snapshots(store, client, [FILE], campaign="NLW 2026", when=days[1])
        per_day = done_per_period(store, "NLW 2026", by="day")
        per_month = done_per_period(store, "NLW 2026", by="month")
        last = latest(store, "NLW 2026")
    assert per_day == [{"period": "2026-11-02", "proofread": 4, "validated": 2}]
    assert per_month == [{"period": "2026-11", "proofread": 4, "validated": 2}]
    (snap,) = last
    assert snap["pages"] == 12 == sum(snap[k] for k in ("not_created", "q0", "q1", "q2", "q3", "q4"))
    assert (snap["q3"], snap["q4"], snap["not_created"]) == (3, 2, 2)


def test_a_page_without_quality_is_an_error_naming_it() -> None:
    def route(path: str, query: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        body = {"query": {"pages": [{"pageid": 1, "ns": 104, "title": "Page:X.djvu/1"}]}}
        return 200, {"Content-Type": "application/json"}, json.dumps(body).encode()

    with serve(route) as (base, _), pytest.raises(BookError, match=r"Page:X\.djvu/1 has no proofreading quality"):
        read_progress(ApiClient(f"{base}/w/api.php", "tests@example.org"), "X.djvu")
