"""The report page: sections of blocks assembled into one self-contained file, drawn by the
templates of ``glamwiki.render`` (``report/page.html``)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, datetime

from glamwiki.render import render_template
from glamwiki.render.blocks import Section, figures, table
from glamwiki.textfit import shorten

__all__ = ["Section", "figures", "message_kinds", "render", "table"]

_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")


def message_kinds(counted: Iterable[tuple[str, int]], width: int = 90) -> list[tuple[str, int]]:
    """Messages that differ only in the values they quote ("date '1850?' could not be read") counted
    as one kind, most frequent first, each shortened at a word boundary."""
    kinds: Counter[str] = Counter()
    for message, n in counted:
        kinds[_QUOTED.sub("'…'", message)] += n
    return [(shorten(k, width), n) for k, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))]


def render(title: str, subtitle: str, sections: list[Section]) -> str:
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return str(render_template("report/page.html", title=title, subtitle=subtitle, sections=sections, stamp=stamp))
