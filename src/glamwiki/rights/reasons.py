"""Reasons a person can check: what the engine took as fact, and which rule gave which year."""

from __future__ import annotations

from typing import Literal

from glamwiki.model.rights import Reason
from glamwiki.rights.facts import CROWN, FACTS, NAMED, PARLIAMENTARY, US_FEDERAL, WorkFacts
from glamwiki.rights.rules import Settings, cite
from glamwiki.rights.scenarios import PD, UNKNOWN, Layer
from glamwiki.rights.terms import NEVER

LEGAL_QUESTIONS = {
    "legal:photo-revival": "legal question: revival of pre-1945 photographs (SI 1995/3297 reg 16)",
    "legal:exhibition-made-available": (
        "legal question: does exhibition before 1989 count as made available (Sch 1 para 12(3))"
    ),
    "legal:pre-1957-film": "legal question: film made before 1 Jun 1957 (older law)",
    "legal:2039-anonymous-artistic": (
        "legal question: does the 2039 rule reach an anonymous drawing or painting whose life + 50 term had run "
        "before 1989 (Sch 1 para 5(1), 12(3)(b))"
    ),
}
MISSING_LABELS = {
    "publication_year": "publication date unknown",
    "creator_death_year": "creator's death year unknown",
    "creation_year": "date of making unknown",
    "reproduction_licence": "licence of the photograph of a 3D object unknown",
    "rights_statement": "rights statement conflicts or gives no specific reason",
    "contract_allows_upload": "digitisation contract terms unknown",
    "other_restrictions_checked": "other restrictions not checked",
    "licensor_holds_rights": "licensor not shown to hold the rights",
    "authorship": "authorship (or the Commons tag for it) to be settled by a person",
    "edition_year": "scanned edition may be under 25 years old (typographical arrangement)",
    "data_quality": "the record's dates contradict each other",
    "us_notice_and_renewal": "US work: was it published with a copyright notice and renewed",
}


def fact_label(fact: str) -> str:
    return LEGAL_QUESTIONS.get(fact) or MISSING_LABELS.get(fact) or FACTS.get(fact, fact)


def work_reasons(wf: WorkFacts, settings: Settings) -> list[Reason]:
    out = [Reason(f"Work: {wf.category}; authorship {wf.authorship}; reproduction {wf.reproduction}", "", "other")]
    out += [Reason(b, cite(_basis_cite(b)), "other") for b in wf.basis]
    if wf.authorship == NAMED:
        out.append(_death_reason(wf, settings))
    elif wf.authorship in (CROWN, PARLIAMENTARY, US_FEDERAL):
        out.append(Reason(f"Authorship: {wf.authorship} (a government work)", cite("uk_crown"), "uk"))
    elif wf.no_creator:
        out.append(Reason("No creator recorded: treated as unknown authorship (needs a recorded enquiry)",
                          cite("uk_unknown"), "uk"))  # fmt: skip
    else:
        out.append(Reason("Unknown authorship (anonymous, school or workshop attribution)", cite("uk_unknown"), "uk"))
    made = " to ".join(sorted({x[:4] for x in wf.made if x})) or "unknown"
    pub = {"no": "never published", "unknown": "publication not recorded"}.get(wf.published, "published")
    if wf.published == "yes" and wf.publication[0] is not None:
        pub += f" {wf.publication[0]}" + (f"-{wf.publication[1]}" if wf.publication[1] != wf.publication[0] else "")
    made += _MADE_BASIS.get(wf.made_basis, "")
    out.append(Reason(f"Made {made}; {pub}", "", "other"))
    out += [Reason("Taken as fact by " + p, "", "other") for p in wf.presumed]
    if wf.attribution_doubt:
        out.append(Reason("Attribution is doubtful ('attributed to'): the named creator's dates are used", "", "other"))
    return out


_MADE_BASIS = {
    "lifetime": " (not recorded: taken as made within the named creator's lifetime)",
    "period": " (not recorded: the period the school or century in the creator's name gives)",
    "acquired": " (not recorded: by the year the institution held it)",
}


def _basis_cite(text: str) -> str:
    if text.startswith("Crown"):
        return "crown_commission"
    if text.startswith("Made by"):
        return "acquisition"
    return "uk_shorter" if text.startswith("Country") else "uk_life70"


def _death_reason(wf: WorkFacts, settings: Settings) -> Reason:
    lo, hi = wf.death
    life = f"no one lives longer than {settings.max_lifespan} years ({settings.max_lifespan_source})"
    if lo is not None and lo == hi:
        return Reason(f"Last-dying named creator died {hi}", cite("uk_life70"), "uk")
    if wf.death_basis == "alive":
        return Reason(f"No death recorded for a creator whose birth is: taken as alive in {lo}, and dead by {hi} "
                      f"at the latest ({life})", cite("lifespan"), "uk")  # fmt: skip
    if wf.death_basis == "floruit":
        return Reason(f"Only a floruit ('active') recorded: alive in {lo}, died by {hi} ({life}); an active year is "
                      "not a death year", cite("lifespan"), "uk")  # fmt: skip
    if wf.death_basis == "lifespan":
        return Reason(f"Death year not recorded: taken as between {lo} and {hi}, assuming {life}", cite("lifespan"),
                      "uk")  # fmt: skip
    span = f"between {lo} and {hi}" if hi is not None else (f"after {lo}" if lo else "unknown")
    return Reason(f"Last-dying named creator's death: {span}", cite("uk_life70"), "uk")


def layer_reasons(layer_name: Literal["uk", "us"], layer: Layer, year: int) -> list[Reason]:
    country = layer_name.upper()
    out = []
    shown = layer.terms if len(layer.terms) <= 2 else [layer.terms[0], layer.terms[-1]]
    for n, term in enumerate(shown, start=1):
        k = 1 if n == 1 else len(layer.terms)
        where = country if len(layer.terms) == 1 else f"{country} (possibility {k} of {len(layer.terms)})"
        if term.expiry is None:
            text = f"{where}: {term.rule}: cannot compute ({fact_label(term.missing)})"
        elif term.expiry == NEVER:
            text = f"{where}: {term.rule}: PD"
        else:
            free = term.expiry + 1
            state = f"PD since 1 Jan {free}" if term.expiry < year else f"in copyright until 1 Jan {free}"
            text = f"{where}: {term.rule} -> protected to end of {term.expiry}: {state}"
        out.append(Reason(text, cite(term.cite), layer_name))
    if layer.status == UNKNOWN and len(layer.terms) > 1:
        out.append(
            Reason(
                f"{country}: the possible facts give different answers, so no decision",
                cite("precautionary"),
                layer_name,
            )
        )
    elif layer.status == PD and len(layer.terms) > 1:
        out.append(Reason(f"{country}: PD whichever of the possible facts is true", "", "other"))
    return out
