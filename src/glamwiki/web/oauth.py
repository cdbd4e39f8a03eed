"""Log in with Wikimedia (OAuth 2, authorization code flow with PKCE): who may come in, and what is
kept. The HTTP exchanges are glamwiki.wikimedia.oauth2's; the routes are routes_oauth's."""

from __future__ import annotations

from dataclasses import dataclass

from glamwiki.errors import GlamwikiError
from glamwiki.identities import Vault, account_for_wikimedia_user, save_tokens
from glamwiki.store import Store
from glamwiki.wikimedia.oauth2 import OAuthClient, Profile, Tokens, exchange, profile


class LoginRefused(GlamwikiError):
    """A Wikimedia login that does not open an account; ``status`` is the page's HTTP status."""

    def __init__(self, title: str, message: str, status: int = 403) -> None:
        super().__init__(message)
        self.title = title
        self.status = status


def who(client: OAuthClient, code: str, verifier: str, redirect_uri: str) -> tuple[Profile, Tokens]:
    """The code for tokens, and the profile of the person they belong to (blocking: run in a thread)."""
    tokens = exchange(client, code, verifier, redirect_uri)
    return profile(client, tokens.access_token), tokens


def _refuse_blocked(person: Profile) -> None:
    if person.blocked or not person.username:
        raise LoginRefused("Account blocked", f"The Wikimedia account {person.username or '(hidden)'} is blocked: "
                           "glamwiki does not let a blocked account log in or publish.")  # fmt: skip


def admit(store: Store, vault: Vault, site: str, person: Profile, tokens: Tokens) -> str:
    """The local account the Wikimedia user opens (their tokens kept, sealed, for their uploads);
    LoginRefused for a blocked user or one no admin has added."""
    _refuse_blocked(person)
    account = account_for_wikimedia_user(store, person.username)
    if account is None:
        raise LoginRefused("Ask an admin to add you",
                           f"You are {person.username} on Wikimedia, but no account of this workspace is linked to "
                           "that name. Ask an admin of the workspace to add you (on the Users page: link your "
                           "Wikimedia user name to your account), then log in again.")  # fmt: skip
    save_tokens(store, vault, account, site, person.username, tokens)
    return account


def connect(store: Store, vault: Vault, site: str, account: str, person: Profile, tokens: Tokens) -> None:
    """A logged-in user connects their Wikimedia account: its tokens kept, sealed, for their uploads."""
    _refuse_blocked(person)
    save_tokens(store, vault, account, site, person.username, tokens)


@dataclass(frozen=True)
class Pending:
    """What the session keeps between the redirect to the wiki and the callback."""

    state: str
    verifier: str
    redirect_uri: str
    next: str
    connect: bool

    KEY = "wikimedia_login"

    def as_session(self) -> dict[str, str | bool]:
        return {"state": self.state, "verifier": self.verifier, "redirect_uri": self.redirect_uri,
                "next": self.next, "connect": self.connect}  # fmt: skip

    @classmethod
    def from_session(cls, data: object) -> Pending | None:
        if not isinstance(data, dict):
            return None
        try:
            return cls(str(data["state"]), str(data["verifier"]), str(data["redirect_uri"]), str(data["next"]),
                       bool(data["connect"]))  # fmt: skip
        except KeyError:
            return None
