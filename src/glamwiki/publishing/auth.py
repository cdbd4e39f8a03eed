"""Credentials: a BotPassword or an OAuth 2 owner-only access token, from the environment or the
system keyring. They are held in memory only: never logged, journaled, reported or printed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from glamwiki.publishing.errors import AuthError
from glamwiki.scrub import remember, scrub

ENV_USER = "GLAMWIKI_BOT_USER"  # "User@botname" for a BotPassword
ENV_PASSWORD = "GLAMWIKI_BOT_PASSWORD"
ENV_TOKEN = "GLAMWIKI_OAUTH_TOKEN"  # an OAuth 2 owner-only access token
KEYRING_SERVICE = "glamwiki"

BOTPASSWORD = "botpassword"
OAUTH2 = "oauth2"


@dataclass(frozen=True)
class Credentials:
    kind: str
    user: str
    secret: str = field(repr=False)

    def __post_init__(self) -> None:
        remember(self.secret)

    def __str__(self) -> str:
        return f"{self.kind} for {self.user or 'the token owner'}"


def _keyring_get(name: str) -> str | None:
    try:
        import keyring  # optional dependency
    except ImportError:
        return None
    try:
        secret: str | None = keyring.get_password(KEYRING_SERVICE, name)
        return secret
    except Exception:  # any keyring backend failure means "not there"
        return None


def load_credentials(target: str, env: Mapping[str, str]) -> Credentials:
    """OAuth 2 token, else BotPassword: from the environment ``env`` (the CLI passes its own) first,
    then the keyring (service ``glamwiki``, names ``<host>:oauth`` and ``<host>:<User@bot>``)."""
    host = urlsplit(target).netloc
    token = env.get(ENV_TOKEN) or _keyring_get(f"{host}:oauth")
    if token:
        return Credentials(OAUTH2, env.get(ENV_USER, ""), token)
    user = env.get(ENV_USER) or _keyring_get(f"{host}:user")
    password = env.get(ENV_PASSWORD) or (_keyring_get(f"{host}:{user}") if user else None)
    if user and password:
        if "@" not in user:
            raise AuthError(f"{ENV_USER} must be a BotPassword name like 'User@botname' (Special:BotPasswords).")
        return Credentials(BOTPASSWORD, user, password)
    raise AuthError(
        f"No credentials for {host}. Set {ENV_USER} and {ENV_PASSWORD} (a BotPassword from Special:BotPasswords), "
        f"or {ENV_TOKEN} (an OAuth 2 owner-only token), or store them with `keyring set glamwiki {host}:User@bot`."
    )


def redact(text: str, credentials: Credentials | None) -> str:
    """``text`` with the secret (if any) and every other known secret blanked."""
    if credentials:
        remember(credentials.secret)
    return scrub(text)
