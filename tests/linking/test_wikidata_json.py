"""Both written forms of every item checked against their published definitions: QuickStatements v1
lines with a checker of the v1 syntax (qs_v1.py), wbeditentity JSON against the Wikibase JSON data
model's JSON Schema (wikibase_schema.py)."""

from __future__ import annotations

import copy

from tests.linking.qs_v1 import check_quickstatements
from tests.linking.wikibase_schema import schema_errors

from glamwiki.linking.new_items import new_item
from glamwiki.linking.wikidata.settings import profile_settings
from glamwiki.linking.wikidata.statements import Item, quickstatements, wbeditentity
from glamwiki.model.dates import DateInterval
from glamwiki.model.records import Person

RANGE = DateInterval("1725-30", "1725-01-01", "1730-12-31")
CIRCA = DateInterval("c. 1850", "1845-01-01", "1855-12-31", ("circa",))


def _person() -> Item:
    item = new_item("tate", Person(id="1052", name="Ger van Elk", sort_name="van Elk, Ger", gender="Male", birth=CIRCA,
                                   death=RANGE, url='http://www.tate.org.uk/art/artists/ger-van-elk-1052'),
                    profile_settings("tate"))  # fmt: skip
    assert isinstance(item, Item)
    return item


def test_person_item_is_valid_in_both_forms() -> None:
    item = _person()
    assert check_quickstatements(quickstatements(item)) == []
    assert schema_errors(wbeditentity(item)) == []


def test_the_checkers_catch_mistakes() -> None:
    """Both checkers reject what Wikidata would reject (so a pass means something)."""
    bad_lines = "CREATE\nLAST\tP31\tQ5\tS248\nLAST\tLen\tunquoted\nLAST\tP569\t1850/9\nQ0\tP31\tQ5\n"
    problems = check_quickstatements(bad_lines)
    assert len(problems) == 4, problems
    data = wbeditentity(_person())
    broken = copy.deepcopy(data)
    broken["claims"][0]["mainsnak"]["datavalue"]["value"]["id"] = "5"
    assert schema_errors(broken)
    broken = copy.deepcopy(data)
    next(c for c in broken["claims"] if c["mainsnak"]["property"] == "P569")["mainsnak"]["datavalue"]["value"][
        "precision"] = 14  # fmt: skip
    assert schema_errors(broken)
