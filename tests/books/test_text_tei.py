"""Text back: Page wikitext in ProofreadPage's serialisation (PageContentHandler, current and older
forms, as in ProofreadPage's own PageContentHandlerTest), read through the API client from recorded
answers in the documented shape (generator=proofreadpagesinindex, prop=revisions|proofread) served
on 127.0.0.1; the TEI checked against the Bodleian consolidated schema the shared Wellcome TEI names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from glamwiki.books.errors import BookError
from glamwiki.books.pages import read_book
from glamwiki.books.tei import TEI_NS, schema, tei_document, validate, write_tei
from glamwiki.books.text import plain_text, read_pages, split_page
from glamwiki.publishing.api import ApiClient

from ..localserver import serve

CURRENT = '<noinclude><pagequality level="3" user="Woot" />{{rh||GARDD.|5}}</noinclude>{{sc|Yr}} ardd{{nop}}<noinclude><references/></noinclude>'  # noqa: E501
OLDER = '<noinclude><pagequality level="4" user="Woot" /><div class="pagetext">Experimental header\n\n\n</noinclude>Experimental body<noinclude>Experimental footer</div></noinclude>'  # noqa: E501


def test_split_page_current_and_older_serialisation() -> None:
    assert split_page(CURRENT) == ("{{rh||GARDD.|5}}", "{{sc|Yr}} ardd{{nop}}", "<references/>", 3)
    assert split_page(OLDER) == ("Experimental header", "Experimental body", "Experimental footer", 4)
    assert split_page("just text") == ("", "just text", "", None)


def test_plain_text_keeps_printed_words_and_drops_markup() -> None:
    body = ("It was a {{sc|fine}} day in [[Dolgellau|the town]] of {{hws|Dolgel|Dolgellau}}<ref>a note</ref>"
            "\n\n\n'''Second''' paragraph<br />next line{{nop}}")  # fmt: skip
    assert plain_text(body) == "It was a fine day in the town of Dolgel\n\nSecond paragraph\nnext line"


def _pages_answer(start: int, bodies: dict[int, tuple[int | None, str]], batch: int) -> dict:
    pages = []
    for n in range(start, min(start + batch, len(bodies) + 1)):
        level, text = bodies[n]
        title = f"Page:Yr ardd (1864).djvu/{n}"
        if level is None:
            pages.append({"ns": 104, "title": title, "missing": True})
            continue
        pages.append({"pageid": 500 + n, "ns": 104, "title": title,
                      "revisions": [{"slots": {"main": {"contentmodel": "proofread-page", "content": text}}}],
                      "proofread": {"quality": level, "quality_text": "x"}})  # fmt: skip
    body: dict = {"batchcomplete": True, "query": {"pages": pages}}
    if start + batch <= len(bodies):
        body["continue"] = {"gprppiifrom": start + batch, "continue": "gprppiifrom||"}
    return body


def _page(level: int, header: str, body: str) -> str:
    return f'<noinclude><pagequality level="{level}" user="A" />{header}</noinclude>{body}<noinclude></noinclude>'


BODIES: dict[int, tuple[int | None, str]] = {
    n: (0, _page(0, "", "")) if n <= 2 else (None, "") if n == 7 else
    (3, _page(3, f"{{{{rh||YR ARDD.|{n - 4}}}}}", f"Tudalen {n}, llinell un\nllinell dau\n\nParagraff & <ail>"))
    for n in range(1, 13)
}  # fmt: skip


def test_text_and_tei_of_yr_ardd(shared_data: Path, tmp_path: Path) -> None:
    book = read_book(shared_data / "iiif-books" / "nlw-manifest.json")

    def route(path: str, query: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        answer = _pages_answer(int(query.get("gprppiifrom", "1")), BODIES, 5)
        return 200, {"Content-Type": "application/json"}, json.dumps(answer).encode()

    with serve(route) as (base, seen):
        texts = list(read_pages(ApiClient(f"{base}/w/api.php", "tests@example.org"), "Yr ardd (1864).djvu"))
    assert [t.number for t in texts] == list(range(1, 13)) and len(seen) == 3
    assert seen[0][1]["prop"] == "revisions|proofread" and seen[0][1]["rvslots"] == "main"
    assert texts[0].text == "" and texts[6].quality is None
    assert texts[4].text == "Tudalen 5, llinell un\nllinell dau\n\nParagraff & <ail>"
    assert "YR ARDD" not in " ".join(t.text for t in texts)  # the running header is not text

    doc = tei_document(book.label, book.pages, texts, source=book.manifest_id or "", index="Index:Yr ardd (1864).djvu",
                       wiki=f"{base}/w/api.php", language="cy")  # fmt: skip
    assert validate(doc) == []
    out = tmp_path / "yr-ardd.xml"
    write_tei(doc, out)
    tree = etree.parse(str(out))
    pbs = tree.findall(f".//{{{TEI_NS}}}pb")
    assert [pb.get("n") for pb in pbs] == [p.label for p in book.pages]
    assert [pb.get("facs") for pb in pbs] == [p.canvas for p in book.pages]
    fifth = pbs[4].getnext()
    assert fifth.tag == f"{{{TEI_NS}}}p" and fifth.text == "Tudalen 5, llinell un"
    assert fifth.find(f"{{{TEI_NS}}}lb").tail == "llinell dau"
    assert pbs[6].getnext().tag == f"{{{TEI_NS}}}pb"  # page 7 not created yet: a bare <pb/>


def test_schema_refuses_a_broken_document() -> None:
    doc = etree.ElementTree(etree.fromstring(f'<TEI xmlns="{TEI_NS}"><text><body><pb bogus="1"/></body></text></TEI>'))
    assert validate(doc)
    with pytest.raises(BookError, match="does not validate"):
        write_tei(doc, Path("unused.xml"))


def test_the_schema_is_the_one_the_shared_wellcome_tei_names(shared_data: Path) -> None:
    rng = schema()
    files = sorted((shared_data / "tei-wellcome").glob("*.xml"))
    valid = [f.name for f in files if rng.validate(etree.parse(str(f)))]
    assert "Batak_66485.xml" in valid and len(files) == 60
    assert len(valid) == 38  # the shared files themselves: 38 of 60 valid against the current schema
    assert all(b"consolidated-tei-schema" in f.read_bytes()[:400] for f in files)
