"""One client for everything glamwiki asks of the network: the MediaWiki Action API, the Wikimedia
REST APIs, Wikidata and its query service, and catalogue hosts (OAI-PMH, IIIF, images). See
:mod:`glamwiki.wikimedia.http` and ADR 0009."""

from glamwiki.wikimedia.agent import user_agent
from glamwiki.wikimedia.errors import (
    AddressRefused,
    ApiRefused,
    AuthFailed,
    BadBody,
    HttpStatus,
    MaxLagged,
    NotAllowed,
    Permanent,
    RateLimited,
    Transient,
    Unreachable,
    WikimediaError,
)
from glamwiki.wikimedia.http import Http
from glamwiki.wikimedia.settings import HttpSettings

__all__ = [
    "AddressRefused", "ApiRefused", "AuthFailed", "BadBody", "Http", "HttpSettings", "HttpStatus", "MaxLagged",
    "NotAllowed", "Permanent", "RateLimited", "Transient", "Unreachable", "WikimediaError", "user_agent",
]  # fmt: skip
