"""The Wikimedia identity of web accounts: the Wikimedia user name linked to an account (for "Log in
with Wikimedia") and the sealed credentials an account publishes with (never in clear here: the
caller seals and unseals them, glamwiki.identities)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from glamwiki.store.db import Store


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class WikimediaLink:
    account: str
    wiki_user: str
    linked_by: str
    linked_at: str


@dataclass(frozen=True)
class SealedCredential:
    account: str
    site: str
    kind: str
    wiki_user: str
    sealed: str
    expires_at: str
    connected_at: str
    updated_at: str


_LINK = "account, wiki_user, linked_by, linked_at"
_CRED = "account, site, kind, wiki_user, sealed, expires_at, connected_at, updated_at"


def link_wikimedia_user(store: Store, account: str, wiki_user: str, linked_by: str) -> None:
    """``wiki_user`` opens ``account`` (replacing the account's earlier link); the caller checks the
    name is not linked to another account (the column is UNIQUE)."""
    store.execute(
        f"INSERT INTO web_wikimedia_users({_LINK}) VALUES (?, ?, ?, ?) ON CONFLICT (account) DO UPDATE SET"
        " wiki_user = excluded.wiki_user, linked_by = excluded.linked_by, linked_at = excluded.linked_at",
        (account, wiki_user, linked_by, _now()),
    )


def unlink_wikimedia_user(store: Store, account: str) -> None:
    store.execute("DELETE FROM web_wikimedia_users WHERE account = ?", (account,))


def account_of_wikimedia_user(store: Store, wiki_user: str) -> str | None:
    found = store.scalar("SELECT account FROM web_wikimedia_users WHERE wiki_user = ?", (wiki_user,))
    return None if found is None else str(found)


def wikimedia_link_of(store: Store, account: str) -> WikimediaLink | None:
    row = store.query_one(f"SELECT {_LINK} FROM web_wikimedia_users WHERE account = ?", (account,))
    return None if row is None else WikimediaLink(*tuple(row))


def wikimedia_links(store: Store) -> dict[str, str]:
    """account -> linked Wikimedia user name."""
    return {str(r[0]): str(r[1]) for r in store.query("SELECT account, wiki_user FROM web_wikimedia_users")}


def save_credential(store: Store, account: str, site: str, kind: str, wiki_user: str, sealed: str,
                    expires_at: str = "") -> None:  # fmt: skip
    """The account's credential for ``site`` (a new one replaces the old; connected_at is kept when
    only the tokens are renewed for the same user)."""
    now = _now()
    store.execute(
        f"INSERT INTO web_credentials({_CRED}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account, site) DO UPDATE"
        " SET kind = excluded.kind, wiki_user = excluded.wiki_user, sealed = excluded.sealed,"
        " expires_at = excluded.expires_at, updated_at = excluded.updated_at,"
        " connected_at = CASE WHEN web_credentials.wiki_user = excluded.wiki_user"
        " AND web_credentials.kind = excluded.kind THEN web_credentials.connected_at ELSE excluded.connected_at END",
        (account, site, kind, wiki_user, sealed, expires_at, now, now),
    )


def credentials_of(store: Store, account: str) -> list[SealedCredential]:
    rows = store.query(f"SELECT {_CRED} FROM web_credentials WHERE account = ? ORDER BY site", (account,))
    return [SealedCredential(*tuple(r)) for r in rows]


def delete_credential(store: Store, account: str, site: str) -> int:
    """Forget the account's credential for ``site``; how many were forgotten (0 or 1)."""
    found = store.scalar("SELECT COUNT(*) FROM web_credentials WHERE account = ? AND site = ?", (account, site))
    store.execute("DELETE FROM web_credentials WHERE account = ? AND site = ?", (account, site))
    return int(found or 0)
