"""The Tate records issue 16 names, from the real export, before (as the issue reports them) and after."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.rights.tate_named import tate_named

from glamwiki.model.records import ObjectRecord, Person
from glamwiki.model.rights import RightsDecision
from glamwiki.rights.engine import assess
from glamwiki.rights.presumptions import SHIPPED

TODAY = "2026-11-30"


@pytest.fixture(scope="module")
def named(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, ObjectRecord], dict[str, Person]]:
    from tests.conftest import require_shared

    return tate_named(require_shared(), Path(tmp_path_factory.mktemp("tate-named")))


def decide(named: tuple, acno: str, as_of: str = TODAY, *presume: str) -> RightsDecision:
    objects, persons = named
    return assess(objects[acno], as_of, persons=persons, presumptions=[SHIPPED[p] for p in presume],
                  candidates=list(SHIPPED.values()))  # fmt: skip


def text(d: RightsDecision) -> str:
    return "\n".join(r.text for r in d.reasons) + "\n" + "\n".join(d.flags)


def test_acquisition_and_a_schools_century_bound_the_making(named: tuple) -> None:
    d = decide(named, "A00051")  # British School 18th century, bequeathed 1896
    assert "creation_year" not in d.missing_facts  # was "date of making unknown"
    assert "Made 1700 to 1799" in text(d)
    assert d.would_decide == ["anonymous-artistic-old-term-ran"]
    d = decide(named, "P03011")  # c.1917, presented 1918: made by 1918
    assert "Made by 1918" in text(d)


def test_floruit_is_not_a_death_year(named: tuple) -> None:
    d = decide(named, "T11014")  # J. Oppenheimer, "active 1902"
    assert "creator died 1902" not in text(d) and "alive in 1902" in text(d)  # 1902 is only one possibility
    assert d.decision == "review" and "creator_death_year" in d.missing_facts


def test_a_living_photographer_blocks(named: tuple) -> None:
    d = decide(named, "P13075")  # Robert Frank, born 1924, no death recorded
    assert d.decision == "block" and d.uk_status == "copyright"
    assert "taken as alive in 2026" in text(d) and "1946" not in text(d).split("Made")[0]


def test_a_us_photographer_is_never_restored_by_the_uraa(named: tuple) -> None:
    d = decide(named, "P13095")  # Edward Weston, born Highland Park, United States
    assert "Country of origin US" in text(d) and "URAA" not in text(d)
    assert d.decision == "review" and "us_notice_and_renewal" in d.missing_facts


def test_war_artists_commissions_are_crown_works(named: tuple) -> None:
    d = decide(named, "N05702")  # War Artists Advisory Committee, 1943
    assert d.decision == "upload" and any("PD-UKGov" in t for t in d.templates)
    assert "War Artists Advisory Committee" in text(d) and "2093" not in text(d)
    p = decide(named, "P03011", TODAY, "prints-published-when-made")  # Ministry of Information, 1917
    assert "Ministry of Information" in text(p) and p.decision == "upload" and "restored" not in text(p)


def test_a_print_published_1920_is_not_restored(named: tuple) -> None:
    d = decide(named, "T04873", "2014-01-01")  # Frank Short, mezzotint published 1920; died 1945
    assert "restored" not in text(d).replace("never restored", "")
    assert d.us_status == "pd" and d.uk_status == "copyright" and d.decision == "block"
    assert decide(named, "T04873").decision == "upload"


def test_unpublished_blake_is_protected_in_the_us_to_2002(named: tuple) -> None:
    d = decide(named, "A00001")
    assert d.us_expires == 2002 and "1857" not in [str(d.us_expires)]
    assert "not before the end of 2002" in text(d) and d.decision == "upload"
    assert not any("303(a)" in f for f in d.flags)  # made by 1787: 1978 is beyond the publication horizon


@pytest.mark.parametrize("acno", ["D00896", "T10672"])
def test_anonymous_18th_century_drawings_put_the_2039_question(named: tuple, acno: str) -> None:
    d = decide(named, acno)
    assert d.decision == "review" and "legal:2039-anonymous-artistic" in d.missing_facts
    settled = decide(named, acno, TODAY, "anonymous-artistic-old-term-ran")
    assert settled.decision == "upload" and "presumption anonymous-artistic-old-term-ran" in text(settled)


def test_a_photograph_before_photography_is_flagged(named: tuple) -> None:
    d = decide(named, "A01146")  # "Photograph on paper", Turner, 1819
    assert d.decision == "review" and d.missing_facts[0] == "data_quality"
    assert any("before photography" in f for f in d.flags)


def test_formerly_attributed_is_not_the_author(named: tuple) -> None:
    d = decide(named, "D36666")  # formerly attributed to Turner, c.1680
    assert "deathyear=1851" not in " ".join(d.templates) and "authorship unknown" in text(d)
    assert "formerly attributed to Joseph Mallord William Turner" in text(d)
