"""The report page: sections of HTML assembled into one self-contained file."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape

from glamwiki import __version__
from glamwiki.textfit import shorten

CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:980px;margin:2em auto;
padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.7em;margin-bottom:.2em}h2{border-bottom:2px solid #3366cc;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;margin:.8em 0;font-size:.92em}th,td{border:1px solid #ccc;padding:.3em .6em;
text-align:left;vertical-align:top}th{background:#f3f5fa}td.n{text-align:right;font-variant-numeric:tabular-nums}
.chart{margin:.6em 0;font-size:12px}.chart text.t{font-weight:600;font-size:13px}
.figures{display:flex;flex-wrap:wrap;gap:1em;margin:1em 0}.figure{background:#f3f5fa;border-radius:6px;
padding:.6em 1em;min-width:8em}.figure b{display:block;font-size:1.6em}nav a{margin-right:1em}
.note{color:#555;font-size:.92em}.empty{color:#777;font-style:italic}
"""


@dataclass
class Section:
    id: str
    title: str
    html: str


_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")


def message_kinds(counted: Iterable[tuple[str, int]], width: int = 90) -> list[tuple[str, int]]:
    """Messages that differ only in the values they quote ("date '1850?' could not be read") counted
    as one kind, most frequent first, each shortened at a word boundary."""
    kinds: Counter[str] = Counter()
    for message, n in counted:
        kinds[_QUOTED.sub("'…'", message)] += n
    return [(shorten(k, width), n) for k, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))]


def figures(items: list[tuple[str, object]]) -> str:
    cells = "".join(f'<div class="figure"><b>{escape(_fmt(v))}</b>{escape(k)}</div>' for k, v in items)
    return f'<div class="figures">{cells}</div>'


def table(header: Sequence[str], rows: Sequence[Sequence[object]], numeric: set[int] | None = None) -> str:
    numeric = numeric or set()
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="n">{escape(_fmt(c))}</td>' if i in numeric else f"<td>{escape(_fmt(c))}</td>"
            for i, c in enumerate(r)
        )
        + "</tr>"
        for r in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _fmt(value: object) -> str:
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.1f}"
    return "" if value is None else str(value)


def render(title: str, subtitle: str, sections: list[Section]) -> str:
    nav = "".join(f'<a href="#{escape(s.id)}">{escape(s.title)}</a>' for s in sections)
    body = "".join(f'<section id="{escape(s.id)}"><h2>{escape(s.title)}</h2>{s.html}</section>' for s in sections)
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{CSS}</style></head>'
        f'<body><h1>{escape(title)}</h1><p class="note">{escape(subtitle)} · generated {stamp} by '
        f"glamwiki {__version__}</p><nav>{nav}</nav>{body}</body></html>"
    )
