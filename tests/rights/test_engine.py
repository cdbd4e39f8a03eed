"""Engine behaviour beyond the worked cases: statements, authorship, several creators, settings."""

from __future__ import annotations

import pytest

from glamwiki.model.dates import DateInterval
from glamwiki.model.records import FORM_3D, CreatorRef, ImageRef, Person
from glamwiki.rights import assess, default_settings
from glamwiki.rights.facts import NAMED, UNKNOWN, authorship_of
from glamwiki.rights.statements import FREE, NON_FREE, PD_MARK, RIGHTS_STATEMENT, parse_statement

from .cases import ANON, person, photo, work, years

AS_OF = "2026-01-01"


@pytest.mark.parametrize(
    ("text", "kind", "code"),
    [
        ("http://rightsstatements.org/vocab/InC/1.0/", RIGHTS_STATEMENT, "InC"),
        ("https://rightsstatements.org/page/NoC-US/1.0/?language=en", RIGHTS_STATEMENT, "NoC-US"),
        ("https://creativecommons.org/publicdomain/zero/1.0/", FREE, "cc0"),
        ("https://creativecommons.org/licenses/by-sa/3.0/", FREE, "by-sa-3.0"),
        ("https://creativecommons.org/licenses/by-nc-nd/4.0/", NON_FREE, "by-nc-nd"),
        ("CC BY-NC", NON_FREE, "by-nc"),
        ("CC-BY 4.0", FREE, "by-4.0"),
        ("CC0", FREE, "cc0"),
        ("https://creativecommons.org/publicdomain/mark/1.0/", PD_MARK, ""),
        ("No known copyright restrictions", RIGHTS_STATEMENT, "NKC"),
        ("Contains public sector information licensed under the Open Government Licence v3.0.", FREE, "ogl3"),
    ],
)
def test_statements_are_read_as_given(text: str, kind: str, code: str) -> None:
    s = parse_statement(text)
    assert (s.kind, s.code) == (kind, code)


def test_copyright_notices_tell_the_work_from_the_photograph() -> None:
    assert parse_statement("© The estate of Eric Gill").claims_work
    assert not parse_statement("Photo © Tate").claims_work
    assert parse_statement(None).kind == "none"


@pytest.mark.parametrize(
    ("name", "attribution", "kind", "want"),
    [
        ("British School", None, "person", UNKNOWN),
        ("Unknown artist", None, "person", UNKNOWN),
        ("Rembrandt", "workshop of", "person", UNKNOWN),
        ("Rembrandt", "follower of", "person", UNKNOWN),
        ("Rembrandt", "attributed to", "person", NAMED),
        ("Ann Artist", None, "person", NAMED),
    ],
)
def test_unknown_authorship(name: str, attribution: str | None, kind: str, want: str) -> None:
    from glamwiki.intake.names import agent_kind

    creator = CreatorRef(name=name, attribution=attribution, kind=agent_kind(name) if kind == "person" else kind)
    assert authorship_of([creator]) == want


def test_the_last_creator_to_die_counts() -> None:
    d = assess(work(years(1900), [person("A", died=1900), person("B", died=1960)]), AS_OF, facts={"published": "no"})
    assert d.decision == "block" and d.uk_expires == 2030


def test_person_records_supply_missing_life_dates() -> None:
    creator = CreatorRef(name="Ann Artist", person_id="7")
    people = {"7": Person(id="7", name="Ann Artist", death=years(1880))}
    d = assess(work(years(1870), [creator]), AS_OF, persons=people)
    assert d.decision == "upload" and d.templates == ["{{PD-Art|PD-old-auto-expired|deathyear=1880}}"]


def test_max_lifespan_is_a_setting_with_its_source() -> None:
    record = work(years(1850), [person(born=1780)])
    assert assess(record, AS_OF).decision == "upload"
    long_lived = assess(record, AS_OF, settings=default_settings(max_lifespan=200))
    assert long_lived.decision != "upload"
    assert any("set by the user" in r.text for r in long_lived.reasons)


def test_curator_facts_override_the_catalogue() -> None:
    record = work(years(1930), [person(died=1950)])
    assert assess(record, AS_OF).decision == "review"  # publication unknown: URAA may apply
    assert assess(record, AS_OF, facts={"published": "no"}).decision == "upload"
    assert assess(record, AS_OF, facts={"publication_year": "1935"}).decision == "block"
    unknown_death = work(years(1900), [person("A Writer")])
    decided = assess(unknown_death, AS_OF, facts={"creator_death_year": "1920", "published": "no"})
    assert decided.decision == "upload"


def test_photo_of_a_3d_object_needs_the_photographers_licence() -> None:
    bust = work(years(1840), [person(died=1850)], FORM_3D, "Marble", "sculpture")
    no_licence = assess(bust, AS_OF)
    assert no_licence.decision == "review" and no_licence.missing_facts == ["reproduction_licence"]
    nc = assess(bust, AS_OF, facts={"reproduction_licence": "CC BY-NC 4.0"})
    assert nc.decision == "block"
    cc0 = assess(bust, AS_OF, facts={"reproduction_licence": "CC0"})
    assert cc0.decision == "upload" and cc0.templates[0] == "{{Cc-zero}}" and cc0.licence == "Q6938433"


