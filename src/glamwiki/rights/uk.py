"""UK terms (CDPA 1988 with its transitional rules) for one scenario."""

from __future__ import annotations

from glamwiki.rights.facts import (
    ARTISTIC,
    CROWN,
    ENGRAVING,
    FILM,
    LITERARY,
    NAMED,
    PARLIAMENTARY,
    PHOTOGRAPH,
    SOUND,
    US_FEDERAL,
)
from glamwiki.rights.terms import NEVER, Scenario, Term, later, unknown

COMMENCEMENT = "1989-08-01"
JUNE_1957 = "1957-06-01"
Y2039 = 2039
UK_EEA = ("", "GB", "UK", "EEA")


def uk_term(s: Scenario) -> Term:
    """The UK term of the work itself in this scenario (before the rule of the shorter term)."""
    if s.authorship == CROWN:
        return crown_term(s)
    if s.authorship == PARLIAMENTARY:
        made = s.made_year
        return (
            unknown("creation_year", "parliamentary", "uk_parliament")
            if made is None
            else (Term(made + 50, "Parliamentary copyright: made + 50", "uk_parliament"))
        )
    if s.authorship == US_FEDERAL:
        return Term(NEVER, "US federal work (no UK term beyond the US one)", "uk_shorter")
    if s.category == SOUND:
        return sound_term(s)
    if s.category == FILM and s.made_year is not None and s.made_before(JUNE_1957):
        return unknown("legal:pre-1957-film", "film made before 1 Jun 1957", "uk_film")
    return named_term(s) if s.authorship == NAMED else unknown_author_term(s)


def named_term(s: Scenario) -> Term:
    if s.death is None:
        return unknown("creator_death_year", "life + 70", "uk_life70")
    life = Term(s.death + 70, f"life + 70 (died {s.death})", "uk_life70", route="life")
    if s.category == PHOTOGRAPH:
        return _named_photo(s, life)
    if s.category in (LITERARY, ENGRAVING):
        unpublished_1989 = not s.published_before_1989
        if s.pub == -1:
            return unknown("publication_year", "life + 70 or 2039", "uk_2039")
        if unpublished_1989 and s.death < 1989:
            return later(life, Term(Y2039, "unpublished on 1 Aug 1989: 31 Dec 2039", "uk_2039"))
        if s.pub_year is not None and s.death < s.pub_year < 1989:
            return later(life, Term(s.pub_year + 50, "published after death: publication + 50", "uk_posthumous"))
    return life


def _named_photo(s: Scenario, life: Term) -> Term:
    made = s.made_year
    if made is None:
        return unknown("creation_year", "photograph: depends on when taken", "uk_photo_1957")
    if s.made_before(JUNE_1957):
        old = Term(made + 50, f"photograph taken {made}: taken + 50 (1911 Act)", "uk_photo_1911", route="life")
        if made < 1945:
            revived = Term(life.expiry, f"revived by reg 16: life + 70 (died {s.death})", "uk_photo_revival")
            return later(old, revived) if s.revival else later(old, Term(NEVER, "", "uk_photo_1911"))
        return later(old, Term(life.expiry, life.rule + " (reg 15)", "uk_photo_reg15", route="life"))
    if s.made_before(COMMENCEMENT):
        if s.pub == -1:
            return unknown("publication_year", "photograph 1957-1989", "uk_photo_1957")
        if s.published_before_1989 and s.pub_year is not None:
            return later(life, Term(s.pub_year + 50, "published photograph: publication + 50", "uk_photo_1957"))
        return later(life, Term(Y2039, "unpublished on 1 Aug 1989: 31 Dec 2039", "uk_2039"))
    return life


