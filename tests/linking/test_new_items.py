"""New Wikidata items for unmatched people: humans only, natural labels, dates at the precision
written, the institution's own id property (format-checked), references with a real retrieval date."""

from __future__ import annotations

import json

import pytest
from tests.linking.qs_v1 import check_quickstatements

from glamwiki.linking.human import creator_kind, natural_label
from glamwiki.linking.new_items import Refusal, new_item
from glamwiki.linking.wikidata.settings import IdProperty, WikidataSettings, parse_settings, profile_settings
from glamwiki.linking.wikidata.statements import Item, as_json, quickstatements, wbeditentity
from glamwiki.linking.wikidata.times import time_claims
from glamwiki.model.dates import DateInterval
from glamwiki.model.records import Person

TATE = profile_settings("tate")


def _claims(d: DateInterval) -> list[tuple]:
    return [(c.kind, c.value, [(q.prop, q.value) for q in c.qualifiers]) for c in time_claims("P569", d)]


def test_dates_at_the_precision_written() -> None:
    assert _claims(DateInterval("12 May 1850", "1850-05-12", "1850-05-12")) == [
        ("time", ("+1850-05-12T00:00:00Z", 11), [])]  # fmt: skip
    assert _claims(DateInterval("1850", "1850-01-01", "1850-12-31")) == [("time", ("+1850-00-00T00:00:00Z", 9), [])]
    assert _claims(DateInterval("1850s", "1850-01-01", "1859-12-31", ("decade",)))[0][1] == (
        "+1850-00-00T00:00:00Z", 8)  # fmt: skip
    assert _claims(DateInterval("19th century", "1800-01-01", "1900-12-31", ("century",)))[0][1] == (
        "+1900-00-00T00:00:00Z", 7)  # fmt: skip
    assert _claims(DateInterval("c. 1850", "1845-01-01", "1855-12-31", ("circa",))) == [
        ("time", ("+1850-00-00T00:00:00Z", 9), [("P1480", "Q5727902")])]  # fmt: skip
    # "1728 or 32" is neither a century nor a range: two year statements
    assert [c[1] for c in _claims(DateInterval("1728 or 32", "1728-01-01", "1732-12-31", ("one-of",)))] == [
        ("+1728-00-00T00:00:00Z", 9), ("+1732-00-00T00:00:00Z", 9)]  # fmt: skip
    # a range: unknown value between earliest and latest, never a made-up middle or a century
    bounds = [("P1319", ("+1725-00-00T00:00:00Z", 9)), ("P1326", ("+1730-00-00T00:00:00Z", 9))]
    assert _claims(DateInterval("1725-30", "1725-01-01", "1730-12-31")) == [("somevalue", None, bounds)]
    assert _claims(DateInterval("?1750", "1750-01-01", "1750-12-31", ("uncertain",)))[0][2] == [("P1480", "Q18122778")]
    assert _claims(DateInterval()) == []


def test_humans_only() -> None:
    for name in ("Italian or German (?) School 17th century", "British School 18th century"):
        assert creator_kind(name) == "school"
    ant_farm = "Ant Farm (Chip Lord, born 1944, Doug Michels, 1943-2003, Curtis Schreier, born 1944)"
    assert creator_kind(ant_farm) == "group"
    assert creator_kind("Gilbert & George", "group") == "group"
    assert creator_kind("London Gallery") == "organisation"
    assert creator_kind("Thomas Gainsborough (?)") == "uncertain"
    assert creator_kind("Henry Moore") == "human" and creator_kind("Gego (Gertrud Goldschmidt)") == "human"
    school = new_item("tate", Person(id="56", name="British School 16th century"), TATE)
    assert isinstance(school, Refusal) and "school" in school.why


