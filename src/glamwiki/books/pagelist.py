"""``<pagelist/>`` for a Wikisource Index, generated from the library's own page labels.

The tag's syntax and meaning are those of ProofreadPage
(https://www.mediawiki.org/wiki/Help:Extension:ProofreadPage/Pagelist_tag): attributes are a scan
number or a range ``XtoY``; a numeric value restarts the numbering at that scan; ``roman``,
``highroman``, ``folio`` (leaves with r/v sides, the first page of the range a recto), ``folioroman``
and ``foliohighroman`` set how numbers are shown in a range; any other value is a label shown instead
of the number ("-" is the usual mark of an unnumbered page). :func:`render` evaluates a pagelist the
way ProofreadPage does (``PageList::buildNumber`` in includes/Pagination/PageList.php: the last
numeric setting at or before a scan gives the offset; a folio range counts leaves from its start).

Canvas labels are read as arabic numbers ("2", "[1]": a number the printer did not print is still
that number), roman numbers ("iv", "[ii]", "XII"), folios ("1 r.", "12v", "fol. 3r") or free labels
("front cover"). Consecutive pages that continue a sequence become one range.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

ROMAN, HIGHROMAN, NORMAL, FOLIO, LABEL = "roman", "highroman", "normal", "folio", "label"
_ARABIC = re.compile(r"^\[?(\d{1,5})\]?\.?$")
_ROMAN = re.compile(r"^\[?([ivxlcdm]+|[IVXLCDM]+)\]?\.?$")
_FOLIO = re.compile(r"^(?:f(?:ol|olio)?\.?\s*)?\[?(\d{1,5})\]?\s*([rv])\.?$", re.IGNORECASE)
_UNSAFE = re.compile(r'["<>\[\]{}|=\n\r\t]+')
_ROMAN_VALUES = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip
MAX_LABEL = 40


@dataclass(frozen=True)
class Token:
    kind: str  # normal | roman | highroman | folio | label
    value: int = 0  # the number, or the leaf of a folio
    recto: bool = True
    text: str = ""

    def follows(self, prev: Token) -> bool:
        if self.kind != prev.kind or self.kind == LABEL:
            return self.kind == prev.kind == LABEL and self.text == prev.text
        if self.kind == FOLIO:
            return (prev.recto and not self.recto and self.value == prev.value) or (
                not prev.recto and self.recto and self.value == prev.value + 1
            )
        return self.value == prev.value + 1

    def shown(self) -> str:
        """How ProofreadPage shows this page (the raw form, without the <sup> of r/v)."""
        if self.kind == LABEL:
            return self.text
        if self.kind == FOLIO:
            return f"{self.value}{'r' if self.recto else 'v'}"
        if self.kind == ROMAN:
            return to_roman(self.value)
        if self.kind == HIGHROMAN:
            return to_roman(self.value).upper()
        return str(self.value)


def to_roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN_VALUES:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def from_roman(text: str) -> int | None:
    text = text.lower()
    total, i = 0, 0
    for value, letters in _ROMAN_VALUES:
        while text.startswith(letters, i):
            total, i = total + value, i + len(letters)
    return total if i == len(text) and total and to_roman(total) == text else None


def clean_label(label: str) -> str:
    """A label safe inside a pagelist attribute (no quotes, markup or brackets), at most 40 characters."""
    text = " ".join(_UNSAFE.sub(" ", label).split())
    return text[:MAX_LABEL].rstrip() or "-"


def token(label: str) -> Token:
    text = " ".join(label.split())
    if m := _ARABIC.match(text):
        return Token(NORMAL, int(m[1])) if int(m[1]) > 0 else Token(LABEL, text=clean_label(text))
    if m := _FOLIO.match(text):
        return Token(FOLIO, int(m[1]), m[2].lower() == "r")
    if (m := _ROMAN.match(text)) and (value := from_roman(m[1])):
        return Token(HIGHROMAN if m[1].isupper() and len(m[1]) > 0 else ROMAN, value)
    return Token(LABEL, text=clean_label(text))


def _runs(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """(first scan, last scan) of each run of tokens continuing one sequence; scans count from 1."""
    runs: list[tuple[int, int]] = []
    for i, tok in enumerate(tokens, start=1):
        if runs and tok.follows(tokens[i - 2]):
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs


def pagelist_attributes(labels: Sequence[str]) -> list[tuple[str, str]]:
    """The pagelist attributes, in scan order, that show ``labels`` (one per scan)."""
    tokens = [token(label) for label in labels]
    attrs: list[tuple[str, str]] = []
    offset = 0
    for first, last in _runs(tokens):
        tok = tokens[first - 1]
        where = str(first) if first == last else f"{first}to{last}"
        if tok.kind == LABEL:
            attrs.append((where, tok.text))
            continue
        if tok.kind == FOLIO and not tok.recto:  # a leaf seen from its verso first: a label, then the rest
            attrs.append((str(first), tok.shown()))
            if first < last:
                attrs_rest, offset = _numbered(tokens, first + 1, last, offset)
                attrs.extend(attrs_rest)
            continue
        numbered, offset = _numbered(tokens, first, last, offset)
        attrs.extend(numbered)
    return attrs


def _numbered(tokens: Sequence[Token], first: int, last: int, offset: int) -> tuple[list[tuple[str, str]], int]:
    tok = tokens[first - 1]
    out: list[tuple[str, str]] = []
    number = str(tok.value) if first - offset != tok.value else ""
    offset = first - tok.value
    if first == last and tok.kind != NORMAL:  # one key per scan: "47=23;folio", never 47 twice
        out.append((str(first), f"{number};{tok.kind}" if number else tok.kind))
        return out, offset
    if number:
        out.append((str(first), number))
    if tok.kind != NORMAL:
        out.append((f"{first}to{last}", tok.kind))
    return out, offset


def pagelist(labels: Sequence[str]) -> str:
    """The ``<pagelist .../>`` tag for these labels (an empty tag when every page is numbered 1..n)."""
    attrs = pagelist_attributes(labels)
    return "<pagelist " + " ".join(f'{k}="{v}"' for k, v in attrs) + " />" if attrs else "<pagelist />"


def render(attrs: Sequence[tuple[str, str]], count: int) -> list[str]:
    """What ProofreadPage shows for scans 1..count under these attributes (raw form: "12r", "iv")."""
    return [_render_one(attrs, n) for n in range(1, count + 1)]


def _render_one(attrs: Sequence[tuple[str, str]], page: int) -> str:
    mode, offset, shown, recto, folio_number = NORMAL, 0, "", True, None
    for key, value in attrs:
        params = value.split(";")
        if key.isdigit() and int(key) <= page:
            for p in params:
                if p.isdigit():
                    offset = int(key) - int(p)
        span = _range(key)
        if span and span[0] <= page <= span[1]:
            for p in params:
                if p.isdigit():
                    continue
                if p in (NORMAL, ROMAN, HIGHROMAN, FOLIO, "folioroman", "foliohighroman"):
                    mode = p
                elif p != "empty":
                    shown = p
            if any(p in (FOLIO, "folioroman", "foliohighroman") for p in params):
                folio_number = span[0] - offset + (page - span[0]) // 2
                recto = (page - span[0]) % 2 == 0
    if shown:
        return shown
    number = folio_number if folio_number is not None and mode.startswith(FOLIO) else page - offset
    if mode in (ROMAN, "folioroman"):
        text = to_roman(number)
    elif mode in (HIGHROMAN, "foliohighroman"):
        text = to_roman(number).upper()
    else:
        text = str(number)
    return text + ("r" if recto else "v") if mode.startswith(FOLIO) else text


def _range(key: str) -> tuple[int, int] | None:
    if key.isdigit():
        return int(key), int(key)
    m = re.match(r"^(\d*)to(\d*)$", key)
    return (int(m[1] or 0), int(m[2] or 10**9)) if m else None


def expected(labels: Sequence[str]) -> list[str]:
    """The labels as a pagelist can show them ("[1]" → "1", "1 r." → "1r", free labels cleaned)."""
    return [token(label).shown() for label in labels]
