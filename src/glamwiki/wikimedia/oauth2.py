"""An OAuth 2 client of a wiki running Extension:OAuth (Wikimedia's wikis: meta.wikimedia.org): the
authorization code flow with PKCE for a confidential client, the refresh of an expired access token,
and the user's profile. The protocol plumbing is authlib's (``OAuth2Session``, requests-based).

Endpoints under the wiki's ``rest.php`` (https://www.mediawiki.org/wiki/OAuth/For_Developers#OAuth_2,
https://api.wikimedia.org/wiki/Authentication): ``/oauth2/authorize``, ``/oauth2/access_token``,
``/oauth2/resource/profile``. The profile's fields are Extension:OAuth's ``UserStatementProvider::
getUserProfile()``: sub, username, editcount, confirmed_email, blocked, registered, groups, rights, grants."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from authlib.integrations.requests_client import OAuth2Session, OAuthError
from requests import RequestException

from glamwiki.errors import GlamwikiError
from glamwiki.scrub import remember, scrub
from glamwiki.wikimedia.agent import user_agent

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
TIMEOUT = 30.0


class OAuthFailed(GlamwikiError):
    """The wiki refused an OAuth 2 step (a code, a refresh token, a profile request)."""


@dataclass(frozen=True)
class OAuthClient:
    """A consumer registered on the wiki (Special:OAuthConsumerRegistration/propose/oauth2): its
    client id and secret, and the wiki's ``rest.php`` address (e.g. https://meta.wikimedia.org/w/rest.php)."""

    rest: str
    client_id: str
    client_secret: str = field(repr=False)
    user_agent: str = field(default_factory=user_agent)  # the CLI adds the operator's contact

    def __post_init__(self) -> None:
        remember(self.client_secret)
        parts = urlsplit(self.rest)
        if parts.scheme != "https" and (parts.hostname or "") not in LOOPBACK:
            raise OAuthFailed(f"{self.rest} is not https: the client secret and tokens would cross the network "
                              "readable by anyone. Use the wiki's https:// rest.php address.")  # fmt: skip

    @property
    def site(self) -> str:
        """host[:port] of the wiki: the tokens it issues are kept under this name."""
        return urlsplit(self.rest).netloc

    def endpoint(self, name: str) -> str:
        return f"{self.rest.rstrip('/')}/oauth2/{name}"

    def session(self, redirect_uri: str | None = None) -> OAuth2Session:
        s = OAuth2Session(self.client_id, self.client_secret, token_endpoint_auth_method="client_secret_post",
                          redirect_uri=redirect_uri, code_challenge_method="S256", default_timeout=TIMEOUT)  # fmt: skip
        s.headers["User-Agent"] = self.user_agent
        s.max_redirects = 0  # a redirect would carry the secret or the code elsewhere
        return s


@dataclass(frozen=True)
class Tokens:
    access_token: str = field(repr=False)
    refresh_token: str = field(repr=False)
    expires_at: str  # ISO-8601 UTC ('' when the wiki did not say)

    def __post_init__(self) -> None:
        remember(self.access_token)
        remember(self.refresh_token)

    def expired(self, now: datetime | None = None, leeway: float = 60.0) -> bool:
        if not self.expires_at:
            return False
        end = datetime.fromisoformat(self.expires_at)
        return (now or datetime.now(UTC)) + timedelta(seconds=leeway) >= end


@dataclass(frozen=True)
class Profile:
    username: str
    sub: str
    blocked: bool
    editcount: int
    groups: tuple[str, ...]


@dataclass(frozen=True)
class Authorization:
    """Where to send the browser, and what the callback must find again in the session."""

    url: str
    state: str
    verifier: str = field(repr=False)


def start(client: OAuthClient, redirect_uri: str) -> Authorization:
    """The authorize URL with a fresh ``state`` and PKCE verifier (S256 challenge, RFC 7636)."""
    verifier = secrets.token_urlsafe(48)
    url, state = client.session(redirect_uri).create_authorization_url(
        client.endpoint("authorize"), state=secrets.token_urlsafe(24), code_verifier=verifier
    )
    return Authorization(url, str(state), verifier)


def _tokens(answer: dict[str, Any]) -> Tokens:
    if not answer.get("access_token"):
        raise OAuthFailed("The wiki's token answer has no access_token.")
    expires = answer.get("expires_at")  # authlib adds it from expires_in
    if not expires and answer.get("expires_in"):
        expires = datetime.now(UTC).timestamp() + float(answer["expires_in"])
    when = datetime.fromtimestamp(float(expires), UTC).isoformat(timespec="seconds") if expires else ""
    return Tokens(str(answer["access_token"]), str(answer.get("refresh_token") or ""), when)


def _unreachable(client: OAuthClient, exc: Exception) -> OAuthFailed:
    return OAuthFailed(f"Could not talk to the wiki at {client.rest} ({type(exc).__name__}): try again in a "
                       "moment.")  # fmt: skip


def exchange(client: OAuthClient, code: str, verifier: str, redirect_uri: str) -> Tokens:
    """The authorization code for tokens (client authenticated with its secret, PKCE verifier sent)."""
    try:
        answer = client.session(redirect_uri).fetch_token(
            client.endpoint("access_token"), grant_type="authorization_code", code=code, code_verifier=verifier
        )
    except (OAuthError, ValueError) as exc:
        reason = scrub(str(exc)).rstrip(".")
        raise OAuthFailed(f"The wiki refused the login code ({reason}). Start the login again.") from None
    except RequestException as exc:
        raise _unreachable(client, exc) from None
    return _tokens(dict(answer))


def refresh(client: OAuthClient, refresh_token: str) -> Tokens:
    """New tokens for a refresh token (the wiki rotates it: the old one is then invalid)."""
    if not refresh_token:
        raise OAuthFailed("The access token expired and there is no refresh token: connect the Wikimedia account "
                          "again.")  # fmt: skip
    try:
        answer = client.session().refresh_token(client.endpoint("access_token"), refresh_token=refresh_token)
    except (OAuthError, ValueError) as exc:
        raise OAuthFailed(f"The wiki refused to renew the access token ({scrub(str(exc))}): connect the Wikimedia "
                          "account again on your page.") from None  # fmt: skip
    except RequestException as exc:
        raise _unreachable(client, exc) from None
    return _tokens(dict(answer))


def profile(client: OAuthClient, access_token: str) -> Profile:
    """Who the token belongs to (``/oauth2/resource/profile``)."""
    s = client.session()
    s.token = {"access_token": access_token, "token_type": "Bearer"}  # sent as Authorization: Bearer
    try:
        response = s.get(client.endpoint("resource/profile"), timeout=TIMEOUT, allow_redirects=False)
        data = response.json() if response.status_code == 200 else None
    except (RequestException, ValueError) as exc:
        raise _unreachable(client, exc) from None
    if not isinstance(data, dict):
        raise OAuthFailed(f"The wiki did not give the profile (HTTP {response.status_code}). Start the login again.")
    if not data.get("username"):  # a hidden (suppressed) user: only sub and blocked
        return Profile("", str(data.get("sub", "")), True, 0, ())
    return Profile(str(data["username"]), str(data.get("sub", "")), bool(data.get("blocked")),
                   int(data.get("editcount") or 0), tuple(str(g) for g in data.get("groups", ())))  # fmt: skip
