"""The words of catalogue dates: texts that mean "no date", the events a date may belong to
("printed 2005", "fl. 1850"), and the normalising every text goes through before it is read."""

from __future__ import annotations

import re

from glamwiki.dates.phrases import numeric_ordinals

UNKNOWN_WORDS = {
    "",
    "0",
    "date not known",
    "not known",
    "unknown",
    "undated",
    "not dated",
    "no date",
    "n.d.",
    "n.d",
    "nd",
    "s.d.",
    "s.d",
    "sans date",
    "o.j.",
    "unbekannt",
    "date unknown",
    "?",
    "-",
    "--",
    "n/a",
    "none",
    "null",
}
EVENT_WORDS = (
    "first published",
    "published",
    "exhibited",
    "printed",
    "reprinted",
    "cast",
    "reproduced",
    "enlarged version",
    "reconstructed",
    "designed",
    "manufactured",
    "engraved",
    "editioned",
    "fabricated",
    "issued",
    "made",
    "executed",
    "painted",
    "drawn",
    "carved",
    "photographed",
    "taken",
    "restored",
    "completed",
    "begun",
    "assembled",
    "modelled",
    "modeled",
    "remade",
    "refabricated",
    "printed later",
    "repaired",
    "patented",
    "produced",
    "conceived",
    "written",
    "copied",
    "recorded",
    "released",
    "born",
    "died",
    "active",
    "fl.",
    "floruit",
)
EVENT_NAMES = {"fl.": "active", "floruit": "active"}
MAKING = {"made", "executed", "painted", "drawn", "carved", "completed", "written", "date", "dated", "created",
           "creation", "datierung", "entstehung"}  # fmt: skip
_OR_IN_BRACKETS = re.compile(r"\s*\(or ([^()]*\d[^()]*)\)?$")
_WORD_DASH = re.compile(r"\b(early|mid|late|middle)[–—]")  # Tate's "mid–1820s" is "mid-1820s"
_UNDATED_NOTE = re.compile(r"^(?:undated|not dated|n\.d)[.,;:]?\s+(?=\D*\d)")  # "Undated. Estimated 8th century"


# German catalogue phrases (LIDO records from the German Digital Library) said in English words.
_GERMAN = (
    (re.compile(r"\b(\d{1,2})\.\s*jh(?:dt?)?\.?(?=\W|$)|\b(\d{1,2})\.\s*jahrhunderts?\b"), r"\1\2th century"),
    (re.compile(r"\b(?:1\.|erste)\s*h(?:ä|a)lfte(?: des)?\b"), "first half of"),
    (re.compile(r"\b(?:2\.|zweite)\s*h(?:ä|a)lfte(?: des)?\b"), "second half of"),
    (re.compile(r"\b1\.\s*viertel(?: des)?\b"), "first quarter of"),
    (re.compile(r"\b2\.\s*viertel(?: des)?\b"), "second quarter of"),
    (re.compile(r"\b3\.\s*viertel(?: des)?\b"), "third quarter of"),
    (re.compile(r"\b4\.\s*viertel(?: des)?\b"), "fourth quarter of"),
    (re.compile(r"\banfang(?: des)?\b"), "early"),
    (re.compile(r"\bmitte(?: des)?\b"), "mid"),
    (re.compile(r"\bende(?: des)?\b"), "late"),
    (re.compile(r"\bv\.\s?chr\.?"), "bc"),
    (re.compile(r"\bn\.\s?chr\.?"), "ad"),
)


def _german(t: str) -> str:
    if "jahrhundert" not in t and "jh" not in t and "chr" not in t:
        return t
    for pattern, english in _GERMAN:
        t = pattern.sub(english, t)
    return t


def normalise(text: str) -> str:
    t = text.strip().lower().replace("\u00a0", " ")
    t = re.sub(r"\s+", " ", t)
    if t.count("[") != t.count("]"):  # "[last half 18 cent." as a cataloguer left it
        t = t.replace("[", "").replace("]", "").strip()
    t = _UNDATED_NOTE.sub("", numeric_ordinals(_WORD_DASH.sub(r"\1-", _german(t))))
    t = _OR_IN_BRACKETS.sub(r" or \1", t)  # "1828 (or 1836)"
    return t.rstrip(".").strip() if not t.endswith(("b.c.", "a.d.", "c.e.")) else t


def says_no_date(text: str) -> bool:
    """ "Undated", "n.d.", "date not known": the text says there is no date (nothing to report)."""
    return normalise(text) in UNKNOWN_WORDS
