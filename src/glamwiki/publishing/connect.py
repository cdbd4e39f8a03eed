"""A logged-in API client for a target wiki, from the project's settings and the environment
(given as an argument: the CLI passes its own)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from glamwiki.config import Config
from glamwiki.publishing.api import ApiClient
from glamwiki.publishing.auth import Credentials, load_credentials
from glamwiki.publishing.etiquette import Etiquette

COMMONS_API = "https://commons.wikimedia.org/w/api.php"


@dataclass
class Target:
    api: str = COMMONS_API
    contact: str = ""
    edits_per_minute: float = 6.0


def target_from(config: Config, api: str | None = None, edits_per_minute: float | None = None) -> Target:
    return Target(
        api=api or str(config.get("publishing", "target", COMMONS_API)),
        contact=str(config.get("publishing", "contact", "")),
        edits_per_minute=float(
            edits_per_minute if edits_per_minute is not None else config.get("publishing", "edits_per_minute", 6.0)
        ),
    )


def connect(
    target: Target,
    credentials: Credentials | None = None,
    etiquette: Etiquette | None = None,
    env: Mapping[str, str] | None = None,
) -> ApiClient:
    """Logged in with ``credentials``, else those found in ``env`` or the keyring."""
    etiquette = etiquette or Etiquette(edits_per_minute=target.edits_per_minute)
    found = credentials or load_credentials(target.api, {} if env is None else env)
    client = ApiClient(target.api, target.contact, found, etiquette)
    client.login()
    return client
