"""Properties of the engine over generated records: monotone in time from 2000 on, and never
upload when a date range straddles an expiry."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from glamwiki.model.dates import DateInterval
from glamwiki.model.records import (
    FORM_2D,
    FORM_3D,
    FORM_PHOTOGRAPH,
    FORM_SOUND,
    FORM_TEXT,
    ORGANISATION,
    PERSON,
    UNKNOWN_AGENT,
    CreatorRef,
    ObjectRecord,
)
from glamwiki.rights import assess

from .cases import person, work, years

FORMS = [FORM_2D, FORM_3D, FORM_PHOTOGRAPH, FORM_TEXT, FORM_SOUND, "moving-image"]
STATEMENTS = [
    None,
    "CC BY-NC 4.0",
    "https://creativecommons.org/licenses/by-sa/4.0/",
    "http://rightsstatements.org/vocab/NoC-US/1.0/",
    "http://rightsstatements.org/vocab/NoC-CR/1.0/",
    "http://rightsstatements.org/vocab/InC/1.0/",
    "https://creativecommons.org/publicdomain/mark/1.0/",
    "© The estate of the artist",
    "No known copyright restrictions",
]


def _interval(draw, lo: int, hi: int) -> DateInterval:  # type: ignore[no-untyped-def]
    if draw(st.booleans()) and draw(st.booleans()):
        return DateInterval()
    a = draw(st.integers(lo, hi))
    b = a + draw(st.sampled_from([0, 0, 1, 5, 30]))
    return years(a, b)


@st.composite
def records(draw) -> tuple[ObjectRecord, dict[str, str]]:  # type: ignore[no-untyped-def]
    made = _interval(draw, 1700, 2020)
    creators = []
    for _ in range(draw(st.integers(0, 2))):
        kind = draw(st.sampled_from([PERSON, PERSON, UNKNOWN_AGENT, ORGANISATION]))
        name = draw(st.sampled_from(["Ann Artist", "Unknown artist", "HMSO", "NASA", "Ministry of Information"]))
        born = _interval(draw, 1650, 2000)
        died = _interval(draw, 1700, 2020)
        creators.append(CreatorRef(name=name, kind=kind, birth=born, death=died))
    record = ObjectRecord(
        id="p", date=made, creators=creators, form=draw(st.sampled_from(FORMS)),
        medium=draw(st.sampled_from([None, "Etching", "Gelatin silver print", "Oil on canvas"])),
        rights_statement=draw(st.sampled_from(STATEMENTS)),
    )  # fmt: skip
    facts: dict[str, str] = {}
    pub = draw(st.sampled_from(["", "no", "yes", "year", "range"]))
    if pub in ("no", "yes"):
        facts["published"] = pub
    elif pub:
        y = draw(st.integers(1700, 2020))
        facts["publication_year"] = f"{y}" if pub == "year" else f"{y}-{y + draw(st.integers(1, 40))}"
    if draw(st.booleans()):
        facts["country_of_origin"] = draw(st.sampled_from(["GB", "US", "FR"]))
    if draw(st.booleans()):
        facts["made_available_year"] = str(draw(st.integers(1750, 2020)))
    return record, facts


@settings(max_examples=300, deadline=None)
@given(records(), st.integers(2000, 2140), st.integers(1, 60))
def test_nothing_becomes_unfree_as_time_passes(case, year: int, step: int) -> None:  # type: ignore[no-untyped-def]
    record, facts = case
    early = assess(record, f"{year}-01-01", facts=facts)
    late = assess(record, f"{year + step}-01-01", facts=facts)
    if early.decision == "upload":
        assert late.decision == "upload", (early.reasons, late.reasons)
    for layer in ("uk_status", "us_status"):
        if getattr(early, layer) == "pd":
            assert getattr(late, layer) == "pd"


@settings(max_examples=200, deadline=None)
@given(st.integers(1900, 2000), st.integers(1, 40), st.integers(0, 39), st.sampled_from(["no", "unknown"]))
def test_death_range_straddling_the_uk_expiry_is_never_uploaded(lo: int, width: int, offset: int, pub: str) -> None:
    """Death in [lo, lo + width]; evaluated in a year where lo + 70 has passed but hi + 70 has not."""
    offset = offset % width
    year = lo + 71 + offset
    record = work(years(lo - 30), [CreatorRef(name="Ann Artist", death=years(lo, lo + width))])
    d = assess(record, f"{year}-01-01", facts={"published": "no"} if pub == "no" else {})
    assert d.decision != "upload"
    assert d.uk_status == "unknown"
    if d.us_status == "copyright":  # e.g. unpublished before 1978: protected in the US to 2002 at least (303(a))
        assert d.decision == "block"
    else:
        assert "creator_death_year" in d.missing_facts


@settings(max_examples=200, deadline=None)
@given(st.integers(1931, 1970), st.integers(1, 7), st.integers(0, 6))
def test_publication_range_straddling_the_us_expiry_is_never_uploaded(lo: int, width: int, offset: int) -> None:
    """A UK painting by an artist who died in 1930, first published in [lo, lo + width] (URAA-restored)."""
    year = lo + 96 + offset % width
    record = work(years(lo - 5), [person(died=1930)])
    d = assess(record, f"{year}-01-01", facts={"publication_year": f"{lo}-{lo + width}"})
    assert d.decision != "upload"
    assert d.us_status == "unknown" and "publication_year" in d.missing_facts


def test_lifespan_bound_lets_old_unknown_deaths_be_decided() -> None:
    record = work(years(1790), [person(born=1760)])
    d = assess(record, "2026-01-01")
    assert d.decision == "upload"
    assert any("122" in r.text and "Calment" in r.text for r in d.reasons)
    young = assess(work(years(1990), [person(born=1960)]), "2026-01-01")
    assert young.decision == "block"


@settings(max_examples=150, deadline=None)
@given(st.integers(1860, 1990), st.integers(1, 30), st.integers(0, 29))
def test_making_date_straddling_an_anonymous_expiry_is_never_uploaded(lo: int, width: int, offset: int) -> None:
    """An anonymous photograph published the year it was made, made in [lo, lo + width]."""
    year = lo + 71 + offset % width
    record = work(years(lo, lo + width), [CreatorRef(name="Unknown photographer", kind=UNKNOWN_AGENT)])
    d = assess(record, f"{max(year, 2000)}-01-01", facts={"published": "no", "work_type": "photograph"})
    if d.decision == "upload":  # then every possible making date must give PD in both countries
        for made in (lo, lo + width):
            one = assess(
                work(years(made), record.creators), d.as_of, facts={"published": "no", "work_type": "photograph"}
            )
            assert one.decision == "upload"
