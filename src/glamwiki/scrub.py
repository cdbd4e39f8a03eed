"""Known secrets scrubbed from every message, log line and stored error (issue 18 item 12).

A server may put what it was sent into its answer (``login with password=… failed``); any text that
could quote a server passes through :func:`scrub` before it is printed, logged or stored. Once a
secret is known, every log record is scrubbed as it is made (a log record factory), whatever logger
or handler it goes to.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import quote, quote_plus, unquote, urlsplit, urlunsplit

MASK = "[secret]"
MIN_LENGTH = 4  # shorter values would blank ordinary words; no real secret is that short
_KNOWN: set[str] = set()
_installed = False


def remember(secret: str) -> None:
    """Make ``secret`` one that :func:`scrub` removes, as written and as it looks URL-encoded."""
    if secret and len(secret) >= MIN_LENGTH:
        _KNOWN.update({secret, quote(secret, safe=""), quote_plus(secret, safe="")})
        _install()


def scrub(text: str) -> str:
    """``text`` with every known secret replaced by ``[secret]``."""
    for secret in sorted(_KNOWN, key=len, reverse=True):
        if secret in text:
            text = text.replace(secret, MASK)
    return text


def without_userinfo(url: str) -> str:
    """``url`` without a ``user:password@`` part (the password is remembered, so it is scrubbed elsewhere too)."""
    parts = urlsplit(url)
    if not parts.scheme.startswith("http") or "@" not in parts.netloc:
        return url
    userinfo, _, host = parts.netloc.rpartition("@")
    remember(unquote(userinfo.partition(":")[2]))
    return urlunsplit(parts._replace(netloc=host))


def _install() -> None:
    global _installed
    if _installed:
        return
    make = logging.getLogRecordFactory()

    def scrubbed(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = make(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:  # a malformed call: logging reports it itself
            return record
        clean = scrub(message)
        if clean != message:
            record.msg, record.args = clean, None
        return record

    logging.setLogRecordFactory(scrubbed)
    _installed = True
