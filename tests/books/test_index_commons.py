"""The Wikisource Index page (from a wiki's field configuration) and the Commons {{Book}} page,
on the real NLW and Wellcome manifests (../shared/data/iiif-books); the configuration is the one
ProofreadPage's own tests use (fixtures/README.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glamwiki.books.commons import book_page, file_title, rights_decision
from glamwiki.books.errors import BookError
from glamwiki.books.index import fetch_config, index_fields, index_page, load_config
from glamwiki.books.metadata import book_meta
from glamwiki.books.pages import manifest_book, read_book
from glamwiki.publishing.api import ApiClient

from ..localserver import serve

FIXTURES = Path(__file__).parent / "fixtures"
CONFIG = FIXTURES / "proofreadpage-index-config.json"


def test_index_page_of_yr_ardd(shared_data: Path) -> None:
    book = read_book(shared_data / "iiif-books" / "nlw-manifest.json")
    text = index_page(load_config(CONFIG), book_meta(book, "cy"), book)
    assert text.splitlines() == [
        "{{:MediaWiki:Proofreadpage_index_template",
        "|Title=Yr ardd",
        "|Author=",
        "|Year=1864",
        '|Pages=<pagelist 1to4="roman" 5="1" />',
        "|Header=head",
        "|Footer=<references />",
        "|TOC=",
        "|Comment=",
        "|width=",
        "|CSS=",
        "}}",
    ]


def test_fields_are_filled_by_role_not_by_key() -> None:
    welsh = {  # the same roles under other keys, with a drop-down for progress
        "Teitl": {"type": "string", "data": "title"},
        "Iaith": {"type": "langcode", "data": "language"},
        "Cynnydd": {"type": "string", "data": "progress", "values": {"T": "Done", "C": "To be proofread"}},
        "Math": {"type": "string", "data": "type", "values": {"book": "Book", "journal": "Journal"}},
        "Tudalennau": {"type": "string", "data": "pagelist"},
    }
    values = {"title": "Yr ardd", "language": "cy", "pagelist": "<pagelist />", "type": "book"}
    assert index_fields(welsh, values) == [
        ("Teitl", "Yr ardd"), ("Iaith", "cy"), ("Cynnydd", "C"), ("Math", "book"), ("Tudalennau", "<pagelist />")
    ]  # fmt: skip
    assert index_fields({"Math": {"data": "type", "values": {"journal": "Journal"}}}, values) == [("Math", "")]


def test_hostile_catalogue_text_cannot_inject(tmp_path: Path) -> None:
    hostile = "}}[[Category:Spam]]{{subst:evil}}<script>|Pages=x ~~~~"
    doc = {"type": "Manifest", "id": "https://lib.example/m/1", "label": {"en": [hostile]},
           "metadata": [{"label": {"en": ["Publisher"]}, "value": {"en": ["=[[x]]"]}}],
           "items": [{"type": "Canvas", "id": "c1", "label": {"none": ["1"]}}]}  # fmt: skip
    book = manifest_book(doc, "hostile.json")
    meta = book_meta(book, "en")
    text = index_page(load_config(CONFIG), meta, book)
    body = text.removeprefix("{{:MediaWiki:Proofreadpage_index_template").removesuffix("}}")
    for bad in ("}}", "[[", "{{", "<script", "~~~~", "|Pages=x"):
        assert bad not in body
    decision = rights_decision(meta, {"publication_year": "1850", "creation_year": "1850"})
    decision.decision, decision.templates = "upload", ["{{PD-old}}"]
    page = book_page(meta, decision, "X.djvu")
    assert "[[Category:Spam]]" not in page and "{{subst" not in page and "<script" not in page


def test_commons_book_page_with_licence_from_the_rights_stage(shared_data: Path) -> None:
    book = read_book(shared_data / "iiif-books" / "nlw-manifest.json")
    meta = book_meta(book, "cy")
    title = file_title(meta, "djvu")
    assert title == "Yr ardd (1864).djvu"
    page = book_page(meta, rights_decision(meta, {"publication_year": "1864"}), title, wikisource_lang="cy",
                     categories=["Yr Ardd"])  # fmt: skip
    assert "{{Book\n" in page
    assert " |Source           = https://damsssl.llgc.org.uk/iiif/2.0/2373814/manifest.json" in page
    assert " |Wikisource       = s:cy:Index:Yr ardd (1864).djvu" in page
    assert " |Publication date = 1864" in page and " |Language         = cy" in page
    assert "{{PD-Art|PD-UK-unknown}}\n{{PD-US-expired}}" in page
    assert page.rstrip().endswith("[[Category:Yr Ardd]]")


def test_cc_by_nc_book_is_refused_for_commons(shared_data: Path) -> None:
    book = read_book(shared_data / "iiif-books" / "wellcome-p3-2.json")  # CC BY-NC 4.0, 1951 pamphlet
    meta = book_meta(book)
    decision = rights_decision(meta, {"creator_death_year": "1979", "publication_year": "1951"})
    with pytest.raises(BookError, match="the rights stage says block"):
        book_page(meta, decision, file_title(meta, "pdf"))


def test_book_waiting_for_facts_is_refused_with_the_facts_named(shared_data: Path) -> None:
    book = read_book(shared_data / "iiif-books" / "nlw-manifest.json")
    meta = book_meta(book)
    with pytest.raises(BookError, match="publication_year"):
        book_page(meta, rights_decision(meta), "Yr ardd.djvu")


def test_wiki_configuration_read_through_the_real_client() -> None:
    # prop=revisions answer in the shape documented at https://www.mediawiki.org/wiki/API:Revisions
    content = CONFIG.read_text(encoding="utf-8")
    answer = {"batchcomplete": True, "query": {"pages": [{"pageid": 7, "ns": 8,
              "title": "MediaWiki:Proofreadpage index data config", "revisions": [{"slots": {"main": {
                  "contentmodel": "json", "contentformat": "application/json", "content": content}}}]}]}}  # fmt: skip

    def route(path: str, query: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        return 200, {"Content-Type": "application/json"}, json.dumps(answer).encode()

    with serve(route) as (base, seen):
        config = fetch_config(ApiClient(f"{base}/w/api.php", "tests@example.org"))
    assert list(config)[:4] == ["Title", "Author", "Year", "Pages"]
    assert config["Pages"]["data"] == "pagelist"
    assert seen[0][1]["titles"] == "MediaWiki:Proofreadpage_index_data_config"
    assert seen[0][1]["prop"] == "revisions"


def test_structured_data_of_the_book_file(shared_data: Path) -> None:
    from glamwiki.publishing.sdc import structured_data

    book = read_book(shared_data / "iiif-books" / "nlw-manifest.json")
    meta = book_meta(book, "cy")
    data = structured_data(meta.record, rights_decision(meta, {"publication_year": "1864"}), language="cy")
    assert data["labels"] == {"cy": {"language": "cy", "value": "Yr ardd"}}
    inception = next(c for c in data["claims"] if c["mainsnak"]["property"] == "P571")
    value = inception["mainsnak"]["datavalue"]["value"]
    assert (value["time"], value["precision"]) == ("+1864-00-00T00:00:00Z", 9)  # the navDate means the year
