"""Presumptions: rules a curator approves once for a whole group of records ("our prints were published
when they were made"). Each has a legal basis, covers a group (by work type, object type or
classification, dataset, or a field match), is approved by a named person on a date (kept with its
history in the project: `store.rights`), and is named in every reason and flag it touches. They only
ever fill a fact the record and the curator left open; a curator's fact for the record always wins."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from glamwiki.errors import ConfigError
from glamwiki.model.records import ObjectRecord
from glamwiki.rights.facts import ARTISTIC, CROWN, ENGRAVING, LITERARY, NAMED, WorkFacts
from glamwiki.rights.scenarios import LEGAL_2039_ARTISTIC

MATCH_FIELDS = ("object_type", "medium", "credit_line", "department", "title", "institution")


@dataclass(frozen=True)
class Presumption:
    name: str
    presumes: str  # what is taken as fact, in words
    group: str  # the records it covers, in words
    legal_basis: str
    approved_by: str = ""
    approved_on: str = ""
    datasets: tuple[str, ...] = ()  # an approval may narrow the group to some datasets...
    match: tuple[tuple[str, str], ...] = ()  # ...and to records whose field matches a pattern

    def label(self) -> str:
        if self.approved_by:
            return f"presumption {self.name} (approved by {self.approved_by} on {self.approved_on})"
        return f"presumption {self.name} (shipped rule; no approval recorded)"

    def covers(self, record: ObjectRecord, dataset: str) -> bool:
        if self.datasets and dataset not in self.datasets:
            return False
        return all(re.search(rx, getattr(record, f, None) or "", re.I) for f, rx in self.match)

    def apply(self, wf: WorkFacts, record: ObjectRecord, dataset: str = "") -> WorkFacts:
        """The facts with this presumption applied, or the same facts if it does not cover the record."""
        if not self.covers(record, dataset):
            return wf
        changed = _RULES[self.name](wf, record)
        if changed is None:
            return wf
        new, what = changed
        return dataclasses.replace(new, presumed=(*wf.presumed, f"{self.label()}: {what}"))


Rule = Callable[[WorkFacts, ObjectRecord], "tuple[WorkFacts, str] | None"]
_BOOKISH = re.compile(
    r"\b(books?|volumes?|maps?|atlas(es)?|charts?|pamphlets?|printed|broadsides?|periodicals?|newspapers?)\b", re.I
)
_HANDWRITTEN = re.compile(r"manuscript|letter|diary|notebook|sketchbook|journal|autograph|typescript", re.I)
_UNIQUE = re.compile(
    r"\b(unique|paintings?|drawings?|watercolou?rs?|sculptures?|pastels?|gouache|oil|tempera|collage)\b", re.I
)


def _years(iso: tuple[str | None, str | None]) -> tuple[int, int] | None:
    lo, hi = iso
    if not lo or not hi or lo.startswith("-") or hi.startswith("-"):
        return None
    return int(lo[:4]), int(hi[:4])


def _prints(wf: WorkFacts, record: ObjectRecord) -> tuple[WorkFacts, str] | None:
    made = _years(wf.made)
    if wf.category != ENGRAVING or wf.published != "unknown" or made is None:
        return None
    lo, hi = made
    if wf.authorship == NAMED and wf.death[1] is not None:
        hi = max(lo, min(hi, wf.death[1]))  # within the printmaker's lifetime
    span = f"{lo}" if lo == hi else f"{lo}-{hi}"
    return dataclasses.replace(wf, published="yes", publication=(lo, hi)), f"first published {span}, when made"


def _books(wf: WorkFacts, record: ObjectRecord) -> tuple[WorkFacts, str] | None:
    made = _years(wf.made)
    text = " ".join(filter(None, (record.object_type, record.medium)))
    if wf.published != "unknown" or made is None or _HANDWRITTEN.search(text):
        return None
    if wf.category != LITERARY and not _BOOKISH.search(record.object_type or ""):
        return None
    lo, hi = made
    span = f"{lo}" if lo == hi else f"{lo}-{hi}"
    return dataclasses.replace(wf, published="yes", publication=(lo, hi)), f"published {span}, its imprint year"


def _unique(wf: WorkFacts, record: ObjectRecord) -> tuple[WorkFacts, str] | None:
    text = " ".join(filter(None, (record.object_type, record.medium)))
    if wf.category != ARTISTIC or wf.published != "unknown" or not _UNIQUE.search(text):
        return None
    return dataclasses.replace(wf, published="no"), "never published (a unique work: no copies distributed)"


def _anonymous_artistic(wf: WorkFacts, record: ObjectRecord) -> tuple[WorkFacts, str] | None:
    if wf.category != ARTISTIC or wf.authorship in (NAMED, CROWN) or LEGAL_2039_ARTISTIC in dict(wf.settled):
        return None
    settled = (*wf.settled, (LEGAL_2039_ARTISTIC, True))
    return dataclasses.replace(wf, settled=settled), (
        "the pre-1989 term of an anonymous painting or drawing whose author must have died by 1938 had run "
        "before 1 Aug 1989, so the 2039 rule does not apply to it"
    )


_RULES: dict[str, Rule] = {
    "prints-published-when-made": _prints,
    "books-published-in-imprint-year": _books,
    "unique-works-unpublished": _unique,
    "anonymous-artistic-old-term-ran": _anonymous_artistic,
}

SHIPPED: dict[str, Presumption] = {
    p.name: p
    for p in (
        Presumption(
            "prints-published-when-made",
            "an engraving, etching, lithograph, mezzotint or other print was first published in the year it was "
            "made, within the printmaker's lifetime",
            "prints (work type engraving: CDPA s.4(2) 'engraving' includes etchings, lithographs, woodcuts, prints)",
            "Prints are made to be issued in an edition: CDPA 1988 s.175(1) (publication = issue of copies to the "
            "public); Copyright Act 1956 s.49(2); 17 USC 101 ('publication'). Decides Sch 1 para 12(4)(b) "
            "(unpublished engravings) and URAA restoration",
        ),
        Presumption(
            "books-published-in-imprint-year",
            "a printed book, map or pamphlet was published in the year of its imprint (its recorded date)",
            "printed books, maps, atlases, pamphlets (work type literary, or object type naming them; not "
            "manuscripts, letters or diaries)",
            "CDPA 1988 s.175(1); 17 USC 101 ('publication': distribution of copies to the public by sale); "
            "the imprint is the publisher's own statement of the year",
        ),
        Presumption(
            "unique-works-unpublished",
            "a unique work (painting, drawing, watercolour, sculpture) was never published: exhibiting or selling "
            "the original is not publication",
            "unique artistic works (work type artistic whose object type or medium names a unique work)",
            "CDPA 1988 s.175(4)(b) (exhibition of an artistic work is not publication); 17 USC 101 (public display "
            "of itself is not publication). Reproductions in catalogues would be publication: exclude records known "
            "to have been reproduced",
        ),
        Presumption(
            "anonymous-artistic-old-term-ran",
            "the pre-1989 term (life + 50) of an anonymous painting or drawing whose author must have died by 1938 "
            "had run before 1 Aug 1989, so the 2039 rule does not apply",
            "anonymous unpublished artistic works other than photographs and engravings, made so early that the "
            "author died by 1938 on any possible life",
            "CDPA 1988 Sch 1 para 5(1) with Copyright Act 1956 s.3(4) and 1911 Act s.3; CDPA s.57 (acts permitted "
            "where the author cannot be identified by reasonable enquiry and the copyright may reasonably be "
            "assumed to have expired); against: UK IPO 2014 consultation and {{PD-UK-unknown}} (see docs/rights.md)",
        ),
    )
}


def shipped(name: str) -> Presumption:
    try:
        return SHIPPED[name]
    except KeyError:
        known = ", ".join(SHIPPED)
        raise ConfigError(f"no presumption named {name!r}: the shipped ones are {known}") from None


def apply_all(wf: WorkFacts, record: ObjectRecord, presumptions: Iterable[Presumption], dataset: str = "") -> WorkFacts:
    for p in presumptions:
        wf = p.apply(wf, record, dataset)
    return wf


def parse_match(items: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """``field=regex`` pairs (object_type, medium, credit_line, department, title, institution)."""
    out = []
    for item in items:
        field, sep, rx = item.partition("=")
        if not sep or field.strip() not in MATCH_FIELDS:
            raise ConfigError(f"--match {item!r}: give FIELD=PATTERN with FIELD one of {', '.join(MATCH_FIELDS)}")
        try:
            re.compile(rx)
        except re.error as exc:
            raise ConfigError(f"--match {item!r}: the pattern is not a regular expression ({exc})") from None
        out.append((field.strip(), rx))
    return tuple(out)
