"""Network settings as the CLI gathers them from ``glamwiki.toml`` and the environment: the library
(:mod:`glamwiki.wikimedia` and the stages) reads no environment variable; these are its only inputs.

* ``[publishing] contact`` / ``GLAMWIKI_PUBLISHING_CONTACT`` / ``GLAMWIKI_CONTACT``: the operator's
  contact in the one User-Agent (https://meta.wikimedia.org/wiki/User-Agent_policy).
* ``[network] allow_hosts`` / ``GLAMWIKI_NETWORK_ALLOW_HOSTS``: hosts allowed to be private addresses.
* ``GLAMWIKI_CACHE``: the folder of the Wikidata answers cache (default ``~/.cache/glamwiki``).
* ``[reach] backoff``, ``[reach] max_retries`` / ``GLAMWIKI_REACH_BACKOFF``, ``GLAMWIKI_REACH_MAX_RETRIES``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from glamwiki.errors import ConfigError

if TYPE_CHECKING:
    from glamwiki.linking.wikidata.client import WikidataClient


def contact(config: Any = None) -> str:
    """The operator's contact: the project's ``[publishing] contact``, else ``GLAMWIKI_CONTACT``."""
    value = str(config.get("publishing", "contact", "") or "") if config is not None else ""
    return value or os.environ.get("GLAMWIKI_CONTACT", "")


def allow_hosts(config: Any = None) -> frozenset[str]:
    """Host names the project allows to be private (``[network] allow_hosts``; a list, or comma-separated);
    outside a project, ``GLAMWIKI_NETWORK_ALLOW_HOSTS``."""
    from glamwiki.wikimedia.guard import allow_hosts as parse

    if config is not None:
        return parse(config.get("network", "allow_hosts", []))
    return parse(os.environ.get("GLAMWIKI_NETWORK_ALLOW_HOSTS", ""))


def cache_root() -> Path:
    """The user's cache folder for answers shared across projects (Wikidata entities, searches, SPARQL)."""
    return Path(os.environ.get("GLAMWIKI_CACHE", Path.home() / ".cache" / "glamwiki"))


def wikidata_client(config: Any = None) -> WikidataClient:
    """The live Wikidata client with the user's cache and the operator's contact."""
    from glamwiki.linking.run import live_client

    return live_client(cache_root(), contact(config))


def reach_retry(config: Any = None) -> tuple[float, int]:
    """(first backoff in seconds, retries) for the reach commands."""
    try:
        backoff = float(_setting(config, "reach", "backoff", "2"))
        retries = int(_setting(config, "reach", "max_retries", "5"))
    except ValueError as exc:
        raise ConfigError(f"[reach] backoff / max_retries: {exc}. Give numbers.") from None
    return backoff, retries


def _setting(config: Any, section: str, key: str, default: str) -> str:
    if config is not None:
        return str(config.get(section, key, default))
    return os.environ.get(f"GLAMWIKI_{section}_{key}".upper(), default)
