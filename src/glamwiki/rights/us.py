"""US terms (17 USC) for one scenario, as Commons requires them."""

from __future__ import annotations

from glamwiki.rights.facts import CROWN, NAMED, SOUND, US_FEDERAL
from glamwiki.rights.terms import NEVER, PUB_YEAR_UNKNOWN, Scenario, Term, unknown
from glamwiki.rights.uk import uk_term

URAA_DATE_YEAR = 1996  # UK restoration date: 1 Jan 1996


def us_term(s: Scenario, uk: Term | None = None) -> Term:
    """The US term in this scenario; ``uk`` is the scenario's UK term when already computed."""
    if s.authorship == US_FEDERAL:
        return Term(NEVER, "work of the US federal government", "us_federal", route="federal")
    if s.authorship == CROWN:
        uk = uk or uk_term(s)
        return Term(uk.expiry, "Crown copyright expiry applied worldwide (HMSO 2005)", "us_crown", uk.missing, "crown")
    if s.category == SOUND:
        return sound_term(s)
    if s.pub is None:
        return _unpublished(s)
    if s.pub == PUB_YEAR_UNKNOWN:
        return unknown("publication_year", "published: publication + 95", "us_published")
    pub = s.pub
    if pub <= 1977:
        return _published_before_1978(s, pub, uk)
    if s.authorship == NAMED:
        if s.death is None:
            return unknown("creator_death_year", "published from 1978: life + 70", "us_later")
        return _made_before_1978(s, Term(s.death + 70, f"published {pub}: life + 70 (died {s.death})", "us_later",
                                         route="life"))  # fmt: skip
    made = s.made_year if s.made_year is not None else pub
    return _made_before_1978(s, Term(
        min(pub + 95, made + 120), "anonymous, published from 1978: shorter of pub + 95, made + 120", "us_later"
    ))  # fmt: skip


def _published_before_1978(s: Scenario, pub: int, uk: Term | None) -> Term:
    """Published before 1978. The term was 75 years until 1998 (17 USC 304 before the CTEA): a work
    published by 1922 was PD by then whatever else is true, so nothing restored it. Later works run
    publication + 95 if US formalities were met, or if the URAA restored them; the URAA restores only
    non-US works still protected in their source country on 1 Jan 1996 (17 USC 104A(h)(6))."""
    if pub + 75 < URAA_DATE_YEAR + 2:  # 1922 + 75 = 1997: expired before the 1998 extension
        return Term(pub + 75, f"published {pub}: the US term (then 75 years) ran out by 1997; never restored",
                    "us_expired_before_uraa", route="expired")  # fmt: skip
    if s.origin == "US":
        return _us_formalities(s, pub)
    uk = uk or uk_term(s)
    if uk.expiry is not None and uk.expiry < URAA_DATE_YEAR:
        return Term(
            NEVER,
            f"published {pub}; PD in the UK on 1 Jan 1996 (UK term ended {uk.expiry}): not restored",
            "us_pd1996",
            route="1996",
        )
    if uk.expiry is None:
        return Term(None, f"published {pub}: restored by the URAA only if protected in the UK on 1 Jan 1996",
                    "us_uraa", uk.missing)  # fmt: skip
    return Term(pub + 95, f"published {pub}, protected in the UK on 1 Jan 1996 (restored by the URAA if US "
                "formalities were not met): publication + 95", "us_uraa", route="expired")  # fmt: skip


def _us_formalities(s: Scenario, pub: int) -> Term:
    """A US work published 1923-1977: protected only if published with notice (and, to 1963, renewed)."""
    if s.us_formalities in ("yes", "y"):
        return Term(pub + 95, f"US work published {pub} with notice and renewed: publication + 95", "us_published",
                    route="expired")  # fmt: skip
    if s.us_formalities in ("no", "n"):
        return Term(NEVER, f"US work published {pub} without notice or renewal: PD", "us_formalities",
                    route="formalities")  # fmt: skip
    return unknown("us_notice_and_renewal", f"US work published {pub}: depends on notice and renewal",
                   "us_formalities")  # fmt: skip


def _made_before_1978(s: Scenario, term: Term) -> Term:
    """17 USC 303(a): a work created before 1978 and first published 1978-2002 is protected to 2047 at least.
    Applied where the record (or a curator, or a presumption) says it was published then; where publication
    is not recorded at all, the engine flags the assumption instead (engine.US_303A_FLAG)."""
    made, pub = s.made_year, s.pub_year
    if not s.pub_recorded or made is None or made >= 1978 or pub is None or pub > 2002:
        return term
    if term.expiry is None or term.expiry >= 2047:
        return term
    return Term(2047, f"created before 1978, first published {pub}: not before the end of 2047", "us_303a",
                route="303a")  # fmt: skip


def _unpublished(s: Scenario) -> Term:
    if s.authorship == NAMED:
        if s.death is None:
            return unknown("creator_death_year", "unpublished: life + 70", "us_unpublished")
        term = Term(s.death + 70, f"unpublished: life + 70 (died {s.death})", "us_unpublished", route="unpublished")
    elif s.made_year is None:
        return unknown("creation_year", "unpublished, author unknown: made + 120", "us_unpublished")
    else:
        term = Term(s.made_year + 120, f"unpublished, author unknown: made {s.made_year} + 120", "us_unpublished",
                    route="unpublished")  # fmt: skip
    if s.made_year is not None and s.made_year < 1978 and term.expiry is not None and term.expiry < 2002:
        return Term(2002, f"created before 1978, unpublished: not before the end of 2002 ({term.rule})", "us_303a",
                    route="unpublished")  # fmt: skip
    return term


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
