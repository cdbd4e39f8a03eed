"""A polite Wikidata client: wbsearchentities, wbgetentities and SPARQL (JSON results), one
request at a time, a minimum interval between requests, `maxlag` on API calls (waiting as the
server asks), a descriptive User-Agent, and a persistent on-disk cache so a rerun asks nothing
twice. API `error` objects become WikidataError here and nowhere else.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from glamwiki import __version__
from glamwiki.errors import GlamwikiError

API_URL = "https://www.wikidata.org/w/api.php"
SPARQL_URL = "https://query.wikidata.org/sparql"
MAXLAG = 5  # seconds; the value Wikimedia recommends for bots (Manual:Maxlag parameter)
BATCH = 50  # wbgetentities takes at most 50 ids per request


class WikidataError(GlamwikiError):
    """Wikidata answered with an error, or could not be reached."""


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    text: str


# (method, url, params, headers) -> Response. The default uses requests; tests pass recorded answers.
Transport = Callable[[str, str, dict[str, str], dict[str, str]], Response]


def requests_transport(method: str, url: str, params: dict[str, str], headers: dict[str, str]) -> Response:
    import requests

    try:
        if method == "POST":
            r = requests.post(url, data=params, headers=headers, timeout=60)
        else:
            r = requests.get(url, params=params, headers=headers, timeout=60)
    except requests.RequestException as exc:
        raise WikidataError(f"Cannot reach {url}: {exc}. Check the network, or work from recorded entities.") from exc
    return Response(r.status_code, dict(r.headers), r.text)


def user_agent(contact: str = "") -> str:
    who = contact or "set GLAMWIKI_CONTACT to an e-mail or user page"
    return f"glamwiki/{__version__} ({who}) python-requests"


class WikidataClient:
    def __init__(
        self, cache_dir: str | Path, *, contact: str = "", transport: Transport | None = None,
        min_interval: float = 1.0, max_retries: int = 5, sleep: Callable[[float], None] = time.sleep,
        api_url: str = API_URL, sparql_url: str = SPARQL_URL,
    ) -> None:  # fmt: skip
        self.cache = Path(cache_dir)
        self.cache.mkdir(parents=True, exist_ok=True)
        self.transport = transport or requests_transport
        self.headers = {"User-Agent": user_agent(contact), "Accept": "application/json"}
        self.min_interval, self.max_retries, self.sleep = min_interval, max_retries, sleep
        self.api_url, self.sparql_url = api_url, sparql_url
        self._lock = threading.Lock()  # one request at a time
        self._last = 0.0
        self.requests_made = 0

    # -- the three calls -------------------------------------------------------------------------
    def search(self, text: str, language: str = "en", limit: int = 10) -> list[dict[str, Any]]:
        params = {"action": "wbsearchentities", "search": text, "language": language, "uselang": language,
                  "type": "item", "limit": str(limit), "format": "json"}  # fmt: skip
        return list(self._api(params).get("search", []))

    def cirrus(self, query: str, limit: int = 10, fresh: bool = False) -> list[str]:
        """Item ids CirrusSearch finds for a query, e.g. ``haswbstatement:P2741=1052``
        (https://www.mediawiki.org/wiki/Help:Extension:WikibaseCirrusSearch; action=query&list=search)."""
        params = {"action": "query", "list": "search", "srsearch": query, "srnamespace": "0",
                  "srlimit": str(limit), "srprop": "", "format": "json"}  # fmt: skip
        return [hit["title"] for hit in self._api(params, fresh).get("query", {}).get("search", [])]

    def get_entities(self, ids: Iterable[str], languages: str = "") -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        wanted = sorted(set(ids))
        for i in range(0, len(wanted), BATCH):
            params = {"action": "wbgetentities", "ids": "|".join(wanted[i : i + BATCH]), "format": "json",
                      "props": "labels|aliases|descriptions|claims|sitelinks"}  # fmt: skip
            if languages:
                params["languages"] = languages
            for qid, entity in self._api(params).get("entities", {}).items():
                if "missing" not in entity:
                    out[qid] = entity
        return out

    def sparql(self, query: str) -> list[dict[str, str]]:
        """SELECT results as rows of variable -> value (SPARQL 1.1 Query Results JSON Format)."""
        data = self._get(self.sparql_url, {"query": query, "format": "json"}, api=False)
        names = data.get("head", {}).get("vars", [])
        return [{v: b[v]["value"] for v in names if v in b} for b in data.get("results", {}).get("bindings", [])]

    # -- plumbing ---------------------------------------------------------------------------------
    def _api(self, params: dict[str, str], fresh: bool = False) -> dict[str, Any]:
        return self._get(self.api_url, {**params, "maxlag": str(MAXLAG)}, api=True, fresh=fresh)

    def _get(self, url: str, params: dict[str, str], api: bool, fresh: bool = False) -> dict[str, Any]:
        key = self._key(url, params)
        path = self.cache / f"{key}.json"
        if path.exists() and not fresh:
            cached: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
            return cached
        data = self._fetch(url, params, api)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        tmp.replace(path)
        return data

    def _fetch(self, url: str, params: dict[str, str], api: bool) -> dict[str, Any]:
        for attempt in range(self.max_retries + 1):
            with self._lock:
                wait = self._last + self.min_interval - time.monotonic()
                if wait > 0:
                    self.sleep(wait)
                resp = self.transport("GET", url, params, self.headers)
                self._last = time.monotonic()
                self.requests_made += 1
            retry_after = _retry_after(resp)
            if resp.status in (429, 503) or (retry_after is not None and _is_maxlag(resp)):
                if attempt == self.max_retries:
                    break
                self.sleep(retry_after if retry_after is not None else 5.0 * (attempt + 1))
                continue
            return self._check(resp, url, api)
        raise WikidataError(f"{url} stayed busy (lag or rate limit) after {self.max_retries} retries; try later.")

    @staticmethod
    def _check(resp: Response, url: str, api: bool) -> dict[str, Any]:
        if resp.status != 200:
            raise WikidataError(f"{url} answered HTTP {resp.status}: {resp.text[:200]}")
        try:
            data = json.loads(resp.text)
        except ValueError as exc:
            raise WikidataError(f"{url} did not answer JSON ({exc}): {resp.text[:200]}") from exc
        if api and isinstance(data, dict) and "error" in data:
            err = data["error"]
            raise WikidataError(f"Wikidata API error {err.get('code')}: {err.get('info')}")
        answer: dict[str, Any] = data
        return answer

    @staticmethod
    def _key(url: str, params: dict[str, str]) -> str:
        stable = {k: v for k, v in params.items() if k != "maxlag"}
        return hashlib.sha256((url + json.dumps(stable, sort_keys=True)).encode()).hexdigest()[:32]


def _is_maxlag(resp: Response) -> bool:
    try:
        return bool(json.loads(resp.text).get("error", {}).get("code") == "maxlag")
    except (ValueError, AttributeError):
        return False


def _retry_after(resp: Response) -> float | None:
    value = {k.lower(): v for k, v in resp.headers.items()}.get("retry-after")
    if value is None:
        return 5.0 if _is_maxlag(resp) else None
    try:
        return min(float(value), 120.0)
    except ValueError:
        return 5.0
