"""GLAM name normalisation: the forms a catalogue writes a name in, reduced to comparable tokens.

"Rembrandt van Rijn", "Rijn, Rembrandt van", "Attributed to Rembrandt van Rijn" and
"REMBRANDT VAN RIJN" all give the same tokens; particles (van, de, von) are kept apart from the
core tokens, honorifics and post-nominals ("Sir", "Dame", "OBE", "Esq", "RA") are dropped,
initials are kept as one letter, and diacritics are folded ("Schütte" = "Schutte").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from glamwiki.intake.names import split_attribution

PARTICLES = frozenset(
    [
        "van",
        "von",
        "de",
        "der",
        "den",
        "del",
        "della",
        "delle",
        "dei",
        "degli",
        "di",
        "da",
        "das",
        "dos",
        "du",
        "des",
        "la",
        "le",
        "lo",
        "ter",
        "ten",
        "te",
        "zu",
        "zur",
        "y",
        "e",
        "af",
        "av",
        "al",
        "el",
        "bin",
        "ibn",
        "ben",
        "st",
        "saint",
    ]
)
# Titles before a name ("Sir", "Mrs") are dropped only in front; post-nominals ("OBE", "RA",
# "Jr") wherever they stand. Either is kept when it is all there is ("Mary Miss").
TITLES = frozenset(
    [
        "sir",
        "dame",
        "lady",
        "lord",
        "mr",
        "mrs",
        "miss",
        "ms",
        "mme",
        "mlle",
        "dr",
        "prof",
        "professor",
        "rev",
        "reverend",
        "revd",
        "hon",
        "the",
        "baron",
        "baroness",
        "count",
        "countess",
        "earl",
        "duke",
        "duchess",
        "marquess",
        "viscount",
        "father",
        "brother",
        "sister",
        "fr",
    ]
)
POSTNOMINALS = frozenset(
    [
        "esq",
        "esquire",
        "obe",
        "cbe",
        "mbe",
        "kbe",
        "dbe",
        "om",
        "ch",
        "ra",
        "ara",
        "rsa",
        "rwa",
        "frs",
        "bt",
        "bart",
        "kt",
        "jr",
        "jnr",
        "junior",
        "sr",
        "snr",
        "senior",
    ]
)
HONORIFICS = TITLES | POSTNOMINALS
CONNECTORS = frozenset({"and", "und", "et"})  # "Anne and Patrick Poirier": the pair, not a token
_NOT_CORE = PARTICLES | POSTNOMINALS | CONNECTORS
_FOLD = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "œ": "oe"})
_PAREN = re.compile(r"\(([^)]*)\)?")
_SPLIT = re.compile(r"[^\w']+")
_COUPLE = re.compile(r"\s(?:&|and|und|et|y)\s", re.IGNORECASE)
_ORDINAL = re.compile(r"^(?:\d+(?:st|nd|rd|th)|[ivx]+)$")


@dataclass(frozen=True, slots=True)
class NameForm:
    """One way of writing a name: ``tokens`` in forward order (particles and honorifics removed),
    ``surname`` the family name's main token, ``key`` the tokens joined for exact comparison."""

    tokens: tuple[str, ...]
    surname: str
    particles: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return " ".join(self.tokens)

    @property
    def forenames(self) -> tuple[str, ...]:
        rest = list(self.tokens)
        if self.surname in rest:
            rest.reverse()
            rest.remove(self.surname)
            rest.reverse()
        return tuple(rest)


def fold(text: str) -> str:
    """Lower case, without diacritics: "Schütte" -> "schutte", "Łódź" -> "lodz"."""
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in text if not unicodedata.combining(c)).translate(_FOLD).casefold()


def strip_qualifier(name: str) -> tuple[str | None, str]:
    """("attributed to", "Rembrandt") from "Attributed to Rembrandt"."""
    return split_attribution(name)


def name_forms(name: str, sort_name: str | None = None, alt_names: list[str] | tuple[str, ...] = ()) -> list[NameForm]:
    """Every distinct form of a person's names (display, sort, alternatives, pseudonyms in brackets)."""
    forms: dict[tuple[str, ...], NameForm] = {}
    for raw in (name, sort_name or "", *alt_names):
        for form in parse_name(raw):
            forms.setdefault(form.tokens, form)
    return list(forms.values())


def parse_name(raw: str) -> list[NameForm]:
    """The forms of one written name: itself, plus any name given in brackets ("Gego (Gertrud Goldschmidt)")."""
    if not raw or not raw.strip():
        return []
    _, text = strip_qualifier(raw.strip())
    inner = [m.group(1) for m in _PAREN.finditer(text)]
    outer = _PAREN.sub(" ", text)
    found = [f for f in (_one_form(outer),) if f]
    for part in inner:
        if not re.search(r"\d", part):  # "(born 1945)" is a date, not a name
            found += [f for f in (_one_form(part),) if f]
    return found


def _one_form(text: str) -> NameForm | None:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) >= 2 and not _all_honorifics(parts[1]):
        surname_part, fore = parts[0], parts[1]
        words = _words(fore) + _words(surname_part)
        surname_words = _words(surname_part)
    else:  # no inversion; a part that is only honorifics ("Johnson, Dr") is not part of the name
        words = [w for p in parts if not (p is not parts[0] and _all_honorifics(p)) for w in _words(p)]
        surname_words = words
    words = _drop_titles(words)
    core = tuple(w for w in words if w not in _NOT_CORE and not _ORDINAL.match(w))
    if not core:
        return None
    sur_core = [w for w in surname_words if w in core]
    surname = sur_core[-1] if sur_core else core[-1]
    if len(surname) == 1 and len(core) > 1:  # "Smith, J." read the wrong way round
        surname = max(core, key=len)
    particles = tuple(w for w in words if w in PARTICLES)
    return NameForm(core, surname, particles)


def _words(text: str) -> list[str]:
    out = []
    for w in _SPLIT.split(fold(text)):
        w = w.strip("'_")
        if w.startswith(("d'", "l'")) and len(w) > 2:
            w = w[2:]
        if w and not w.isdigit():
            out.append(w)
    return out


def _drop_titles(words: list[str]) -> list[str]:
    i = 0
    while i < len(words) - 1 and words[i] in TITLES:
        i += 1
    rest = words[i:]
    if len([w for w in rest if w not in POSTNOMINALS]) < 1:
        return words
    return rest


def _all_honorifics(text: str) -> bool:
    words = _words(text)
    return bool(words) and all(w in HONORIFICS or _ORDINAL.match(w) for w in words)


def couple_members(name: str) -> list[str]:
    """The people of a couple or pair: "Anne and Patrick Poirier" -> ["Anne Poirier", "Patrick Poirier"]."""
    parts = _COUPLE.split(name.strip())
    if len(parts) != 2:
        return []
    left, right = parts[0].strip(), parts[1].strip()
    if " " not in left and " " in right:  # shared family name
        return [f"{left} {right.split()[-1]}", right]
    return [left, right]


def initial_compatible(a: str, b: str) -> bool:
    """Two forenames that can be the same: equal, one an initial of the other, or one a prefix."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return len(a) >= 3 and len(b) >= 3 and (a.startswith(b) or b.startswith(a))
