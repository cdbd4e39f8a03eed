"""US terms (17 USC) for one scenario, as Commons requires them."""

from __future__ import annotations

from glamwiki.rights.facts import CROWN, NAMED, SOUND, US_FEDERAL
from glamwiki.rights.terms import NEVER, PUB_YEAR_UNKNOWN, Scenario, Term, unknown
from glamwiki.rights.uk import uk_term

URAA_DATE_YEAR = 1996  # UK restoration date: 1 Jan 1996


def us_term(s: Scenario) -> Term:
    if s.authorship == US_FEDERAL:
        return Term(NEVER, "work of the US federal government", "us_federal", route="federal")
    if s.authorship == CROWN:
        uk = uk_term(s)
        return Term(uk.expiry, "Crown copyright expiry applied worldwide (HMSO 2005)", "us_crown", uk.missing, "crown")
    if s.category == SOUND:
        return sound_term(s)
    if s.pub is None:
        return _unpublished(s)
    if s.pub == PUB_YEAR_UNKNOWN:
        return unknown("publication_year", "published: publication + 95", "us_published")
    pub = s.pub
    if pub <= 1977:
        uk = uk_term(s) if s.origin != "US" else None
        if uk is None or (pub + 95 < URAA_DATE_YEAR and (uk.expiry is None or uk.expiry >= URAA_DATE_YEAR)):
            return Term(pub + 95, f"published {pub}: publication + 95", "us_published", route="expired")
        if uk.expiry is not None and uk.expiry < URAA_DATE_YEAR:
            return Term(
                NEVER,
                f"PD in the UK on 1 Jan 1996 (UK term ended {uk.expiry}): not restored",
                "us_pd1996",
                route="1996",
            )
        return Term(pub + 95, f"published {pub}, restored by the URAA: publication + 95", "us_uraa", route="expired")
    if s.authorship == NAMED:
        if s.death is None:
            return unknown("creator_death_year", "published from 1978: life + 70", "us_later")
        return Term(s.death + 70, f"published {pub}: life + 70 (died {s.death})", "us_later", route="life")
    made = s.made_year if s.made_year is not None else pub
    return Term(
        min(pub + 95, made + 120), "anonymous, published from 1978: shorter of pub + 95, made + 120", "us_later"
    )


def _unpublished(s: Scenario) -> Term:
    if s.authorship == NAMED:
        if s.death is None:
            return unknown("creator_death_year", "unpublished: life + 70", "us_unpublished")
        return Term(s.death + 70, f"unpublished: life + 70 (died {s.death})", "us_unpublished", route="unpublished")
    if s.made_year is None:
        return unknown("creation_year", "unpublished, author unknown: made + 120", "us_unpublished")
    return Term(
        s.made_year + 120,
        f"unpublished, author unknown: made {s.made_year} + 120",
        "us_unpublished",
        route="unpublished",
    )


def sound_term(s: Scenario) -> Term:
    if s.pub == PUB_YEAR_UNKNOWN:
        return unknown("publication_year", "sound recording", "us_sound")
    if s.pub is None:
        made = s.made_year
        if made is None:
            return unknown("creation_year", "unpublished sound recording", "us_sound")
        if made < 1972:
            return Term(2067, "pre-1972 sound recording: 15 Feb 2067", "us_sound", route="record")
        return _unpublished(s)
    pub = s.pub
    if pub < 1923:
        rec = Term(2021, f"sound recording published {pub}: PD from 1 Jan 2022", "us_sound", route="record")
    elif pub <= 1946:
        rec = Term(pub + 100, f"sound recording published {pub}: publication + 100", "us_sound", route="record")
    elif pub <= 1956:
        rec = Term(pub + 110, f"sound recording published {pub}: publication + 110", "us_sound", route="record")
    elif pub <= 1972:
        rec = Term(2067, f"sound recording published {pub}: 15 Feb 2067", "us_sound", route="record")
    else:
        rec = Term(pub + 95, f"sound recording published {pub}: publication + 95", "us_published", route="record")
    if s.authorship == NAMED and s.death is not None and rec.expiry is not None:
        comp = pub + 95 if pub <= 1977 else s.death + 70
        if comp > rec.expiry:
            return Term(comp, f"composition: {comp} ends last", "us_published", route="record")
    return rec
