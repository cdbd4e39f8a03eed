"""The reconciliation service of `glamwiki serve`, built from settings given as arguments: the
authority, the project's store (for its last fitted model), the address and the request limits.
The CLI resolves the project and the options; nothing here reads the command line or the environment."""

from __future__ import annotations

from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

from glamwiki.errors import ConfigError
from glamwiki.linking.entity import from_person
from glamwiki.linking.reconcile import Service, build_service
from glamwiki.linking.run import load_authority_people
from glamwiki.linking.service import MAX_BODY, OPENREFINE_ORIGINS, TIMEOUT, make_server
from glamwiki.store import Store
from glamwiki.store.linking import last_run_model


@dataclass(frozen=True)
class ServeSettings:
    """What `glamwiki serve` needs: the authority to hold, where to listen, whom to answer, how much to take."""

    authority: str
    profile: str | None = None
    mapping: str | None = None
    host: str = "127.0.0.1"
    port: int = 8765
    origins: tuple[str, ...] = OPENREFINE_ORIGINS  # CORS: the web pages allowed to call from a browser
    hosts: tuple[str, ...] = ()  # other names this machine is reached by (the Host header)
    max_body: int = MAX_BODY  # bytes
    timeout: float = TIMEOUT  # seconds a client may take to send its request

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"


def service_for(settings: ServeSettings, model: dict[str, Any] | None = None) -> Service:
    """The service over the authority, scoring with ``model`` (a link run's) or priors of its own."""
    if settings.authority == "wikidata":
        raise ConfigError(
            "serve needs an authority it can hold: a table (e.g. NGA constituents with --authority-profile nga) or "
            "recorded Wikidata entities (entities.jsonl.gz with --authority-profile wikidata)."
        )
    people = load_authority_people(settings.authority, settings.profile, settings.mapping)
    name = settings.profile or Path(settings.authority).name
    return build_service(name, settings.base_url, [from_person(p) for p in people], model)


def stored_model(store: Store) -> dict[str, Any] | None:
    """The model of the project's last link run, if it has one."""
    return last_run_model(store)


def open_service(settings: ServeSettings, store: Store | None = None) -> tuple[Service, ThreadingHTTPServer]:
    """The service (with the last model of the project in ``store``, if any) and its HTTP server,
    bound and ready for ``serve_forever``."""
    service = service_for(settings, stored_model(store) if store is not None else None)
    server = make_server(
        service,
        settings.host,
        settings.port,
        settings.origins,
        settings.hosts,
        max_body=settings.max_body,
        timeout=settings.timeout,
    )
    return service, server
