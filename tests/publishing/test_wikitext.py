"""Escaping: no catalogue string can inject wikitext."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glamwiki.publishing.wikitext import clean_text, escape, in_language, is_licence_tag, template, url

from .records import HOSTILE

# Markup is what the parser acts on: brackets, pipes, tags, and only repeated quote/tilde/underscore
# runs, "!!" and URL schemes; a lone apostrophe, colon or "=" stays as typed (readable page source).
MARKUP = re.compile(r"[{}\[\]|<>]|~~~|''|__|!!|^[*#:;\- ]|(?i:https?|ftp|mailto):")


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_strings_carry_no_markup(text: str) -> None:
    out = escape(text)
    assert not MARKUP.search(out.replace("<br />", ""))
    assert "\n" not in out


@given(st.text(max_size=200))
def test_escape_round_trips_to_the_cleaned_text(text: str) -> None:
    out = escape(text)
    assert not MARKUP.search(out.replace("<br />", ""))
    shown = html.unescape(out.replace("<br />", "\n"))
    expected = "\n".join(line.strip() for line in clean_text(text).strip().splitlines() if line.strip())
    assert shown == expected or shown.replace("\n", "") == expected.replace("\n", "")


def test_equals_sign_is_safe_in_named_and_language_params() -> None:
    assert in_language("a=b|c", "en") == "{{en|1=a=b&#124;c}}"
    assert template("Artwork", [("title", escape("x=y")), ("empty", "")], multiline=False) == "{{Artwork|title=x=y}}"


def test_readable_source_escapes_only_markup() -> None:
    """Volunteers read page source: ordinary punctuation is left as typed (issue 9)."""
    text = "St Paul's: 'Evening' & Mrs O'Neil, 50% = half!"
    assert escape(text) == text
    assert escape("see https://evil.example") == "see https&#58;//evil.example"
    assert escape("''bold''") == "&#39;&#39;bold&#39;&#39;"


def test_urls_are_quoted_and_only_http() -> None:
    assert url("javascript:alert(1)") == ""
    assert url("https://m.example/a b]|{x}?q=1") == "https://m.example/a%20b%5D%7C%7Bx%7D?q=1"


def test_licence_tags_must_be_single_balanced_templates() -> None:
    assert is_licence_tag("{{PD-Art|PD-old-auto-expired|deathyear=1900}}")
    for bad in ("{{subst:foo}}", "{{PD}}\n[[Category:X]]", "PD", "{{PD}} ~~~~", "{{PD}}}}{{x"):
        assert not is_licence_tag(bad)


def test_control_and_bidi_characters_are_dropped() -> None:
    assert clean_text("a\u202eb\u200bc\x07d\u00a0e") == "abcd e"


def test_zero_width_joiners_are_kept() -> None:
    """Issue 15 item 14: ZWNJ in Persian (می‌خواهم), ZWJ in Devanagari conjuncts (क्‍ष) are spelling."""
    for word in ("می\u200cخواهم", "क्\u200dष", "\u0dc1\u0dca\u200d\u0dbb\u0dd3"):  # Persian, Hindi, Sinhala (ශ්‍රී)
        assert clean_text(word) == word
        assert escape(word) == word
    assert clean_text("a\u202eb\u200bc") == "abc"  # bidi overrides and zero-width spaces still go


def test_the_ascii_road_cleans_as_the_unicode_road_does() -> None:
    """clean_text's ASCII shortcut (issue 13: `publish plan` speed) gives what NFC plus dropping every
    Cc/Cf/Cs/Co character gives, for every ASCII character alone and inside text."""
    import unicodedata

    from glamwiki.publishing.wikitext import _KEEP, _SPACES

    def slow(text: str) -> str:
        text = unicodedata.normalize("NFC", text)
        kept = "".join(c for c in text if c in _KEEP or unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Co"))
        return _SPACES.sub(" ", kept)

    samples = [chr(c) for c in range(128)] + [f"a{chr(c)}b  c\t\td" for c in range(128)] + HOSTILE
    assert all(clean_text(s) == slow(s) for s in samples)
    assert clean_text("a\x07b\x7fc\nd\te") == "abc\nd e"
