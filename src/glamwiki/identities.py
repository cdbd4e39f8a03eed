"""Whose identity a web account publishes under: its Wikimedia user name (for "Log in with
Wikimedia"), its OAuth 2 tokens or its own BotPassword, kept encrypted at rest (Fernet, a key file
made once with mode 0600 beside web-session.key), and ONE resolver for the job worker:
:func:`credentials_for_account`. See docs/adr/0014-wikimedia-login.md."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from cryptography.fernet import Fernet, InvalidToken

from glamwiki.errors import ConfigError, GlamwikiError
from glamwiki.publishing.auth import BOTPASSWORD, OAUTH2, Credentials
from glamwiki.scrub import remember
from glamwiki.store import Store
from glamwiki.store.accounts import get_account
from glamwiki.store.identities import (
    SealedCredential,
    account_of_wikimedia_user,
    credentials_of,
    link_wikimedia_user,
    save_credential,
)
from glamwiki.store.jobs import Job
from glamwiki.wikimedia.oauth2 import OAuthClient, Tokens, refresh

JobResolver = Callable[[Job, str], Credentials | None]

KEY_FILE = "web-identity.key"  # beside web-session.key, mode 0600
ACCOUNT_PREFIX = "wikimedia:"  # an account named "wikimedia:Name" is opened by the Wikimedia user Name
# Wikimedia's wikis share one login (SUL): a token from the central wiki works on each of them.
WIKIMEDIA_FAMILY = ("wikimedia.org", "wikipedia.org", "wikidata.org", "wikisource.org", "wikibooks.org",
                    "wiktionary.org", "wikiquote.org", "wikinews.org", "wikiversity.org", "wikivoyage.org",
                    "mediawiki.org", "wikifunctions.org")  # fmt: skip


class NoIdentity(GlamwikiError):
    """The account linked no credential usable on the target wiki."""


def wiki_name(name: str) -> str:
    """A MediaWiki user name as the wiki writes it: underscores as spaces, trimmed, first letter upper case."""
    name = " ".join(name.replace("_", " ").split())
    return name[:1].upper() + name[1:]


def key_file(folder: Path) -> bytes:
    """The Fernet key of ``folder`` (the project's, or the site's), made once with mode 0600."""
    path = folder / KEY_FILE
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_bytes().strip()
    with os.fdopen(fd, "wb") as fh:
        fh.write(Fernet.generate_key())
    return path.read_bytes().strip()


@dataclass(frozen=True)
class Vault:
    """Seals and unseals secrets with the site's key; ``oauth`` (the login's consumer) renews tokens."""

    key: bytes
    oauth: OAuthClient | None = None

    def seal(self, secret: dict[str, str]) -> str:
        return Fernet(self.key).encrypt(json.dumps(secret).encode("utf-8")).decode("ascii")

    def unseal(self, sealed: str) -> dict[str, str]:
        try:
            data: dict[str, str] = json.loads(Fernet(self.key).decrypt(sealed.encode("ascii")))
        except InvalidToken:
            raise NoIdentity(f"A stored credential cannot be read with this site's {KEY_FILE} (was the key file "
                             "replaced?): disconnect it and connect again.") from None  # fmt: skip
        for value in data.values():
            remember(value)
        return data


def account_for_wikimedia_user(store: Store, wiki_user: str) -> str | None:
    """The local account the Wikimedia user opens: the one an admin linked to that name, else an
    account named ``wikimedia:Name``; None (ask an admin) otherwise."""
    name = wiki_name(wiki_user)
    linked = account_of_wikimedia_user(store, name)
    if linked is not None and get_account(store, linked) is not None:
        return linked
    own = ACCOUNT_PREFIX + name.replace(" ", "_")
    return own if get_account(store, own) is not None else None


def link_account(store: Store, account: str, wiki_user: str, linked_by: str) -> str:
    """Link the Wikimedia user name to the account (an admin's act); returns the name as the wiki writes it."""
    name = wiki_name(wiki_user)
    if not name or len(name) > 255 or any(c in name for c in "#<>[]|{}/@:") or not name.isprintable():
        raise ConfigError(f"{wiki_user!r} is not a Wikimedia user name (no # < > [ ] | {{ }} / @ :).")
    if get_account(store, account) is None:
        raise ConfigError(f"there is no account {account!r}: add it first")
    other = account_of_wikimedia_user(store, name)
    if other is not None and other != account:
        raise ConfigError(f"the Wikimedia user {name!r} already opens the account {other!r}: unlink it there first")
    with store.transaction():
        link_wikimedia_user(store, account, name, linked_by)
    return name


def save_tokens(store: Store, vault: Vault, account: str, site: str, wiki_user: str, tokens: Tokens) -> None:
    sealed = vault.seal({"access_token": tokens.access_token, "refresh_token": tokens.refresh_token})
    with store.transaction():
        save_credential(store, account, site, OAUTH2, wiki_user, sealed, tokens.expires_at)


def save_botpassword(store: Store, vault: Vault, account: str, api_url: str, bot_user: str, password: str) -> str:
    """The account's own BotPassword (``User@botname`` from Special:BotPasswords) for the wiki at
    ``api_url``, sealed; returns the site it is kept for."""
    user, _, bot = bot_user.strip().partition("@")
    if not user or not bot or len(password) < 8:
        raise ConfigError("A BotPassword has a name like 'User@botname' and the password Special:BotPasswords "
                          "gave (32 characters).")  # fmt: skip
    site = urlsplit(api_url.strip()).netloc
    if not site:
        raise ConfigError(f"{api_url!r} is not the address of a wiki's api.php")
    with store.transaction():
        save_credential(store, account, site, BOTPASSWORD, f"{wiki_name(user)}@{bot}",
                        vault.seal({"password": password}))  # fmt: skip
    return site


def _covers(site: str, host: str) -> bool:
    """Whether a credential kept for ``site`` is for the wiki at ``host`` (the same host, or both
    Wikimedia wikis, which share one login)."""
    if site == host:
        return True

    def family(h: str) -> bool:
        name = h.split(":")[0]
        return any(name == d or name.endswith("." + d) for d in WIKIMEDIA_FAMILY)

    return family(site) and family(host)


def credentials_for_account(store: Store, username: str, target: str, vault: Vault) -> Credentials:
    """The publishing credentials of the person behind the web account ``username`` for the wiki at
    ``target`` (its api.php): their own BotPassword for that wiki, else their OAuth 2 access token
    (renewed first when it has expired, with ``vault.oauth``). Raises NoIdentity, saying what to do,
    when they linked none. The job worker calls this with the job's ``by``."""
    host = urlsplit(target).netloc
    found = [c for c in credentials_of(store, username) if _covers(c.site, host)]
    found.sort(key=lambda c: (c.site != host, c.kind != BOTPASSWORD))  # the exact wiki first, a BotPassword first
    if not found:
        raise NoIdentity(f"The account {username!r} has no Wikimedia identity for {host}: on its page (Wikimedia "
                         "identity) connect a Wikimedia account or link a BotPassword of that wiki.")  # fmt: skip
    chosen = found[0]
    secret = vault.unseal(chosen.sealed)
    if chosen.kind == BOTPASSWORD:
        return Credentials(BOTPASSWORD, chosen.wiki_user, secret["password"])
    tokens = Tokens(secret["access_token"], secret.get("refresh_token", ""), chosen.expires_at)
    if tokens.expired():
        tokens = _renewed(store, vault, chosen, tokens)
    return Credentials(OAUTH2, chosen.wiki_user, tokens.access_token)


def _renewed(store: Store, vault: Vault, chosen: SealedCredential, tokens: Tokens) -> Tokens:
    if vault.oauth is None or vault.oauth.site != chosen.site:
        raise NoIdentity(f"The Wikimedia access token of {chosen.account!r} expired and Wikimedia login is not "
                         f"configured here for {chosen.site} ([web.oauth] in glamwiki.toml) to renew it.")  # fmt: skip
    new = refresh(vault.oauth, tokens.refresh_token)
    save_tokens(store, vault, chosen.account, chosen.site, chosen.wiki_user, new)
    return new


def job_resolver(site_store: Callable[[], Store], vault: Vault, *, required: bool = False) -> JobResolver:
    """For the job worker (``glamwiki.worker.setup.Setup.resolvers``): a job's credentials are those of
    the account that started it (``job.params["by"]``), from the site's store opened by ``site_store``.
    None when the job names no account, or (unless ``required``) that account linked no identity for
    the target: the worker's own credentials then answer."""

    def resolve(job: Job, target: str) -> Credentials | None:
        by = job.params.get("by")
        if not isinstance(by, str) or not by:
            return None
        with site_store() as store:
            try:
                return credentials_for_account(store, by, target, vault)
            except NoIdentity:
                if required:
                    raise
                return None

    return resolve
