"""Page views from the dumps, for a collect that chose them: the daily ``pageview_complete`` files
of the months no earlier run covered are downloaded one at a time, aggregated for the articles in
use (``dumpload``: the same idempotent load as ``reach dumps``), then deleted unless kept.

Files are at ``https://dumps.wikimedia.org/other/pageview_complete/YYYY/YYYY-MM/pageviews-YYYYMMDD-
{agent}.bz2`` (https://dumps.wikimedia.org/other/pageview_complete/readme.html). Wikimedia's dump
servers cap each address at two connections (https://dumps.wikimedia.org/, "rate limited
downloaders"): this asks for one file at a time, with the client's User-Agent, pause and retries.
A day the server does not have (404: not published yet) is listed and its month stays a gap.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from glamwiki.reach.dumpload import load_dumps
from glamwiki.reach.errors import ApiError, DumpFileError
from glamwiki.reach.http import Client
from glamwiki.store import reach as db
from glamwiki.store.db import Store
from glamwiki.wikimedia import WikimediaError
from glamwiki.wikimedia.http import Response

DUMPS_HOST = "dumps.wikimedia.org"
BLOCK = 1024 * 1024


@dataclass
class DumpsDone:
    loaded: list[str] = field(default_factory=list)  # files aggregated by this run
    missing: list[str] = field(default_factory=list)  # "name: why" for files that could not be had
    lines: int = 0
    malformed: int = 0


def daily_files(months: list[str], agent: str) -> list[tuple[str, str]]:
    """(file name, path on the dump server) of every day of ``months`` (YYYY-MM) for one agent."""
    out = []
    for month in months:
        day = date.fromisoformat(month + "-01")
        while day.strftime("%Y-%m") == month:
            name = f"pageviews-{day:%Y%m%d}-{agent}.bz2"
            out.append((name, f"/other/pageview_complete/{day:%Y}/{day:%Y-%m}/{name}"))
            day += timedelta(days=1)
    return out


def views_from_dumps(store: Store, client: Client, months: list[str], agents: tuple[str, ...], folder: Path,
                     keep: bool = False, progress: Callable[[int], None] | None = None,
                     today: date | None = None) -> DumpsDone:  # fmt: skip
    """Download and load the daily files of the months not yet covered by dumps, for each agent."""
    today = today or datetime.now(UTC).date()
    done = DumpsDone()
    folder.mkdir(parents=True, exist_ok=True)
    for agent in agents:
        covered = db.covered_months(store, "pageviews", "*dump*", agent)
        for name, path in daily_files([m for m in months if m not in covered], agent):
            if db.dump_done(store, name):
                continue
            if date(int(name[10:14]), int(name[14:16]), int(name[16:18])) >= today:
                done.missing.append(f"{name}: not published yet (a day's file comes out after the day)")
                continue
            _one(store, client, name, path, folder, keep, done)
            if progress:
                progress(1)
    return done


def _one(store: Store, client: Client, name: str, path: str, folder: Path, keep: bool, done: DumpsDone) -> None:
    local = folder / name
    try:
        if not local.is_file():
            download(client, client.url(DUMPS_HOST, path), local)
    except ApiError as exc:
        done.missing.append(f"{name}: {exc}")
        return
    try:
        (result,) = load_dumps(store, [local])
    except DumpFileError as exc:  # a damaged download: dropped, fetched again by the next collect
        local.unlink(missing_ok=True)
        done.missing.append(f"{name}: {exc}")
        return
    done.loaded.append(name)
    done.lines += int(result.get("lines", 0))
    done.malformed += int(result.get("malformed", 0))
    if not keep:
        local.unlink(missing_ok=True)


def download(client: Client, url: str, dest: Path) -> Path:
    """One file to ``dest`` (written to ``dest.part``, renamed when complete), through the one HTTP
    layer: its User-Agent, pace and retry policy (a 5xx, 429 or dropped connection is retried with
    backoff and ``Retry-After``; a refused connection or a 404 is not)."""
    partial = dest.with_name(dest.name + ".part")

    def read(response: Response) -> None:
        if response.status_code == 404:
            raise ApiError(f"{url} is not on the server (HTTP 404): not published yet, or no such day", status=404)
        if response.status_code >= 400:
            raise ApiError(f"{url} answered HTTP {response.status_code}.", status=response.status_code)
        with partial.open("wb") as fh:
            for block in response.iter_content(BLOCK):
                fh.write(block)

    try:
        client.http.call("GET", url, read, stream=True)
    except ApiError:
        partial.unlink(missing_ok=True)
        raise
    except WikimediaError as exc:
        partial.unlink(missing_ok=True)
        raise ApiError(f"Could not download {url}: {exc}. Run the same collect again to go on.") from exc
    os.replace(partial, dest)
    return dest