@pytest.mark.parametrize(
    ("name", "sort_name", "label"),
    [
        ("Augustus John", "John, Augustus, OM", "Augustus John"),
        ("Sir Jacob Epstein", "Epstein, Sir Jacob", "Jacob Epstein"),
        ("Henry Moore", "Moore, Henry, OM, CH", "Henry Moore"),
        ("Cedric Morris", "Morris, Sir Cedric, Bt", "Cedric Morris"),
        ("Dame Barbara Hepworth", "Hepworth, Dame Barbara", "Barbara Hepworth"),
        ("The Hon. John Collier", None, "John Collier"),
        ("John Ferneley", "Ferneley, John, II", "John Ferneley II"),
        ("Thomas Barker", "Barker, Thomas, of Bath", "Thomas Barker of Bath"),
        ("Mary Miss", "Miss, Mary", "Mary Miss"),  # a surname, not a title
    ],
)
def test_labels_in_natural_order_without_honorifics(name: str, sort_name: str | None, label: str) -> None:
    got, aliases = natural_label(name, sort_name)
    assert got == label
    if sort_name:
        assert sort_name in aliases  # the catalogue's form stays findable


def test_statements_identifier_and_references() -> None:
    year = DateInterval("1930", "1930-01-01", "1930-12-31")
    url = "http://www.tate.org.uk/art/artists/magdalena-abakanowicz-10093"
    woman = Person(id="10093", name="Magdalena Abakanowicz", sort_name="Abakanowicz, Magdalena", gender="Female",
                   birth=year, nationality="Polish", identifiers={"ulan": "500012345"}, url=url)  # fmt: skip
    item = new_item("tate", woman, TATE)
    assert isinstance(item, Item)
    assert [c.prop for c in item.claims] == ["P31", "P21", "P569", "P106", "P245", "P2741"]
    assert ("P2741", "10093") in [(c.prop, c.value) for c in item.claims]  # Tate artist ID, not P1795
    assert item.aliases == ["Abakanowicz, Magdalena"] and item.description == "Polish artist, born 1930"
    qs = quickstatements(item)
    assert check_quickstatements(qs) == []
    assert 'LAST\tAen\t"Abakanowicz, Magdalena"' in qs
    assert '\tS248\tQ430682\tS854\t"http://www.tate.org.uk/' in qs
    assert "\tS813\t+2014-10-00T00:00:00Z/10" in qs  # the export's date, at its precision; never today
    entity = wbeditentity(item)
    p21 = next(c for c in entity["claims"] if c["mainsnak"]["property"] == "P21")
    assert p21["mainsnak"]["datavalue"]["value"]["id"] == "Q6581072"
    assert set(p21["references"][0]["snaks"]) == {"P854", "P248", "P813"}
    assert json.loads(as_json(item)) == entity


def test_no_retrieval_date_unless_known_and_no_id_property_unless_set() -> None:
    item = new_item("x", Person(id="7", name="Someone", url="https://example.org/7"), WikidataSettings())
    assert isinstance(item, Item)
    assert "P813" not in quickstatements(item) and "P21" not in [c.prop for c in item.claims]
    assert [s.prop for s in item.reference] == ["P854"]


def test_a_value_breaking_the_format_is_left_out_and_reported() -> None:
    settings = WikidataSettings(person_id=IdProperty("P2741", "url_last", r"[1-9]\d*"))
    item = new_item("tate", Person(id="1", name="Ger van Elk", url="http://www.tate.org.uk/art/artists/ger-van-elk-1052"),
                    settings)  # fmt: skip
    assert isinstance(item, Item)
    assert "P2741" not in [c.prop for c in item.claims]
    assert item.problems and "ger-van-elk-1052" in item.problems[0]


def test_floruit_not_birth_and_death() -> None:
    active = DateInterval("active 1531–1570", "1531-01-01", "1570-12-31", ("active",))
    item = new_item("tate", Person(id="34", name="John Bettes", birth=active, death=active), TATE)
    assert isinstance(item, Item)
    props = [c.prop for c in item.claims]
    assert "P1317" in props and "P569" not in props and "P570" not in props


def test_profile_mapping_is_checked() -> None:
    assert profile_settings("moma").person_id.prop == "P2174"  # type: ignore[union-attr]
    assert profile_settings("nga").person_id.prop == "P2252"  # type: ignore[union-attr]
    from glamwiki.errors import ConfigError

    with pytest.raises(ConfigError, match="property id"):
        parse_settings({"wikidata": {"person_id": {"property": "2741"}}}, "mapping.toml")
    with pytest.raises(ConfigError, match="retrieved"):
        parse_settings({"wikidata": {"retrieved": "today"}}, "mapping.toml")
