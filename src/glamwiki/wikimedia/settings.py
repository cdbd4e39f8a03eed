"""What the HTTP layer is told: built by the CLI from ``glamwiki.toml`` and ``GLAMWIKI_*`` (the library
reads no environment variable), or by a caller (the web application, one per user)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

DAY = 86400.0


def norm_host(host: str) -> str:
    return host.strip().strip("[]").lower().rstrip(".")


@dataclass(frozen=True)
class HttpSettings:
    """Politeness, retries, cache and network guard for one :class:`~glamwiki.wikimedia.http.Http`.

    ``retries``: how many times a transient failure (timeout, 5xx, 429, maxlag) is retried; the first
    wait is ``backoff`` seconds, doubling, or the server's ``Retry-After``/lag hint, at most ``max_wait``.
    ``per_host``: requests in flight at once to one host (``host_limits`` overrides it per host name).
    ``min_interval``: seconds between two request starts. ``cache_dir``: the on-disk cache (None: none).
    ``allow_hosts``: host names allowed to be private addresses for catalogue-supplied URLs.
    """

    contact: str = ""
    retries: int = 5
    backoff: float = 2.0
    max_wait: float = 120.0
    timeout: float = 60.0
    connect_timeout: float = 15.0
    per_host: int = 4
    host_limits: tuple[tuple[str, int], ...] = ()
    min_interval: float = 0.0
    maxlag: int = 5
    cache_dir: Path | None = None
    allow_hosts: frozenset[str] = field(default_factory=frozenset)

    def limit_for(self, host: str) -> int:
        return max(1, dict(self.host_limits).get(norm_host(host), self.per_host))

    def with_hosts(self, hosts: Iterable[str]) -> HttpSettings:
        return replace(self, allow_hosts=frozenset(norm_host(h) for h in hosts if str(h).strip()))
