"""Wikimedia REST metrics APIs (https://wikimedia.org/api/rest_v1/, documented on wikitech:
Analytics/AQS/Pageviews, Analytics/AQS/Mediarequests, Commons Impact Metrics/AQS)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from glamwiki.reach import kinds
from glamwiki.reach.dumpformats import upload_path
from glamwiki.reach.http import DAY, Client
from glamwiki.reach.kinds import Agent, Granularity

REST_HOST = "wikimedia.org"
BASE = "/api/rest_v1/metrics"
AGENTS = kinds.AGENTS
SETTLED = 30 * DAY  # figures of a finished month do not change: keep them a month in the cache


@dataclass(frozen=True)
class Point:
    period: str  # YYYY-MM (monthly) or YYYY-MM-DD (daily)
    value: int


def _enc(segment: str) -> str:
    return quote(segment, safe="")


def _period(timestamp: str, granularity: str) -> str:
    """'2025010100' or '2025-01-01T00:00:00Z' -> '2025-01' (monthly) / '2025-01-01' (daily)."""
    digits = "".join(ch for ch in timestamp if ch.isdigit())
    day = f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}"
    return day[:7] if granularity == "monthly" else day


def per_article(
    client: Client, project: str, title: str, start: str, end: str,
    granularity: Granularity = "monthly", agent: Agent = "user",
) -> list[Point]:  # fmt: skip
    """Views of one page (per-article endpoint, all access methods). start/end: YYYYMMDD."""
    path = f"{BASE}/pageviews/per-article/{project}/all-access/{agent}/{_enc(title)}/{granularity}/{start}00/{end}00"
    body = client.rest(REST_HOST, path, SETTLED)
    items = (body or {}).get("items", [])
    return [Point(_period(i["timestamp"], granularity), int(i["views"])) for i in items]


def mediarequests(
    client: Client, file: str, start: str, end: str, granularity: Granularity = "monthly", agent: Agent = "user"
) -> list[Point]:
    """Requests of one file's media (mediarequests per-file endpoint, all referers)."""
    path = f"{BASE}/mediarequests/per-file/all-referers/{agent}/{_enc(upload_path(file))}/{granularity}/{start}/{end}"
    body = client.rest(REST_HOST, path, SETTLED)
    items = (body or {}).get("items", [])
    return [Point(_period(i["timestamp"], granularity), int(i["requests"])) for i in items]


def cim_file(client: Client, file: str, start: str, end: str, wiki: str = "all-wikis") -> list[Point]:
    """Commons Impact Metrics: monthly views of pages using a file (pageviews-per-media-file-monthly)."""
    path = f"{BASE}/commons-analytics/pageviews-per-media-file-monthly/{_enc(file)}/{wiki}/{start}/{end}"
    body = client.rest(REST_HOST, path, SETTLED)
    return [Point(_period(i["timestamp"], "monthly"), int(i["pageview-count"])) for i in (body or {}).get("items", [])]


def cim_category(
    client: Client, category: str, start: str, end: str, scope: str = "deep", wiki: str = "all-wikis"
) -> list[Point]:
    """Commons Impact Metrics: monthly views of pages using a category's files (pageviews-per-category-monthly)."""
    name = category.removeprefix("Category:").replace(" ", "_")
    path = f"{BASE}/commons-analytics/pageviews-per-category-monthly/{_enc(name)}/{scope}/{wiki}/{start}/{end}"
    body = client.rest(REST_HOST, path, SETTLED)
    return [Point(_period(i["timestamp"], "monthly"), int(i["pageview-count"])) for i in (body or {}).get("items", [])]
