"""<pagelist/> from canvas labels, checked by evaluating it the way ProofreadPage does
(https://www.mediawiki.org/wiki/Help:Extension:ProofreadPage/Pagelist_tag; PageList::buildNumber),
on the real NLW manifests (../shared/data/iiif-books) and on small made-up label sequences."""

from __future__ import annotations

from pathlib import Path

import pytest

from glamwiki.books.pagelist import expected, pagelist, pagelist_attributes, render, to_roman
from glamwiki.books.pages import read_book


def _labels(data: Path, name: str) -> list[str]:
    return [p.label for p in read_book(data / "iiif-books" / name).pages]


def test_yr_ardd_roman_front_matter_then_arabic(shared_data: Path) -> None:
    labels = _labels(shared_data, "nlw-manifest.json")
    assert pagelist(labels) == '<pagelist 1to4="roman" 5="1" />'
    assert render(pagelist_attributes(labels), len(labels)) == [
        "i", "ii", "iii", "iv", "1", "2", "3", "4", "5", "6", "7", "8"
    ]  # fmt: skip


def test_nlw_register_folios_render_their_labels(shared_data: Path) -> None:
    labels = _labels(shared_data, "nlw-manuscript-manifest.json")
    attrs = pagelist_attributes(labels)
    shown = render(attrs, len(labels))
    assert shown[:5] == ["front cover", "1r", "1v", "2r", "2v"]
    assert shown[-2:] == ["239v", "back cover"]
    assert shown == expected(labels)  # every one of the 219 scans, gaps and repeats included
    assert len({k for k, _ in attrs}) == len(attrs)  # one attribute per key (a repeated key would be lost)
    assert ("2to46", "folio") in attrs and ("47", "23;folio") in attrs  # "23 r." twice in the register


def test_every_real_manifest_renders_its_labels(shared_data: Path) -> None:
    for path in sorted((shared_data / "iiif-books").glob("*.json")):
        labels = [p.label for p in read_book(path).pages]
        assert render(pagelist_attributes(labels), len(labels)) == expected(labels), path.name


def test_plain_numbering_needs_no_attributes() -> None:
    assert pagelist([str(n) for n in range(1, 30)]) == "<pagelist />"


@pytest.mark.parametrize(
    ("labels", "tag"),
    [
        (["-", "-", "i", "ii", "1", "2"], '<pagelist 1to2="-" 3="1" 3to4="roman" 5="1" />'),
        (["Cover", "I", "II", "III", "1", "2"], '<pagelist 1="Cover" 2="1" 2to4="highroman" 5="1" />'),
        (["1", "2", "Plate", "3", "4"], '<pagelist 3="Plate" 4="3" />'),
        (["5", "6", "7"], '<pagelist 1="5" />'),
        (["1v", "2r", "2v"], '<pagelist 1="1v" 2to3="folio" />'),
        (['Map "A" [[x]]', "1"], '<pagelist 1="Map A x" 2="1" />'),
    ],
)
def test_small_sequences(labels: list[str], tag: str) -> None:
    assert pagelist(labels) == tag
    assert render(pagelist_attributes(labels), len(labels)) == expected(labels)


def test_documented_example_evaluates_as_documented() -> None:
    # the example of the Help page: 1to3="-" 4="1" 4to12="roman" 13="1"
    attrs = [("1to3", "-"), ("4", "1"), ("4to12", "roman"), ("13", "1")]
    assert render(attrs, 14) == ["-", "-", "-", *[to_roman(n) for n in range(1, 10)], "1", "2"]


def test_folio_range_counts_leaves_from_its_start() -> None:
    # ProofreadPage's own PageListTest cases: 7to10=folio → scan 8 is 7v, scan 9 is 8r
    assert render([("7to10", "folio")], 10)[7:9] == ["7v", "8r"]
    assert render([("7", "2"), ("7to10", "folio")], 9)[8] == "3r"
