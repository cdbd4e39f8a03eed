"""Outbound HTTP to addresses named by others (image URLs, IIIF manifests, OAI-PMH pages).

* **No SSRF**: a connection to a loopback, private, link-local, cloud-metadata or otherwise non-public
  address is refused, unless its host name is in the project's ``[network] allow_hosts`` setting.
  The check runs in the connection itself, for the first request and every redirect: the host is
  resolved and refused if any address is not public, and the address actually connected to is
  checked again (a DNS answer that changes between the two — "DNS rebinding" — is caught).
* **Fail fast**: a host name that does not resolve, a refused connection, or a URL that is not
  http(s) cannot be mended by waiting; :func:`permanent_reason` says so, and callers do not retry.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import NameResolutionError, NewConnectionError

from glamwiki.errors import GlamwikiError

ALLOW_HOSTS_HELP = (
    "add the host name to [network] allow_hosts in glamwiki.toml (or GLAMWIKI_NETWORK_ALLOW_HOSTS, "
    "comma-separated) if this address is meant"
)


class RefusedAddress(GlamwikiError):
    """A URL points at a non-public address (loopback, private, link-local, metadata): never fetched."""


def allow_hosts(value: Any) -> frozenset[str]:
    """Host names allowed to be private, from a setting: a list, or a comma-separated string (the CLI reads
    ``[network] allow_hosts`` or ``GLAMWIKI_NETWORK_ALLOW_HOSTS``: :mod:`glamwiki.cli.network`)."""
    items = value.split(",") if isinstance(value, str) else list(value or [])
    return frozenset(_norm(str(h)) for h in items if str(h).strip())


def _norm(host: str) -> str:
    return host.strip().strip("[]").lower().rstrip(".")


def is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def check_host(host: str, port: int, allowed: frozenset[str]) -> None:
    """Refuse ``host`` unless every address it resolves to is public, or it is allowed by name."""
    if _norm(host) in allowed:
        return
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        return  # the connection attempt reports the DNS failure itself
    for info in infos:
        _check_address(host, str(info[4][0]), allowed)


def _check_address(host: str, address: str, allowed: frozenset[str]) -> None:
    if _norm(host) not in allowed and not is_public(address):
        raise RefusedAddress(
            f"{host} is a non-public address ({address}: loopback, private, link-local or metadata); refused, "
            f"so that a catalogue or a server cannot make glamwiki fetch internal addresses. {ALLOW_HOSTS_HELP}."
        )


class _Guarded:
    """Mixed into urllib3's connection classes: check before connecting and the peer after."""

    allowed: frozenset[str] = frozenset()
    host: str
    port: int

    def _new_conn(self) -> socket.socket:
        check_host(self.host, self.port, self.allowed)
        sock: socket.socket = super()._new_conn()  # type: ignore[misc]  # a mixin: urllib3's class comes next
        try:
            _check_address(self.host, str(sock.getpeername()[0]), self.allowed)
        except RefusedAddress:
            sock.close()
            raise
        return sock


class GuardedAdapter(HTTPAdapter):
    """An HTTPAdapter whose connections refuse non-public addresses (see the module's text)."""

    def __init__(self, allowed: Iterable[str] = (), **kwargs: Any) -> None:
        self.allowed = frozenset(_norm(h) for h in allowed)
        super().__init__(**kwargs)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        plain = type("GuardedHTTPConnection", (_Guarded, HTTPConnection), {"allowed": self.allowed})
        tls = type("GuardedHTTPSConnection", (_Guarded, HTTPSConnection), {"allowed": self.allowed})
        self.poolmanager.pool_classes_by_scheme = {
            "http": type("GuardedHTTPPool", (HTTPConnectionPool,), {"ConnectionCls": plain}),
            "https": type("GuardedHTTPSPool", (HTTPSConnectionPool,), {"ConnectionCls": tls}),
        }

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> requests.Response:
        """Through a proxy the connection goes to the proxy, so the destination is checked here too."""
        proxies = kwargs.get("proxies") or (args[4] if len(args) > 4 else None) or {}
        parts = urlsplit(request.url or "")
        if parts.hostname and proxies.get(parts.scheme):
            check_host(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80), self.allowed)
        return super().send(request, *args, **kwargs)

    def __getstate__(self) -> dict[str, Any]:
        state = super().__getstate__()
        assert isinstance(state, dict)  # HTTPAdapter pickles as a dict of its attributes
        return {**state, "allowed": self.allowed}


def guarded_session(allowed: Iterable[str] = (), user_agent: str | None = None) -> requests.Session:
    """A requests Session for addresses named by others: public addresses only (plus ``allowed``)."""
    session = requests.Session()
    adapter = GuardedAdapter(allowed)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.max_redirects = 5
    if user_agent:
        session.headers["User-Agent"] = user_agent
    return session


class BodyLimit(GlamwikiError):
    """A response was larger, or slower, than allowed; ``kind`` is "size" or "time"."""

    def __init__(self, kind: str, limit: float, got: int) -> None:
        self.kind, self.limit, self.got = kind, limit, got
        what = f"more than {limit / 1024 / 1024:,.0f} MB" if kind == "size" else f"more than {limit:,.0f} s"
        super().__init__(f"the response took {what} ({got:,} bytes read)")


def iter_body(response: requests.Response, max_bytes: int, seconds: float, block: int = 64 * 1024) -> Iterator[bytes]:
    """The body of a streamed response as it arrives (a byte every few seconds still counts against
    ``seconds``), refused past ``max_bytes`` or ``seconds`` (:class:`BodyLimit`)."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise BodyLimit("size", max_bytes, 0)
    started = time.monotonic()
    size = 0
    while chunk := response.raw.read1(block, decode_content=True):
        size += len(chunk)
        if size > max_bytes:
            raise BodyLimit("size", max_bytes, size)
        if time.monotonic() - started > seconds:
            raise BodyLimit("time", seconds, size)
        yield chunk


def permanent_reason(exc: BaseException) -> str | None:
    """Why retrying ``exc`` cannot help (DNS failure, refused connection, not an http(s) URL), or None
    for an error that may pass (timeout, dropped connection)."""
    if isinstance(exc, RefusedAddress):
        return str(exc)
    if isinstance(exc, (requests.exceptions.InvalidSchema, requests.exceptions.MissingSchema,
                        requests.exceptions.InvalidURL, requests.exceptions.URLRequired)):  # fmt: skip
        return "not an http(s) URL"
    if isinstance(exc, requests.exceptions.TooManyRedirects):
        return "too many redirects"
    if isinstance(exc, requests.ConnectionError) and not isinstance(exc, requests.Timeout):
        reason = getattr(exc.args[0], "reason", None) if exc.args else None
        if isinstance(reason, NameResolutionError):
            return "the host name does not resolve (DNS lookup failed)"
        if isinstance(reason, NewConnectionError) and isinstance(reason.__context__, ConnectionRefusedError):
            return "the connection was refused (nothing listens at that address and port)"
    return None