def test_glam_licence_on_a_pd_painting_gives_licensed_pd_art() -> None:
    record = work(years(1880), [person(died=1900)], rights="https://creativecommons.org/publicdomain/zero/1.0/")
    d = assess(record, AS_OF)
    assert d.templates == ["{{Licensed-PD-Art|PD-old-auto-expired|cc-zero|deathyear=1900}}"]


@pytest.mark.parametrize(
    ("statement", "decision", "missing"),
    [
        ("http://rightsstatements.org/vocab/InC/1.0/", "block", None),
        ("http://rightsstatements.org/vocab/NoC-CR/1.0/", "review", "contract_allows_upload"),
        ("http://rightsstatements.org/vocab/NoC-OKLR/1.0/", "review", "other_restrictions_checked"),
        ("© The estate of the artist", "review", "rights_statement"),
        ("https://creativecommons.org/licenses/by-nd/4.0/", "upload", None),  # PD-Art route
    ],
)
def test_statements_combine_with_a_pd_result(statement: str, decision: str, missing: str | None) -> None:
    d = assess(work(years(1880), [person(died=1900)], rights=statement), AS_OF)
    assert d.decision == decision
    if missing:
        assert missing in d.missing_facts


def test_image_rights_are_read_when_the_record_has_none() -> None:
    record = work(years(2000), [person(born=1950)])
    record.images = [ImageRef(kind="url", location="http://x", rights="CC BY 4.0")]
    d = assess(record, AS_OF)
    assert d.decision == "review" and d.missing_facts == ["licensor_holds_rights"]
    ok = assess(record, AS_OF, facts={"licensor_holds_rights": "yes"})
    assert ok.decision == "upload" and ok.templates == ["{{Cc-by-4.0}}"] and ok.licence == "Q20007257"


def test_exhibition_before_1989_is_an_open_legal_question() -> None:
    watercolour = work(years(1840, 1860), [ANON], medium="Watercolour on paper", object_type="drawing")
    d = assess(watercolour, AS_OF, facts={"published": "no", "made_available_year": "1900"})
    assert d.decision == "review" and "legal:exhibition-made-available" in d.missing_facts


def test_photo_date_straddling_1_june_1957_is_not_guessed() -> None:
    d = assess(
        photo(DateInterval(earliest="1957-01-01", latest="1957-12-31"), [ANON]), AS_OF, facts={"published": "no"}
    )
    assert d.uk_status in ("copyright", "unknown")
    assert d.decision != "upload"


def test_made_within_the_creators_lifetime_when_no_date() -> None:
    d = assess(work(DateInterval(), [person(died=1910)]), AS_OF)
    assert d.decision == "upload"
    assert any("lifetime" in r.text for r in d.reasons)


def test_wikidata_values() -> None:
    d = assess(work(years(1880), [person(died=1900)]), AS_OF)
    assert (d.copyright_status, d.determination_method) == ("Q19652", "Q29940705")
    d = assess(work(years(1950), [person(died=1960)]), AS_OF, facts={"published": "no"})
    assert d.copyright_status == "Q50423863"


@pytest.mark.parametrize(
    ("text", "claims_work"),
    [
        ("© The Henry Moore Foundation. All Rights Reserved", True),  # Tate's image rights lines
        ("© Succession Marcel Duchamp/ADAGP, Paris and DACS, London 2014", True),
        ("© Richard Long", True),
        ("Photo © Tate", False),
        ("© Gallery photography department", False),
    ],
)
def test_copyright_lines_name_the_work_or_the_reproduction(text: str, claims_work: bool) -> None:
    assert parse_statement(text).claims_work is claims_work


def test_scans_of_recent_editions_wait_for_the_typographical_arrangement() -> None:
    from .cases import text

    book = text(years(1880), [person(died=1890)])
    recent = assess(book, AS_OF, facts={"publication_year": "1880", "edition_year": "2010"})
    assert recent.decision == "review" and recent.missing_facts == ["edition_year"]
    assert recent.recheck_on == "2036-01-01"
    assert any("s.15" in r.citation for r in recent.reasons)
    old = assess(book, AS_OF, facts={"publication_year": "1880", "edition_year": "1990"})
    assert old.decision == "upload"


def test_first_publication_by_the_institution_is_flagged() -> None:
    d = assess(work(years(1870), [person(died=1890)]), AS_OF, facts={"published": "no"})
    assert d.decision == "upload" and any("publication right" in f for f in d.flags)


def test_unknown_author_uploads_say_the_enquiry_must_be_recorded() -> None:
    from .cases import ANON_PHOTO

    record = photo(years(1920), [ANON_PHOTO])
    d = assess(record, AS_OF, facts={"publication_year": "1921"})
    assert d.decision == "upload" and any("recorded enquiry" in f for f in d.flags)
    done = assess(record, AS_OF, facts={"publication_year": "1921", "enquiry_recorded": "yes"})
    assert not any("recorded enquiry" in f for f in done.flags)


def test_parliamentary_copyright_is_computed_but_tagged_by_a_person() -> None:
    from .cases import text

    d = assess(text(years(1900), [person("Clerk")]), AS_OF, facts={"authorship": "parliamentary"})
    assert d.uk_status == "pd" and d.uk_expires == 1950
    assert d.decision == "review" and d.missing_facts == ["authorship"]
