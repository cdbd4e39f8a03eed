"""Catalogue text on the terminal: shown as plain text, never read as rich markup (``[link=…]``,
``[/]``) and never as terminal control sequences (escape codes that recolour, retitle or clear the
window); control characters are shown escaped, e.g. ``\\x1b``."""

from __future__ import annotations

import re

from rich.markup import escape
from rich.text import Text

# C0 and C1 controls and DEL, and the bidirectional overrides/isolates that reorder what is shown
# ("Trojan Source", CVE-2021-42574). Zero-width joiners (U+200C/U+200D) are letters' business: kept.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(value: object) -> str:
    """``value`` as text with every control character written as an escape (``\\x1b``, ``\\u202e``)."""
    text = "" if value is None else str(value)
    return _CONTROLS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def plain(value: object) -> str:
    """``value`` ready to put inside a rich markup string: controls escaped, markup escaped."""
    return escape(visible(value))


def text(value: object, style: str = "") -> Text:
    """``value`` as a rich Text (never parsed as markup), controls escaped."""
    return Text(visible(value), style=style)
