"""The site: which projects one `glamwiki web` serves and where its accounts live (docs/adr/0015).

- the embedded default: one project folder; its own store holds the accounts (as before);
- a shared PostgreSQL database: every project (schema) of it, or the ones named; the accounts, the
  memberships, the private flags and the failed logins in the schema ``glamwiki_site``, migrated
  with the same chain as a project so that every table keyed by an account exists there;
- a programme of project folders (``programme.toml``): those folders; the accounts in ``site.db``
  beside the file.

Who sees what: a programme admin (site role ``admin``) sees every project as admin; others see the
public projects with their membership role there, else their site role, and the private projects
they are members of. A project the user may not see does not exist for them (HTTP 404).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from glamwiki.errors import ConfigError
from glamwiki.publishing.connect import COMMONS_API
from glamwiki.store import Store, list_projects, open_store
from glamwiki.store.accounts import Account
from glamwiki.store.db import pooled_store
from glamwiki.store.site import (
    delete_membership,
    memberships_of,
    private_projects,
    set_membership,
    set_project_private,
)

SITE_SCHEMA = "glamwiki_site"  # the PostgreSQL schema of the site's accounts (never a project)
SITE_DB = "site.db"  # beside programme.toml: the accounts of a programme of SQLite folders
MEMBER_ROLES = ("resident", "curator", "viewer")


@dataclass(frozen=True)
class ProjectPlace:
    """Where one project's store is: a SQLite file, or a schema of a PostgreSQL database."""

    name: str
    location: str
    schema: str | None = None
    root: str = ""  # the project folder (settings, sources) when the site knows it; "" when not

    def open(self, *, migrate: bool = False) -> Store:
        return open_store(self.location if self.schema else Path(self.location), schema=self.schema, migrate=migrate)

    def use(self) -> AbstractContextManager[Store]:
        """The store for one request: on PostgreSQL lent from the process's open connections
        (``store.db.pooled_store``), a SQLite file opened and closed (as before)."""
        return pooled_store(self.location, self.schema) if self.schema else self.open()


@dataclass(frozen=True)
class Site:
    projects: tuple[ProjectPlace, ...]
    accounts: ProjectPlace  # the store of the accounts, memberships, private flags, failed logins
    name: str = ""
    target: str = COMMONS_API  # the wiki the uploads went to (the programme dashboard counts them there)

    def __post_init__(self) -> None:
        if not self.projects:
            raise ConfigError("the site has no project: make one with `glamwiki init DIR --store-url URL`.")
        names = [p.name for p in self.projects]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise ConfigError(f"two projects of the site are named {', '.join(twice)}: rename one (project.name).")

    def find(self, name: str) -> ProjectPlace | None:
        return next((p for p in self.projects if p.name == name), None)

    @property
    def many(self) -> bool:
        return len(self.projects) > 1


def one_project(name: str, db_path: Path | str, root: Path | str = "", target: str = COMMONS_API) -> Site:
    """The embedded default: one project, whose store holds the accounts too."""
    place = ProjectPlace(name, str(db_path), None, str(root or Path(db_path).parent))
    return Site((place,), place, name, target)


def postgres_site(
    url: str, only: Iterable[str] = (), site_schema: str = SITE_SCHEMA, folders: Mapping[str, Path] | None = None
) -> Site:
    """Every project (schema) of the database at ``url`` but the site's own, or those in ``only``;
    ``folders``: the project folder of a schema, where known."""
    found = [s for s in list_projects(url) if s != site_schema]
    wanted = list(only)
    missing = [n for n in wanted if n not in found]
    if missing:
        raise ConfigError(
            f"no project {', '.join(missing)} in {url}: the projects there are {', '.join(found) or 'none'}."
        )
    chosen = wanted or found
    database = make_url(url).database or "glamwiki"
    places = tuple(ProjectPlace(s, url, s, str((folders or {}).get(s, ""))) for s in chosen)
    return Site(places, ProjectPlace(site_schema, url, site_schema), database)


def folders_site(name: str, places: Iterable[ProjectPlace], accounts_db: Path, target: str = COMMONS_API) -> Site:
    """A programme of project folders; the accounts in ``accounts_db`` (``site.db`` beside the toml)."""
    return Site(tuple(places), ProjectPlace(SITE_DB, str(accounts_db)), name, target)


def prepare_accounts_store(site: Site, *, migrate: bool = False) -> list[str]:
    """Make the site's own store (the schema glamwiki_site, or site.db) when it does not exist yet;
    an existing one is only checked to be current, as a project's is (``glamwiki web migrate``
    brings it up, ``migrate=True``). On the embedded default it is the project's store: checked only.
    Returns the migrations applied now."""
    place = site.accounts
    if place in site.projects:
        migrate = False
    elif place.schema:
        migrate = migrate or place.schema not in list_projects(place.location)
    else:
        migrate = migrate or not Path(place.location).exists()
    with place.open(migrate=migrate) as store:
        return list(store.migrated)


@dataclass(frozen=True)
class Access:
    """A project the user may see, with their role in it."""

    place: ProjectPlace
    role: str


def visible(store: Store, site: Site, account: Account) -> list[Access]:
    """The projects ``account`` may see (``store``: the site's accounts store), in the site's order."""
    if account.role == "admin":
        return [Access(p, "admin") for p in site.projects]
    member = memberships_of(store, account.username)
    private = private_projects(store)
    out: list[Access] = []
    for place in site.projects:
        if place.name in member:
            out.append(Access(place, member[place.name]))
        elif place.name not in private:
            out.append(Access(place, account.role))
    return out


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def add_member(store: Store, site: Site, username: str, project: str, role: str, by: str) -> None:
    from glamwiki.store.accounts import get_account

    if site.find(project) is None:
        raise ConfigError(f"no project named {project!r} in this site.")
    if role not in MEMBER_ROLES:
        raise ConfigError(f"a member's role is one of {', '.join(MEMBER_ROLES)} (admins see every project).")
    if get_account(store, username.strip()) is None:
        raise ConfigError(f"no user named {username.strip()!r}: add the user first (page Users).")
    set_membership(store, username.strip(), project, role, _now(), by)


def mark_private(store: Store, site: Site, project: str, private: bool, by: str) -> None:
    if site.find(project) is None:
        raise ConfigError(f"no project named {project!r} in this site.")
    set_project_private(store, project, private, _now(), by)


def remove_member(store: Store, username: str, project: str) -> None:
    """The user goes back to their site role in that project (none, if it is private)."""
    if project not in memberships_of(store, username):
        raise ConfigError(f"{username!r} is not a member of {project!r}.")
    delete_membership(store, username, project)
