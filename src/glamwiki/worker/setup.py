"""What a worker needs besides the store, passed in by its caller (the CLI reads the environment and
the project's settings; the library reads neither): the project, and how to get credentials and
network clients for a job."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from glamwiki.project import Project
from glamwiki.publishing.auth import Credentials, load_credentials
from glamwiki.store.jobs import Job

if TYPE_CHECKING:
    from glamwiki.linking.wikidata.client import WikidataClient
    from glamwiki.publishing.etiquette import Etiquette
    from glamwiki.reach.http import Client

# (job, target API URL) -> the credentials to write with, or None when this resolver has none for it
Resolver = Callable[[Job, str], Credentials | None]


@dataclass
class Setup:
    """``resolvers`` are asked in turn for a job's credentials (e.g. the Wikimedia identity of the
    account that started it, ``job.params["by"]``); ``fallback`` answers when none does (the worker's
    own BotPassword or token). ``wikidata`` makes the live Wikidata client (link runs against
    ``wikidata``), ``reach`` the reach client for an API root."""

    project: Project
    fallback: Resolver = field(default=lambda job, target: None)
    resolvers: Sequence[Resolver] = ()
    wikidata: Callable[[], WikidataClient] | None = None
    reach: Callable[[str], Client] | None = None
    contact: str = ""  # the operator's contact (User-Agent) when the project's settings give none
    etiquette: Etiquette | None = None  # the edit rate etc. (tests shorten the waits); None: from the target


def from_environment(env: Mapping[str, str]) -> Resolver:
    """The worker's own credentials, as ``publish run`` finds them: GLAMWIKI_OAUTH_TOKEN, else
    GLAMWIKI_BOT_USER + GLAMWIKI_BOT_PASSWORD, else the keyring (``publishing.auth``)."""
    captured = dict(env)

    def resolve(job: Job, target: str) -> Credentials:
        return load_credentials(target, captured)

    return resolve


def credentials_for(job: Job, target: str, setup: Setup) -> Credentials:
    """The credentials ``job`` writes to ``target`` with: the first resolver's answer, else the
    fallback's. Never stored: a job's params hold only who started it (``by``)."""
    for resolve in setup.resolvers:
        found = resolve(job, target)
        if found is not None:
            return found
    found = setup.fallback(job, target)
    if found is None:
        from glamwiki.publishing.errors import AuthError

        raise AuthError(f"No credentials for {target}: start the worker with GLAMWIKI_BOT_USER and "
                        "GLAMWIKI_BOT_PASSWORD (a BotPassword) or GLAMWIKI_OAUTH_TOKEN set.")  # fmt: skip
    return found
