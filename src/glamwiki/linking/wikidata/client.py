"""A polite Wikidata client on the one Wikimedia client (:mod:`glamwiki.wikimedia`): wbsearchentities,
wbgetentities and SPARQL (JSON results), one request at a time, a minimum interval between requests,
`maxlag` on API calls (waiting as the server asks), the one User-Agent, and the one on-disk cache so a
rerun asks nothing twice. API `error` objects become WikidataError here and nowhere else.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from glamwiki.wikimedia import ApiRefused, Http, HttpSettings, Transient, Unreachable, WikimediaError
from glamwiki.wikimedia.adapter import FunctionAdapter
from glamwiki.wikimedia.agent import user_agent

__all__ = ["API_URL", "BATCH", "MAXLAG", "SPARQL_URL", "Response", "Transport", "WikidataClient", "WikidataError",
           "user_agent"]  # fmt: skip

API_URL = "https://www.wikidata.org/w/api.php"
SPARQL_URL = "https://query.wikidata.org/sparql"
MAXLAG = 5  # seconds; the value Wikimedia recommends for bots (Manual:Maxlag parameter)
BATCH = 50  # wbgetentities takes at most 50 ids per request


class WikidataError(WikimediaError):
    """Wikidata answered with an error, or could not be reached."""


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    text: str


# (method, url, params, headers) -> Response: recorded answers instead of the network.
Transport = Callable[[str, str, dict[str, str], dict[str, str]], Response]


class WikidataClient:
    def __init__(
        self, cache_dir: str | Path, *, contact: str = "", transport: Transport | None = None,
        min_interval: float = 1.0, max_retries: int = 5, sleep: Callable[[float], None] = time.sleep,
        api_url: str = API_URL, sparql_url: str = SPARQL_URL, http: Http | None = None,
    ) -> None:  # fmt: skip
        """``http``: the caller's client (its identity, settings and cache); otherwise one is made from the
        other arguments, caching under ``cache_dir``."""
        self.cache = Path(cache_dir)
        settings = HttpSettings(contact=contact, retries=max_retries, backoff=5.0, min_interval=min_interval,
                                per_host=1, maxlag=MAXLAG, cache_dir=self.cache)  # fmt: skip
        self.http = http or Http(settings, sleep=sleep)
        self.http.session.headers["Accept"] = "application/json"
        if transport is not None:
            for prefix in ("https://", "http://"):
                self.http.mount(prefix, FunctionAdapter(transport))
        self.max_retries = self.http.settings.retries
        self.api_url, self.sparql_url = api_url, sparql_url

    @property
    def requests_made(self) -> int:
        return self.http.requests_made

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
        return self._get(self.api_url, params, api=True, fresh=fresh)

    def _get(self, url: str, params: dict[str, str], api: bool, fresh: bool = False) -> dict[str, Any]:
        try:
            data: dict[str, Any] = self.http.get_json(url, params, api=api, fresh=fresh)
        except ApiRefused as exc:
            raise WikidataError(f"Wikidata API error {exc.code}: {exc.info}") from None
        except Transient as exc:
            raise WikidataError(
                f"{url} stayed busy (lag or rate limit) after {self.max_retries} retries ({exc}); try later."
            ) from None
        except Unreachable as exc:
            hint = "Check the network, or work from recorded entities."
            raise WikidataError(f"Cannot reach {url}: {exc.reason}. {hint}") from None
        except WikimediaError as exc:
            raise WikidataError(str(exc)) from None
        return data
