"""The one User-Agent of every request glamwiki makes.

The Wikimedia User-Agent policy (https://meta.wikimedia.org/wiki/User-Agent_policy) asks for
``<client name>/<version> (<contact information>) <library/framework name>/<version>``, the contact
being an e-mail address or a user page of the operator, so that an operator whose script misbehaves
can be reached before being blocked. The contact comes from the project's settings.
"""

from __future__ import annotations

import requests

from glamwiki import __version__

HOME = "https://pypi.org/project/glamwiki/"


def user_agent(contact: str = "") -> str:
    """``glamwiki/<version> (<home page>; <contact>) python-requests/<version>``."""
    who = f"{HOME}; {contact.strip()}" if contact.strip() else HOME
    return f"glamwiki/{__version__} ({who}) python-requests/{requests.__version__}"
