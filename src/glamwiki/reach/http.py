"""The reach stage's view of the one Wikimedia client (:mod:`glamwiki.wikimedia`): one Action API
request at a time (a few REST metrics requests at once, ``Politeness.rest_concurrency``), a pause
between two request starts, ``maxlag`` on the Action API, retries that honour ``Retry-After``, and
the on-disk cache so a rerun does not ask again for what cannot have changed.

Every site is reached under one root: by default each API's public host; with ``api_root``
(``--api-root`` / ``GLAMWIKI_REACH_API_ROOT``) every request goes to ``{api_root}/{host}/...``
instead, which is how the tests point the clients at recorded responses on 127.0.0.1.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from glamwiki.reach.errors import ApiError
from glamwiki.wikimedia import ApiRefused, Http, HttpSettings, Transient, Unreachable, WikimediaError
from glamwiki.wikimedia.http import Session
from glamwiki.wikimedia.settings import DAY

__all__ = ["DAY", "Client", "Politeness"]


@dataclass
class Politeness:
    min_interval: float = 0.2  # seconds between two requests
    max_retries: int = 5
    backoff: float = 2.0  # first wait when no Retry-After is given; doubles each retry
    max_wait: float = 120.0
    maxlag: int = 5
    # REST metrics requests in flight at once. The Action API asks for one request at a time
    # (https://www.mediawiki.org/wiki/API:Etiquette); the REST APIs have per-client rate limits
    # instead (https://www.mediawiki.org/wiki/Wikimedia_APIs/Rate_limits), so a few run together,
    # still paced by min_interval between two request starts.
    rest_concurrency: int = 4

    def settings(self, contact: str = "", cache_dir: Path | None = None) -> HttpSettings:
        return HttpSettings(
            contact=contact, retries=self.max_retries, backoff=self.backoff, max_wait=self.max_wait,
            maxlag=self.maxlag, min_interval=self.min_interval, per_host=max(1, self.rest_concurrency),
            cache_dir=cache_dir,
        )  # fmt: skip


class Client:
    def __init__(
        self,
        api_root: str = "",
        cache_dir: Path | None = None,
        polite: Politeness | None = None,
        sleep: Callable[[float], None] = time.sleep,
        session: Session | None = None,
        notify: Callable[[str], None] | None = None,  # hears of each wait before a retry
        contact: str = "",
    ) -> None:
        self.api_root, self.cache_dir = api_root, cache_dir
        self.polite = polite or Politeness()
        self.http = Http(self.polite.settings(contact, cache_dir), sleep=sleep, notify=notify, session=session)
        self._action = threading.Lock()  # one Action API request at a time, whatever the caller does

    @property
    def requests_made(self) -> int:
        return self.http.requests_made

    @property
    def cache_hits(self) -> int:
        return self.http.cache.hits if self.http.cache else 0

    @property
    def waits(self) -> list[float]:
        return self.http.waits

    def url(self, host: str, path: str) -> str:
        root = self.api_root.rstrip("/")
        return f"{root}/{host}{path}" if root else f"https://{host}{path}"

    # -- the two kinds of call --------------------------------------------------------------
    def action(self, host: str, params: dict[str, Any], ttl: float = DAY) -> dict[str, Any]:
        """One Action API request (format=json, formatversion=2, maxlag); errors raised here only."""
        full = {"format": "json", "formatversion": "2", **params}
        body: dict[str, Any] = self.get_json(self.url(host, "/w/api.php"), full, ttl, action=True)
        return body

    def rest(self, host: str, path: str, ttl: float = DAY) -> dict[str, Any] | None:
        """One REST request; None when the API says there is no data (404)."""
        body: dict[str, Any] | None = self.get_json(self.url(host, path), {}, ttl, action=False)
        return body

    def get_json(self, url: str, params: dict[str, Any], ttl: float, action: bool) -> Any:
        """``ttl`` is the age a cached answer may have; 0 or less asks again (and stores the answer)."""
        try:
            if action:
                with self._action:
                    return self.http.get_json(url, params, api=True, max_age=ttl, fresh=ttl <= 0)
            return self.http.get_json(url, params, max_age=ttl, fresh=ttl <= 0, missing=frozenset({404}))
        except ApiRefused as exc:
            raise ApiError(
                f"{url} answered error {exc.code}: {exc.info}. Check the request (file names, user names, wiki) "
                "and retry.",
                code=exc.code,
            ) from None
        except Transient as exc:
            raise ApiError(
                f"{url} still refused after {self.polite.max_retries} retries ({exc}). The service is busy: run "
                "the same command later; finished work is kept.",
                status=exc.status,
            ) from None
        except Unreachable as exc:
            raise ApiError(f"Could not reach {url}: {exc.reason}. Check the network and retry.") from None
        except WikimediaError as exc:
            raise ApiError(str(exc), status=exc.status) from None
