"""Issue 16: the corrections a copyright specialist asked for, and the facts a record implies (bare clone)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.rights.cases import ANON, PRINT, person, photo, work, years

from glamwiki.model.dates import DateInterval
from glamwiki.model.records import CreatorRef, ObjectRecord, Person
from glamwiki.model.rights import RightsDecision
from glamwiki.rights.engine import assess
from glamwiki.rights.presumptions import SHIPPED


def text(d: RightsDecision) -> str:
    return "\n".join(r.text for r in d.reasons) + "\n" + "\n".join(d.flags)


def test_uraa_never_restores_a_work_whose_us_term_had_run_out() -> None:
    # an engraving published 1912, engraver died 1950: UK PD only from 1 Jan 2021, but its US term ended 1987
    d = assess(work(years(1912), [person(died=1950)], **PRINT), "2014-01-01", facts={"publication_year": "1912"})
    assert d.us_status == "pd" and "restored by" not in text(d) and "never restored" in text(d)


def test_uraa_restores_a_uk_work_still_protected_in_1996() -> None:
    d = assess(work(years(1935), [person(died=1950)], **PRINT), "2026-01-01", facts={"publication_year": "1935"})
    assert d.us_status == "copyright" and d.us_expires == 2030 and "restored by the URAA" in text(d)


def test_us_works_follow_us_rules_not_the_uraa() -> None:
    us = CreatorRef(name="Ann Artist", death=years(1950), nationality="American")
    facts = {"publication_year": "1935"}
    d = assess(work(years(1935), [us], **PRINT), "2026-01-01", facts=facts)
    assert "URAA" not in text(d) and d.decision == "review" and "us_notice_and_renewal" in d.missing_facts
    d = assess(work(years(1935), [us], **PRINT), "2026-01-01", facts={**facts, "us_notice_and_renewal": "no"})
    assert d.us_status == "pd"
    d = assess(work(years(1935), [us], **PRINT), "2026-01-01", facts={**facts, "us_notice_and_renewal": "yes"})
    assert d.us_status == "copyright" and d.us_expires == 2030


def test_303a_unpublished_before_1978_protected_to_2002() -> None:
    drawing = work(years(1780), [person(died=1787)], medium="Graphite on paper", object_type="drawing")
    assert assess(drawing, "2002-06-01", facts={"published": "no"}).us_status == "copyright"
    d = assess(drawing, "2003-01-01", facts={"published": "no"})
    assert d.us_status == "pd" and d.us_expires == 2002 and d.decision == "upload"


def test_303a_first_published_1978_to_2002_protected_to_2047() -> None:
    drawing = work(years(1880), [person(died=1900)], medium="Graphite on paper", object_type="drawing")
    d = assess(drawing, "2026-01-01", facts={"publication_year": "1990"})
    assert d.us_status == "copyright" and d.us_expires == 2047 and d.decision == "block"


def test_an_unrecorded_publication_is_not_put_in_1978_to_2002_silently() -> None:
    drawing = work(years(1880), [person(died=1900)], medium="Graphite on paper", object_type="drawing")
    d = assess(drawing, "2026-01-01")
    assert d.decision == "upload" and any("17 USC 303(a)" in f for f in d.flags)
    settled = assess(drawing, "2026-01-01", presumptions=[SHIPPED["unique-works-unpublished"]])
    assert not any("303(a)" in f for f in settled.flags) and settled.us_expires == 2002
    assert any("publication right" in f and "presumption unique-works-unpublished" in f for f in settled.flags)


def test_a_photograph_cannot_precede_photography() -> None:
    d = assess(photo(years(1729), [person(died=1851, born=1775)]), "2026-01-01")
    assert d.decision == "review" and d.missing_facts[0] == "data_quality"
    assert any("before photography" in f for f in d.flags)


def test_making_after_acquisition_is_flagged() -> None:
    record = ObjectRecord(id="x", creators=[person(died=1900)], date=years(1950), credit_line="Presented by X 1920")
    d = assess(record, "2026-01-01")
    assert d.decision == "review" and any("held by 1920" in f for f in d.flags)


def test_acquisition_bounds_an_undated_anonymous_work() -> None:
    record = work(DateInterval(), [ANON], medium="Watercolour on paper", object_type="drawing")
    record.extra = {"acquisition_year": "1896"}
    assert "creation_year" in assess(record.__class__(id="y", creators=[ANON]), "2026-01-01").missing_facts
    d = assess(record, "2026-01-01", facts={"publication_year": "1900"})
    assert "creation_year" not in d.missing_facts and "Made by 1896" in text(d) and d.uk_status == "pd"


def test_2039_for_anonymous_artistic_works_is_an_open_question_only_where_the_old_term_had_run() -> None:
    old = work(years(1790), [ANON], medium="Watercolour on paper", object_type="drawing")
    d = assess(old, "2026-01-01", facts={"published": "no"})
    assert d.decision == "review" and d.missing_facts == ["legal:2039-anonymous-artistic"]
    p = assess(old, "2026-01-01", facts={"published": "no"}, presumptions=[SHIPPED["anonymous-artistic-old-term-ran"]])
    assert p.decision == "upload" and "presumption anonymous-artistic-old-term-ran" in text(p)
    late = work(years(1900), [ANON], medium="Watercolour on paper", object_type="drawing")  # author may have lived
    assert assess(late, "2026-01-01", facts={"published": "no"}).uk_expires == 2039  # past 1938: 2039 stands
    engraving = work(years(1790), [ANON], **PRINT)  # unpublished engravings: perpetual before 1989, so 2039
    assert assess(engraving, "2026-01-01", facts={"published": "no"}).decision == "block"


def test_a_creator_born_with_no_death_is_alive_until_the_longest_life_has_passed() -> None:
    record = work(years(1970), [person(born=1950)])
    d = assess(record, "2026-01-01")
    assert d.decision == "block" and "taken as alive in 2026" in text(d)
    later = assess(record, "2080-01-01")  # 1950 + 122 = 2072: no longer presumed alive
    assert "taken as alive" not in text(later)


def test_floruit_bounds_death_from_the_first_active_year() -> None:
    who = Person(id="p1", name="J. Active", birth=years(1902), death=years(1902), active=years(1902))
    record = work(years(1902), [CreatorRef(name="J. Active", person_id="p1", birth=years(1902))])
    d = assess(record, "2026-01-01", persons={"p1": who})
    assert "alive in 1902, died by 2024" in text(d) and d.decision == "review"


def test_after_and_formerly_attributed_to_are_not_authors() -> None:
    turner = CreatorRef(name="J. M. W. Turner", role="after", death=years(1851))
    engraver = CreatorRef(name="An Engraver", role="artist", death=years(1950))
    d = assess(work(years(1830), [engraver, turner], **PRINT), "2014-01-01", facts={"publication_year": "1830"})
    assert d.uk_status == "copyright" and "died 1950" in text(d) and "Not the author of this object: after" in text(d)
    alone = assess(work(years(1830), [turner], **PRINT), "2026-01-01", facts={"publication_year": "1830"})
    assert "authorship unknown" in text(alone)
    former = CreatorRef(name="J. M. W. Turner", role="formerly attributed to", death=years(1851))
    assert "authorship unknown" in text(assess(work(years(1680), [former]), "2026-01-01"))


def test_country_of_origin_from_the_place_of_birth() -> None:
    who = Person(id="w", name="E. W.", birth_place="Highland Park, United States", death=years(1958))
    record = photo(years(1924), [CreatorRef(name="E. W.", person_id="w", death=years(1958))])
    d = assess(record, "2026-01-01", persons={"w": who}, facts={"publication_year": "1924"})
    assert "Country of origin US" in text(d) and "URAA" not in text(d) and d.us_status == "pd"


def test_war_artists_commissions_are_crown_works() -> None:
    record = ObjectRecord(id="w", creators=[person(died=1945)], date=years(1943), medium="Watercolour on paper",
                          credit_line="Presented by the War Artists Advisory Committee 1946")  # fmt: skip
    d = assess(record, "2026-01-01")
    assert d.decision == "upload" and d.templates == ["{{PD-Art|PD-UKGov}}"] and "Crown work" in text(d)
    assert any("check it was commissioned" in f for f in d.flags)


def test_reasons_do_not_depend_on_the_hash_seed() -> None:
    """Issue 15 item 13: the same record gives the same reasons, in the same order, under any PYTHONHASHSEED."""
    script = (
        "import json; from tests.rights.cases import CASES; from glamwiki.rights.engine import assess;"
        "from glamwiki.rights.presumptions import SHIPPED;"
        "print(json.dumps({k: [[r.text, r.citation] for r in assess(rec, '2014-01-01', facts=f,"
        " candidates=list(SHIPPED.values())).reasons] for k, (rec, f, _) in sorted(CASES.items())}))"
    )
    outs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
        outs.append(json.loads(run.stdout))
    assert outs[0] == outs[1] and len(outs[0]) == 36
