"""Data-only view models of a report section, each drawn by a macro of ``partials/blocks.html``.

A section is a list of blocks: headline figures, tables, charts, headings, paragraphs (plain text
with inline code or bold spans) and bullet lists. Blocks hold text and numbers, never markup; the
templates escape them. Only a chart holds markup, its SVG, built from escaped parts by
``glamwiki.report.svg``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import ClassVar, Literal

from markupsafe import Markup

from glamwiki.render.env import environment


@dataclass(frozen=True)
class Code:
    """An inline command or setting, shown as ``<code>``."""

    text: str
    kind: ClassVar[str] = "code"


@dataclass(frozen=True)
class Strong:
    text: str
    kind: ClassVar[str] = "strong"


Inline = str | Code | Strong


@dataclass(frozen=True)
class Para:
    """A paragraph; ``style`` is "note" (small print), "empty" (nothing to show) or "" (body text)."""

    parts: tuple[Inline, ...]
    style: Literal["", "note", "empty"] = ""
    kind: ClassVar[str] = "para"


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 3
    kind: ClassVar[str] = "heading"


@dataclass(frozen=True)
class Figures:
    """Headline figures: (label, value) pairs."""

    items: tuple[tuple[str, object], ...]
    kind: ClassVar[str] = "figures"


@dataclass(frozen=True)
class Table:
    """Rows under a header; columns in ``numeric`` are right-aligned figures. With ``all_rows``
    the table shows ``rows`` and puts every row one click away, under ``summary``."""

    header: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]
    numeric: frozenset[int] = frozenset()
    all_rows: tuple[tuple[object, ...], ...] = ()
    summary: str = ""
    kind: ClassVar[str] = "table"


@dataclass(frozen=True)
class Chart:
    """An inline SVG chart, or (``svg`` None) a line saying there is no data for ``title``."""

    title: str
    svg: Markup | None
    kind: ClassVar[str] = "chart"


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    kind: ClassVar[str] = "bullets"


Block = Para | Heading | Figures | Table | Chart | Bullets


@dataclass
class Section:
    """A titled part of a report page; ``html`` is its body as the page shows it."""

    id: str
    title: str
    blocks: list[Block] = field(default_factory=list)

    @property
    def html(self) -> Markup:
        return render_blocks(self.blocks)


def para(*parts: Inline) -> Para:
    return Para(tuple(parts))


def note(*parts: Inline) -> Para:
    return Para(tuple(parts), "note")


def empty(*parts: Inline) -> Para:
    return Para(tuple(parts), "empty")


def figures(items: Iterable[tuple[str, object]]) -> Figures:
    return Figures(tuple(items))


def table(
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    numeric: Iterable[int] | None = None,
    all_rows: Iterable[Sequence[object]] = (),
    summary: str = "",
) -> Table:
    return Table(
        tuple(header),
        tuple(tuple(r) for r in rows),
        frozenset(numeric or ()),
        tuple(tuple(r) for r in all_rows),
        summary,
    )


def render_blocks(blocks: Iterable[Block]) -> Markup:
    """Blocks as HTML, through the same macros the report page uses."""
    module = environment().get_template("partials/blocks.html").module
    return Markup("").join(module.block(b) for b in blocks)  # type: ignore[attr-defined]


def drawn(html: str) -> Markup:
    """HTML that render_blocks drew earlier and the store kept (the web's stage dashboards, table
    web_dashboards): already escaped when drawn, so shown as it is."""
    return Markup(html)
