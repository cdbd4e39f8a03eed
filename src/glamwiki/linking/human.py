"""Who is a human, and what a human's item is called.

A catalogue's "artists" include schools ("Italian or German (?) School 17th century"), doubtful
attributions ("(?)"), groups and collectives ("Ant Farm (Chip Lord, …)", "Gilbert & George"),
companies and publishers. None of them is a human (Q5); schools never get an item.

Labels are in natural order without honorifics or post-nominals, as Wikidata's label guideline asks
(https://www.wikidata.org/wiki/Help:Label: "the name the item is most commonly known by", without
titles): "John, Augustus, OM" -> "Augustus John", "Sir Jacob Epstein" -> "Jacob Epstein"; the
catalogue's own forms become aliases.
"""

from __future__ import annotations

import re

from glamwiki.linking.names import POSTNOMINALS, TITLES, fold
from glamwiki.model.agents import collective_kind
from glamwiki.model.records import GROUP, ORGANISATION, PERSON

HUMAN, SCHOOL, UNCERTAIN = "human", "school", "uncertain"
_SCHOOL = re.compile(r"\bschool\b", re.IGNORECASE)
_MEMBERS = re.compile(r"\([^)]*(?:;|,\s*born|\d{4}[^)]*,)[^)]*\)?")  # "(A, born 1944, B, 1943-2003)"
_ORDINAL = re.compile(r"^(?:[IVX]+|\d+(?:st|nd|rd|th))$")
_EXTRA = {"pra", "prs", "rba", "rbs", "rca", "rdi", "hon", "hrsa", "rws", "rp", "ncea", "cbe", "obe"}


def creator_kind(name: str, kind: str = PERSON) -> str:
    """human | group | organisation | school | uncertain, from the catalogue's kind and the name."""
    if _SCHOOL.search(name):
        return SCHOOL
    if "?" in name:
        return UNCERTAIN
    if kind in (GROUP, ORGANISATION):
        return kind
    if kind not in (PERSON, "", None):  # "unknown": the catalogue itself does not say it is a person
        return UNCERTAIN
    if _MEMBERS.search(name):
        return GROUP
    return collective_kind(name) or HUMAN


def natural_label(name: str, sort_name: str | None = None) -> tuple[str, list[str]]:
    """The label in natural order without honorifics, and the catalogue's other forms as aliases."""
    source = sort_name if sort_name and "," in sort_name else name
    label = _natural(source) or _natural(name) or name.strip()
    aliases = []
    for form in (name, sort_name or ""):
        form = " ".join(form.split())
        if form and form != label and form not in aliases:
            aliases.append(form)
    for inner in re.findall(r"\(([^)]*)\)", name):  # "Gego (Gertrud Goldschmidt)": a real name
        inner = inner.strip()
        if inner and not re.search(r"\d|née|born", inner) and inner not in aliases:
            aliases.append(inner)
    return label, aliases


def _natural(text: str) -> str:
    text = re.sub(r"\([^)]*\)?", " ", text)
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts:
        return ""
    suffixes = []
    for p in parts[2:]:  # after "Surname, Forenames": post-nominals go, "II" and "of Bath" stay
        if _ORDINAL.match(p) or p.lower().startswith("of "):
            suffixes.append(p)
    if len(parts) >= 2 and not _honorific(parts[1]):
        words = [*_drop(parts[1].split()), *_drop(parts[0].split(), leading=False)]
        if _ORDINAL.match(parts[1]):  # "Ferneley, I": an ordinal alone is not a forename
            words, suffixes = _drop(parts[0].split()), [parts[1], *suffixes]
    else:
        words = _drop(parts[0].split())
    return " ".join([*words, *suffixes]).strip()


def _drop(words: list[str], leading: bool = True) -> list[str]:
    out = list(words)
    while leading and len(out) > 1 and _is(out[0], TITLES | {"the"}):
        out.pop(0)
    out = [w for w in out if not _is(w, POSTNOMINALS | _EXTRA)] or out
    return out


def _honorific(part: str) -> bool:
    return all(_is(w, TITLES | POSTNOMINALS | _EXTRA) for w in part.split())


def _is(word: str, words: frozenset[str] | set[str]) -> bool:
    return fold(word).strip(".") in words
