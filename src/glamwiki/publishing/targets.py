"""Which wiki a target API is: a local one (the sandbox on 127.0.0.1) is for trying a batch, and
what is sent there is not the institution's result."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit


def is_local(target: str) -> bool:
    """True for an API on this machine: localhost, 127.0.0.0/8 or ::1 (``glamwiki sandbox``)."""
    host = (urlsplit(target).hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
