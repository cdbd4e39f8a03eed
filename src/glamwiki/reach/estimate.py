"""Plan a collect before making it: how many requests, how long, and which source is cheapest.

Sources compared (each stated with what it measures):

- **REST APIs** (per-article page views, media requests): one request per article and run of
  missing months, a few in flight at once (``Politeness.rest_concurrency``); usage
  (``prop=globalusage``, 50 files a request) on the Action API, one request at a time.
- **Commons Impact Metrics** (allow-listed categories only): one request for the category's monthly
  totals and one per file; a different measure — the per-file sum over every wiki — so it is
  offered beside the article figures, never instead of them.
- **Dumps** (``pageview_complete`` daily user files): no request per article at all; the time is
  the decompression of one file per day, measured on this machine (``measure_floor``), times the
  aggregation's ratio to that floor (``DUMP_RATIO``), spread over the cores.
"""

from __future__ import annotations

import bz2
import math
import os
import subprocess
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

from glamwiki.reach.http import Politeness
from glamwiki.store import reach as db
from glamwiki.store.db import Store

ARTICLES_PER_FILE = 1.25  # when usage is not known yet: ~60% of files used, on 1-5 articles each
LATENCY_S = 0.25  # assumed round trip of one request
# pageviews-20210101-user.bz2: ~500 MB of bz2, 36,859,696 lines (as quoted from the published listing in
# charelF/LSDEW4 data.md, see tests/reach/fixtures/dumps/README.md)
DAILY_USER_DUMP_MB = 500.0
DUMP_RATIO = 1.5  # aggregation time / decompression floor (benchmarks/bench_reach.py aim)


@dataclass(frozen=True)
class Estimate:
    files: int
    articles: int
    articles_known: bool
    months: int
    action_requests: int
    rest_requests: int
    api_seconds: float
    dump_files: int
    dump_seconds: float
    cim_requests: int
    choice: str
    why: str
    cim_allow_listed: bool | None = None  # None: not known yet (no earlier answer for the category)

    @property
    def views_source(self) -> str:
        """The cheapest source of the article figures: "api" or "dumps"."""
        return "dumps" if self.choice == "dumps" else "api"

    def lines(self) -> list[str]:
        known = "" if self.articles_known else f" (not checked yet: assumed {ARTICLES_PER_FILE} per file)"
        out = [
            f"{self.files:,} files, {self.articles:,} articles{known}, {self.months} month(s).",
            f"APIs: {self.action_requests:,} Action API + {self.rest_requests:,} REST requests, "
            f"about {_duration(self.api_seconds)}.",
            f"Dumps: {self.dump_files:,} daily pageview_complete files, about {_duration(self.dump_seconds)} "
            "on this machine (plus the download).",
        ]
        if self.cim_requests:
            listed = {
                True: "the category is allow-listed: it answered before",
                False: "no figures for the category so far: probably not allow-listed",
                None: "allow-listed categories only",
            }[self.cim_allow_listed]
            out.append(
                f"Commons Impact Metrics ({listed}): {self.cim_requests:,} requests for the "
                "per-file sum over every wiki (a different measure, shown beside the article figures)."
            )
        return [*out, f"Cheapest for the article figures: {self.choice} ({self.why})."]


def estimate(
    files: int,
    articles: int | None,
    months: int,
    min_interval: float,
    rest_concurrency: int,
    category: bool = False,
    media: bool = True,
    floor_mb_s: float | None = None,
    dump_mb_per_day: float = DAILY_USER_DUMP_MB,
    cores: int | None = None,
) -> Estimate:
    known = articles is not None
    n_articles = articles if articles is not None else math.ceil(files * ARTICLES_PER_FILE)
    action = math.ceil(files / 50) + 1
    rest = n_articles + (files if media else 0)
    per_request = max(min_interval, LATENCY_S / max(1, rest_concurrency))
    api_s = action * (min_interval + LATENCY_S) + rest * per_request
    days = round(months * 30.44)
    floor = floor_mb_s or measure_floor()
    dump_s = days * dump_mb_per_day / floor * DUMP_RATIO / max(1, cores or os.cpu_count() or 1)
    cim = (1 + files) if category else 0
    # Dumps replace the per-article requests only (usage and media requests are asked either way).
    article_s = n_articles * per_request
    if dump_s < article_s:
        choice, why = "dumps", f"{_duration(dump_s)} of dumps against {_duration(article_s)} of per-article requests"
    else:
        choice, why = (
            "the REST APIs",
            f"{_duration(article_s)} of per-article requests against {_duration(dump_s)} of dumps",
        )
    return Estimate(files, n_articles, known, months, action, rest, api_s, days, dump_s, cim, choice, why)


SOURCES = {"api": "the REST APIs", "dumps": "dumps"}


def pick_source(guess: Estimate, forced: str = "auto") -> tuple[str, str]:
    """The source of the article figures ("api" or "dumps") and why: the cheapest unless forced."""
    if forced in SOURCES:
        other = "" if forced == guess.views_source else f"; the cheapest would be {guess.choice}: {guess.why}"
        return forced, f"forced with --source {forced}{other}"
    return guess.views_source, f"the cheapest: {guess.why}"


def measure_floor(sample_lines: int = 60_000) -> float:
    """Compressed MB a second `bzip2 -dc` gets through on this machine now (pageview_complete-like lines)."""
    text = "".join(
        f"en.wikipedia Title_{i}_{i * 7919 % 100003} {i} desktop {i % 13 + 1} A1B2\n" for i in range(sample_lines)
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sample.bz2"
        path.write_bytes(bz2.compress(text.encode(), 9))
        start = time.perf_counter()
        subprocess.run(["bzip2", "-dc", str(path)], stdout=subprocess.DEVNULL, check=True)
        seconds = max(time.perf_counter() - start, 1e-3)
        return path.stat().st_size / 1e6 / seconds


def _duration(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    if seconds < 3 * 86400:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86400:.1f} days"


def for_collect(
    store: Store, files: list[str], months: int, polite: Politeness, category: str | None, media: bool
) -> Estimate:
    """The estimate for a collect of these files: articles known when every file's usage was checked;
    whether the category is allow-listed for Commons Impact Metrics known from an earlier answer."""
    measured = set(db.all_files(store))
    unchecked = [f for f in files if f not in measured] or db.files_due_for_usage(store, files, 1e9)
    articles = None if unchecked or not files else len(db.articles_in_use(store))
    guess = estimate(len(files), articles, months, polite.min_interval, polite.rest_concurrency, bool(category), media)
    if category:
        key = category.removeprefix("Category:").replace(" ", "_")
        guess = replace(guess, cim_allow_listed=db.cim_answered(store, "category", key))
    return guess
