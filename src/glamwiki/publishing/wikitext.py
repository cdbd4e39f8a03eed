"""Escaping catalogue text for wikitext, and rendering templates from escaped values.

Every value that comes from a catalogue passes through :func:`escape` (or :func:`url`) before it
is put in a page, so no record can open or close a template, link, table, tag, heading or
signature: the characters that carry wikitext meaning become HTML character references, which
MediaWiki displays as the characters themselves.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from urllib.parse import quote, urlsplit

# Characters that are markup wherever they stand: templates, links, tags, table/parameter pipes.
_ENTITIES = {
    "<": "&lt;",
    ">": "&gt;",
    "{": "&#123;",
    "}": "&#125;",
    "|": "&#124;",
    "[": "&#91;",
    "]": "&#93;",
}
_TABLE = str.maketrans(_ENTITIES)
# Sequences that are markup only when repeated or in context; single characters stay readable
# (an apostrophe, a colon, "=" in a named parameter, "Mr & Mrs" are left as they are).
_FREE_LINK = re.compile(
    r"(?i)\b(https?|s?ftp|mailto|news|irc|ircs|gopher|telnet|nntp|svn|git|mms|ssh|tel|sip|sips|xmpp|geo|magnet|"
    r"urn|worldwind|bitcoin):"
)
# Each with the text it cannot match without (a quick test that skips the expression on most lines).
_SEQUENCES: tuple[tuple[str, re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    ("&", re.compile(r"&(?=#?[A-Za-z0-9]+;)"), "&amp;"),  # an entity the catalogue typed is shown as typed
    ("''", re.compile(r"'{2,}"), lambda m: "&#39;" * len(m.group())),  # italic and bold
    ("~~~", re.compile(r"~{3,}"), lambda m: "&#126;" * len(m.group())),  # signatures
    ("__", re.compile(r"_{2,}"), lambda m: "&#95;" * len(m.group())),  # behaviour switches (NOTOC...)
    ("!!", re.compile(r"!!"), "&#33;&#33;"),  # table header cell separator
    (":", _FREE_LINK, r"\1&#58;"),  # free external links
)
_LINE_START = str.maketrans({"*": "&#42;", "#": "&#35;", ":": "&#58;", ";": "&#59;", "-": "&#45;", " ": "&#32;"})
_NEWLINES = re.compile(r"\s*(?:\r\n|\r|\n|\u2028|\u2029)+\s*")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_LANG = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$")
_URL_SAFE = ":/?&=%#;,+@!$*()-._"
_KEEP = frozenset("\n\t\u200c\u200d")  # newline, tab, ZWNJ, ZWJ


# ASCII text is already NFC and its only Cc/Cf/Cs/Co characters are the C0 controls and DEL.
_ASCII_DROP = str.maketrans({chr(c): None for c in (*range(0x20), 0x7F) if chr(c) not in _KEEP})


def clean_text(text: str) -> str:
    """Normalise Unicode (NFC), drop control and bidi-control characters, fold odd spaces. Zero-width
    (non-)joiners are kept: Arabic, Persian and Indic scripts spell words with them."""
    if text.isascii():  # the common case, by a shorter road to the same result
        return _SPACES.sub(" ", text.translate(_ASCII_DROP))
    text = unicodedata.normalize("NFC", text)
    kept = "".join(ch for ch in text if ch in _KEEP or unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co"))
    return _SPACES.sub(" ", kept)


def escape(text: str | None) -> str:
    """Catalogue text as inert wikitext: one line (paragraphs become ``<br />``), markup escaped."""
    if not text:
        return ""
    return _escape(text)


@lru_cache(maxsize=1 << 16)  # catalogue values repeat (names, media, credit lines): escape each once
def _escape(text: str) -> str:
    lines = [line.strip() for line in _NEWLINES.split(clean_text(text).strip())]
    escaped = [_escape_line(line) for line in lines if line]
    return "<br />".join(escaped)


def _escape_line(line: str) -> str:
    body = line
    for needed, pattern, replacement in _SEQUENCES:
        if needed in body:
            body = pattern.sub(replacement, body)
    body = body.translate(_TABLE)
    return body[0].translate(_LINE_START) + body[1:] if body else body


def url(value: str | None) -> str:
    """A web address safe to put in wikitext, or "" when it is not http(s)."""
    if not value:
        return ""
    value = clean_text(value).strip()
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    return quote(value, safe=_URL_SAFE)


def external_link(address: str | None, label: str | None = None) -> str:
    target = url(address)
    if not target:
        return ""
    return f"[{target} {escape(label)}]" if label else target


def language(code: str | None, default: str = "en") -> str:
    code = (code or "").strip().lower().replace("_", "-")
    return code if _LANG.match(code) else default


def in_language(text: str | None, lang: str | None) -> str:
    """``{{en|1=...}}``: escaped text marked with its language (named parameter, so ``=`` is safe)."""
    body = escape(text)
    return f"{{{{{language(lang)}|1={body}}}}}" if body else ""


def template(name: str, params: Iterable[tuple[str, str]], *, multiline: bool = True) -> str:
    """``{{name |key = value ...}}`` from already-escaped values; empty values are left out."""
    kept = [(k, v) for k, v in params if v]
    if not multiline:
        return "{{" + name + "".join(f"|{k}={v}" for k, v in kept) + "}}"
    width = max((len(k) for k, _ in kept), default=0)
    lines = [f" |{k.ljust(width)} = {v}" for k, v in kept]
    return "\n".join(["{{" + name, *lines, "}}"])


def is_licence_tag(tag: str) -> bool:
    """A licence tag from the rights stage: one balanced template, no subst, no newline."""
    tag = tag.strip()
    if not (tag.startswith("{{") and tag.endswith("}}")) or "\n" in tag:
        return False
    if re.search(r"\{\{\s*(subst|safesubst|msgnw|raw)\s*:", tag, re.IGNORECASE):
        return False
    return tag.count("{{") == tag.count("}}") and "~~~" not in tag and "<" not in tag


@lru_cache(maxsize=1 << 14)  # the same categories recur on every page of a creator, a batch, a subject
def category(name: str) -> str:
    """``[[Category:Name]]`` with characters a title cannot hold removed."""
    from glamwiki.publishing.titles import sanitise

    clean = sanitise(name, max_bytes=200)
    return f"[[Category:{clean}]]" if clean else ""
