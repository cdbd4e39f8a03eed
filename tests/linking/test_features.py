"""Comparison levels: names, dates as intervals (conflicts count against), identifiers."""

from __future__ import annotations

from glamwiki.linking.entity import Entity, from_person, gap
from glamwiki.linking.features import FEATURES, MISSING, compare, name_comparison, year_level
from glamwiki.linking.identifiers import AGREE, CONFLICT, MIXED, compare_identifiers
from glamwiki.linking.names import name_forms
from glamwiki.model.dates import DateInterval
from glamwiki.model.records import Person


def year(y: int) -> DateInterval:
    return DateInterval(str(y), f"{y:04d}-01-01", f"{y:04d}-12-31")


def person(name: str, born: int | None = None, ids: dict[str, str] | None = None, **kw: object) -> Entity:
    birth = year(born) if born else DateInterval()
    return from_person(Person(id=name, name=name, birth=birth, identifiers=ids or {}, **kw))  # type: ignore[arg-type]


def level(a: str, b: str) -> str:
    lv, _ = name_comparison(name_forms(a), name_forms(b))
    return FEATURES[0].levels[lv]


def test_name_levels() -> None:
    assert level("Hans Baldung", "Hans Baldung") == "exact"
    assert level("Moriyama Daido", "Daido Moriyama") == "reordered"
    assert level("W. Eugene Smith", "William Eugene Smith") == "compatible"
    assert level("John Singer Sargent", "John Sargent") == "compatible"
    assert level("Wassily Kandinsky", "Wassily Kandinskij") == "fuzzy"
    assert level("Keith Smith", "Tony Smith") == "surname only"
    assert level("Keith Smith", "Tony Jones") == "different"


def test_years_as_intervals() -> None:
    circa = DateInterval("c. 1850", "1845-01-01", "1855-12-31")
    assert year_level((1850, 1850), (1850, 1850)) == 0
    assert year_level((1850, 1850), (1851, 1851)) == 1
    assert year_level((1845, 1855), (1850, 1850)) == 1  # "c. 1850" overlaps 1850, not the same year
    assert year_level((1850, 1850), (1854, 1854)) == 2
    assert year_level((1850, 1850), (1900, 1900)) == 3  # conflict: evidence against
    assert year_level(None, (1900, 1900)) == MISSING  # unknown is no evidence
    assert gap((1845, 1855), (1860, None)) == 5
    assert circa.contains_year(1850)


def test_compare_gives_every_feature() -> None:
    a = person("Irene Aronson", 1918, nationality="American", gender="Female")
    b = person("Aronson, Irene", 1918, nationality="american")
    levels = compare(a, b, {"aronson": 1})
    assert len(levels) == len(FEATURES)
    assert levels[0] == 0 and levels[1] == 0 and levels[2] == 0 and levels[4] == 0
    assert levels[3] == MISSING and levels[5] == MISSING


def test_identifiers_agree_conflict_mixed() -> None:
    a = person("A", ids={"ulan": "500001", "wikidata": "Q1"})
    assert compare_identifiers(a, person("B", ids={"ulan": "500001"})).status == AGREE
    assert compare_identifiers(a, person("B", ids={"ulan": "500002"})).status == CONFLICT
    assert compare_identifiers(a, person("B", ids={"ulan": "500002", "wikidata": "Q1"})).status == MIXED
    assert compare_identifiers(a, person("B", ids={"viaf": "9"})).status == ""
