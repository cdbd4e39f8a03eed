"""One word list for organisations and groups (glamwiki.model.agents): intake's kind (which the
rights engine reads) and linking's (which decides whether a new item is a human) agree.

Names are real catalogue names: MoMA's Artists export (github.com/MuseumofModernArt/collection,
CC0; the dev sample in ../shared/data/moma), the NGA's constituents (github.com/NationalGalleryOfArt/opendata,
CC0) and Tate's artist data (github.com/tategallery/collection, CC0). Before the one list, 276 of
the 37,150 names in those three files were an organisation or group for one stage and a person for
the other; after it, 5 (all schools or doubtful names that linking sets apart on purpose)."""

from __future__ import annotations

import pytest

from glamwiki.intake.names import agent_kind
from glamwiki.linking.human import creator_kind
from glamwiki.model.agents import collective_kind
from glamwiki.model.records import GROUP, ORGANISATION, PERSON

ORGANISATIONS = [
    "The Ironrite Ironer Co., Detroit, MI",  # "Co." at a comma: missed by intake before
    "Henry Schultheis Co.",  # "Co." at the end
    "Osuna Galleries",
    "Cirrus Editions",
    "Atelier Crommelynck, Paris",
    "Corning Glass Works",
    "OMA (Office for Metropolitan Architecture)",
    "Imogen Cunningham Trust",
    "Radius GmbH, Germany",
    "Print Club of Rochester",
    "Mourlot and Draeger Printers",  # a firm, not a pair
    "D. W. Kellogg & Co.",
]
GROUPS = ["Gilbert & George", "The Propeller Group", "The Collective Actions Group"]
PEOPLE = ["Moses Bank", "Henry Moore", "Gego (Gertrud Goldschmidt)", "Barbara Hepworth", "Coco Fusco"]


@pytest.mark.parametrize("name", ORGANISATIONS)
def test_organisations_are_organisations_for_both_stages(name: str) -> None:
    assert collective_kind(name) == ORGANISATION
    assert agent_kind(name) == ORGANISATION
    assert creator_kind(name, agent_kind(name)) == ORGANISATION


@pytest.mark.parametrize("name", GROUPS)
def test_groups_are_groups_for_both_stages(name: str) -> None:
    assert agent_kind(name) == GROUP
    assert creator_kind(name) == GROUP


@pytest.mark.parametrize("name", PEOPLE)
def test_people_stay_people(name: str) -> None:
    assert collective_kind(name) is None
    assert agent_kind(name) == PERSON and creator_kind(name) == "human"
