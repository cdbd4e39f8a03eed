"""Places and nationality text to countries and UK nations, offline with pycountry's ISO 3166 data.
The place texts are Tate's own (artist_data.csv, CC0, in the bundled demo sample and the shared data)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from glamwiki.demo import sample_folder
from glamwiki.gaps.places import country_label, resolve, resolve_nationality


@pytest.mark.parametrize(
    ("text", "country", "nation"),
    [
        ("Edinburgh, United Kingdom", "GB", "Scotland"),  # a council area of Scotland (GB-EDH)
        ("Cardiff, United Kingdom", "GB", "Wales"),  # "Cardiff [Caerdydd GB-CRF]"
        ("Caerdydd", "GB", "Wales"),  # its Welsh name
        ("Belfast, United Kingdom", "GB", "Northern Ireland"),
        ("London", "GB", "England"),  # Tate sometimes gives the city alone
        ("Norwich, United Kingdom", "GB", ""),  # a town named in no ISO subdivision: the nation is not guessed
        ("Chelsea, United Kingdom", "GB", "England"),  # inside "Kensington and Chelsea" only
        ("Oxford, United Kingdom", "GB", "England"),  # the root of "Oxfordshire"
        ("Perth, United Kingdom", "GB", "Scotland"),  # "Perth and Kinross"
        ("Polska", "PL", ""),  # endonyms, from pycountry's translations
        ("Deutschland", "DE", ""),
        ("Éire", "IE", ""),
        ("Philadelphia, United States", "US", ""),
        ("Rossiya", "RU", ""),  # Tate's romanisations
        ("Ceská Republika", "CZ", ""),
    ],
)
def test_place_texts(text: str, country: str, nation: str) -> None:
    place = resolve(text)
    assert place is not None and (place.country_code, place.nation) == (country, nation)


def test_unresolvable_text_is_none_and_nationalities_read() -> None:
    assert resolve("Birmingham, Alabama").country_code == "US"  # type: ignore[union-attr]  # not the UK's Birmingham
    assert resolve("Clifton, Bristol").nation == "England"  # type: ignore[union-attr]
    assert resolve("Pittsburgh, Pennsylvania").country_code == "US"  # type: ignore[union-attr]  # a US state
    assert resolve("Kensington, Maryland") is None  # Liberia has a Maryland too: not guessed
    assert resolve("Chelsea") is None  # a name inside a UK subdivision counts only when the text says UK
    assert resolve("Jugoslavija") is None and resolve("Saint Hélier") is None and resolve("") is None
    assert resolve_nationality("Welsh").nation == "Wales"  # type: ignore[union-attr]
    assert resolve_nationality("American").country_code == "US"  # type: ignore[union-attr]
    assert resolve_nationality("Peruvian").country_code == "PE"  # type: ignore[union-attr]  # MoMA's words
    assert resolve_nationality("Puerto Rican").country_code == "PR"  # type: ignore[union-attr]
    assert country_label("Q145", {}) == "United Kingdom" and country_label("Q25", {}) == "Wales"
    assert country_label("Q29999", {"Q29999": "Kingdom of the Netherlands"}) == "Kingdom of the Netherlands"
    assert country_label("Q99999999", {}) == "Q99999999 (country item not fetched)"


def _share_resolved(path: Path) -> tuple[int, int]:
    with open(path, encoding="utf-8-sig") as f:
        places = [r["placeOfBirth"] for r in csv.DictReader(f) if r["placeOfBirth"]]
    return sum(resolve(p) is not None for p in places), len(places)


def test_tate_sample_places_resolve() -> None:
    found, total = _share_resolved(sample_folder() / "artist_data.csv")
    assert total > 100 and found == total


def test_whole_tate_places(shared_data: Path) -> None:
    found, total = _share_resolved(shared_data / "tate" / "artist_data.csv")
    assert total == 3040 and found >= 3008  # 98.9%; the rest ("Schlesien", "Jugoslavija"...) are listed
    assert resolve("Stoke on Trent").nation == "England"  # type: ignore[union-attr]  # "Stoke-on-Trent" in ISO
