"""The public dump formats the aggregation reads, and what a file's name says about it.

Each format is documented in docs/reach.md with its public documentation page:

- ``pageview_complete``: https://dumps.wikimedia.org/other/pageview_complete/readme.html
  ``pageviews-YYYYMMDD-{user,automated,spider}.bz2`` (daily) or ``pageviews-YYYYMM-{agent}.bz2`` (monthly);
  lines of 6 space-separated fields: wiki_code article_title page_id access_method total hourly_counts.
- hourly ``pageviews``: https://wikitech.wikimedia.org/wiki/Data_Platform/Data_Lake/Traffic/Pageviews
  ``pageviews-YYYYMMDD-HH0000.gz``, the time in the name being the END of the hour (see ``hour_started``);
  4 space-separated fields: domain_code page_title count_views total_response_size. Spiders and
  automated agents are already filtered out (agent "user").
- ``mediacounts``: https://wikitech.wikimedia.org/wiki/Data_Platform/Data_Lake/Traffic/Mediacounts
  ``mediacounts.YYYY-MM-DD.v00.tsv.bz2``; tab-separated, field 1 base_name (the file's path on
  upload.wikimedia.org), field 3 total transfers — of every agent, people and bots alike: the
  format has no agent column, so these are never mixed with the API's user-agent media requests.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from glamwiki.reach.errors import DumpFileError
from glamwiki.reach.kinds import DumpAgent, Granularity, as_agent

# Wikipedia-family project suffixes of the hourly domain codes (the "domain coding scheme").
HOURLY_SUFFIX = {
    "wikipedia": "",
    "wikibooks": ".b",
    "wiktionary": ".d",
    "wikinews": ".n",
    "wikiquote": ".q",
    "wikisource": ".s",
    "wikiversity": ".v",
    "wikivoyage": ".voy",
}


@dataclass(frozen=True)
class DumpFormat:
    name: str
    separator: str  # one character
    min_fields: int
    max_fields: int
    wiki_field: int | None  # 1-based; None: the whole file is one wiki (``fixed_wiki``)
    title_field: int
    count_field: int
    fixed_wiki: str = ""
    compression: str = "bz2"
    quoted_titles: bool = False  # titles holding '"' are written quoted, inner quotes backslash-escaped
    short_count_field: int | None = None  # where the count is on a line one field short (no page id)

    def dump_keys(self, wiki: str, title: str) -> list[tuple[str, str]]:
        """The (wiki field, title field) values under which a page appears in this format."""
        if self.name == "hourly":
            return [(code, title) for code in hourly_codes(wiki)]
        if self.name == "mediacounts":
            return [(self.fixed_wiki, upload_path(title))]
        return [(wiki, title)]


# Lines without a page id may have 5 fields, not 6 (the readme's "known issue": rows without page ids
# have only 5 columns): wiki_code article_title access_method daily_total hourly_counts.
PAGEVIEW_COMPLETE = DumpFormat("pageview_complete", " ", 5, 6, 1, 2, 5, quoted_titles=True, short_count_field=4)
HOURLY = DumpFormat("hourly", " ", 4, 4, 1, 2, 3, compression="gz")
MEDIACOUNTS = DumpFormat("mediacounts", "\t", 3, 64, None, 1, 3, fixed_wiki="commons.wikimedia")
FORMATS = {f.name: f for f in (PAGEVIEW_COMPLETE, HOURLY, MEDIACOUNTS)}


@dataclass(frozen=True)
class DumpFile:
    path: Path
    format: DumpFormat
    period: str  # YYYY-MM-DD (daily), YYYY-MM (monthly) or YYYY-MM-DDTHH (hourly)
    granularity: Granularity
    agent: DumpAgent


_PATTERNS = [
    (re.compile(r"^pageviews-(\d{4})(\d{2})(\d{2})-(user|automated|spider)\.bz2$"), "pvc_daily"),
    (re.compile(r"^pageviews-(\d{4})(\d{2})-(user|automated|spider)\.bz2$"), "pvc_monthly"),
    (re.compile(r"^pageviews-(\d{4})(\d{2})(\d{2})-(\d{2})0000\.gz$"), "hourly"),
    (re.compile(r"^mediacounts\.(\d{4})-(\d{2})-(\d{2})\.v00\.tsv\.bz2$"), "mediacounts"),
]


def identify(path: Path) -> DumpFile:
    """What a dump file holds, from its published file name."""
    for pattern, kind in _PATTERNS:
        m = pattern.match(path.name)
        if not m:
            continue
        g = m.groups()
        if kind == "pvc_daily":
            return DumpFile(path, PAGEVIEW_COMPLETE, f"{g[0]}-{g[1]}-{g[2]}", "daily", as_agent(g[3]))
        if kind == "pvc_monthly":
            return DumpFile(path, PAGEVIEW_COMPLETE, f"{g[0]}-{g[1]}", "monthly", as_agent(g[2]))
        if kind == "hourly":
            return DumpFile(path, HOURLY, hour_started(g), "hourly", "user")
        return DumpFile(path, MEDIACOUNTS, f"{g[0]}-{g[1]}-{g[2]}", "daily", "all")
    raise DumpFileError(
        f"{path.name} is not named like a published dump file (pageviews-YYYYMMDD-user.bz2, "
        "pageviews-YYYYMMDD-HH0000.gz or mediacounts.YYYY-MM-DD.v00.tsv.bz2). Keep the published name."
    )


def hour_started(groups: tuple[str, ...]) -> str:
    """('2025', '02', '01', '00') -> '2025-01-31T23': the file named for 00:00 holds 23:00-24:00 of the
    day before. The time in an hourly file's name is the end of the aggregation period, not the start
    (https://wikitech.wikimedia.org/wiki/Analytics/Data/Pagecounts-raw, "Contained data": the page
    documents the pageviews files together with the pagecounts files they replaced)."""
    try:
        end = datetime(int(groups[0]), int(groups[1]), int(groups[2]), int(groups[3]))
    except ValueError as exc:
        raise DumpFileError(f"pageviews-{''.join(groups[:3])}-{groups[3]}0000.gz names no real hour.") from exc
    return (end - timedelta(hours=1)).strftime("%Y-%m-%dT%H")


def hourly_codes(wiki: str) -> list[str]:
    """'en.wikipedia' -> ['en', 'en.m']; 'de.wikibooks' -> ['de.b', 'de.m.b']."""
    lang, _, project = wiki.partition(".")
    suffix = HOURLY_SUFFIX.get(project)
    if suffix is None:
        return [wiki]
    return [f"{lang}{suffix}", f"{lang}.m{suffix}"]


def upload_path(file_title: str) -> str:
    """A Commons file's path on upload.wikimedia.org (the mediacounts base_name): MD5 of the name."""
    name = file_title.removeprefix("File:").replace(" ", "_")
    digest = hashlib.md5(name.encode("utf-8")).hexdigest()  # the published path scheme
    return f"/wikipedia/commons/{digest[0]}/{digest[:2]}/{name}"