def _made_available_term(s: Scenario, made: int) -> Term:
    """s.12(3): made + 70, or first made available + 70 if that happens within the 70 years."""
    available = s.pub_year
    if s.exhibition_counts and s.exhibited is not None:
        available = min(x for x in (available, s.exhibited) if x is not None)
    if available is not None and available <= made + 70:
        return Term(
            available + 70, f"unknown author: first made available {available} + 70", "uk_unknown", route="anon"
        )
    return Term(made + 70, f"unknown author: made {made} + 70", "uk_unknown", route="anon")


def unknown_author_term(s: Scenario) -> Term:
    made = s.made_year
    if made is None:
        return unknown("creation_year", "unknown author: made + 70", "uk_unknown")
    if s.pub == -1:
        return unknown("publication_year", "unknown author: made available + 70", "uk_unknown")
    s12 = _made_available_term(s, made)
    if s.category == PHOTOGRAPH:
        if s.made_before(JUNE_1957):
            return later(Term(made + 50, "photograph: taken + 50 (1911 Act)", "uk_photo_1911", route="anon"), s12)
        if s.made_before(COMMENCEMENT):
            if s.published_before_1989 and s.pub_year is not None:
                return later(s12, Term(s.pub_year + 50, "published photograph: publication + 50", "uk_photo_1957"))
            return later(s12, Term(Y2039, "unpublished on 1 Aug 1989: 31 Dec 2039", "uk_2039"))
        return s12
    if not s.made_before(COMMENCEMENT) or s.published_before_1989:
        return s12
    if s.exhibited is not None and s.exhibited < 1989 and s.exhibition_counts:
        return s12
    if s.category == ARTISTIC and s.old_term_ran:
        why = "; its pre-1989 term (life + 50) had run before 1 Aug 1989, so Sch 1 para 12(3)(b) does not apply"
        return Term(s12.expiry, s12.rule + why, "uk_2039_artistic", route="anon")
    return later(s12, Term(Y2039, "unpublished on 1 Aug 1989: 31 Dec 2039", "uk_2039"))


def crown_term(s: Scenario) -> Term:
    made = s.made_year
    if made is None:
        return unknown("creation_year", "Crown copyright", "uk_crown")
    if s.pub == -1:
        return unknown("publication_year", "Crown copyright", "uk_crown")
    pub = s.pub_year
    if s.made_before(COMMENCEMENT):
        if s.category in (PHOTOGRAPH, "artistic") and s.made_before(JUNE_1957):
            return Term(
                made + 50, "Crown photograph or artistic work before 1957: made + 50", "uk_crown", route="crown"
            )
        if pub is not None and pub < 1989:
            return Term(pub + 50, "published Crown work: publication + 50", "uk_crown", route="crown")
        return later(
            Term(made + 125, "Crown copyright: made + 125", "uk_crown", route="crown"),
            Term(Y2039, "unpublished on 1 Aug 1989: 31 Dec 2039", "uk_2039", route="crown"),
        )
    if pub is not None and pub <= made + 75:
        return Term(pub + 50, "published Crown work: publication + 50", "uk_crown", route="crown")
    return Term(made + 125, "Crown copyright: made + 125", "uk_crown", route="crown")


def sound_term(s: Scenario) -> Term:
    made = s.made_year if s.made_year is not None else s.pub_year
    if s.pub == -1 or made is None:
        return unknown("publication_year" if s.pub == -1 else "creation_year", "sound recording", "uk_sound")
    pub = s.pub_year
    if pub is not None and pub <= 1962:
        rec = Term(pub + 50, f"sound recording published {pub}: publication + 50 (expired before 2013)", "uk_sound")
    elif pub is not None and pub <= made + 50:
        rec = Term(pub + 70, f"sound recording published {pub}: publication + 70", "uk_sound")
    else:
        rec = Term(made + 50, f"sound recording made {made}: made + 50", "uk_sound")
    if s.authorship == NAMED and s.death is not None:  # the composition recorded
        return later(rec, Term(s.death + 70, f"composition: life + 70 (died {s.death})", "uk_life70"))
    return rec


def in_uk_eea(origin: str) -> bool:
    return origin in UK_EEA
