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


def normalise(text: str) -> str:
    t = text.strip().lower().replace("\u00a0", " ")
    t = re.sub(r"\s+", " ", t)
    if t.count("[") != t.count("]"):  # "[last half 18 cent." as a cataloguer left it
        t = t.replace("[", "").replace("]", "").strip()
    t = _UNDATED_NOTE.sub("", numeric_ordinals(_WORD_DASH.sub(r"\1-", t)))
    t = _OR_IN_BRACKETS.sub(r" or \1", t)  # "1828 (or 1836)"
    return t.rstrip(".").strip() if not t.endswith(("b.c.", "a.d.", "c.e.")) else t


def says_no_date(text: str) -> bool:
    """ "Undated", "n.d.", "date not known": the text says there is no date (nothing to report)."""
    return normalise(text) in UNKNOWN_WORDS
