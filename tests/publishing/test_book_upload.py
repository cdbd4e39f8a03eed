"""A book built from page images (DjVu and PDF) uploaded to the real local MediaWiki through the
publishing uploader: journaled, chunked, a rerun sends nothing, the wiki holds the same bytes."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from tests.books.images import page_images

from glamwiki.books.build import build_djvu, build_pdf
from glamwiki.books.commons import book_page
from glamwiki.books.metadata import BookMeta, book_meta
from glamwiki.books.pages import manifest_book
from glamwiki.books.upload import plan_book, upload_book
from glamwiki.model.rights import RightsDecision
from glamwiki.project import init_project
from glamwiki.publishing import journal as j
from glamwiki.publishing.api import ApiClient
from glamwiki.publishing.run import RunOptions
from glamwiki.publishing.upload import UploadSettings
from glamwiki.store import publishing as db

from .conftest import files_with_sha1, wiki_sha1


def _book(tmp_path: Path, n: int, name: str) -> tuple[BookMeta, RightsDecision, list[Path]]:
    canvases = [{"type": "Canvas", "id": f"c{k}", "label": {"none": [str(k)]}} for k in range(1, n + 1)]
    doc = {"type": "Manifest", "id": f"https://library.example/iiif/{n}/manifest", "label": {"cy": [name]},
           "items": canvases}  # fmt: skip
    meta = book_meta(manifest_book(doc, f"{name}.json"), "cy")
    decision = RightsDecision(dataset="books", record_id=meta.record.id, as_of="2026-11-30", decision="upload",
                              templates=["{{PD-old-70-expired}}"])  # fmt: skip
    return meta, decision, page_images(tmp_path / f"img-{name}", n)


@pytest.mark.parametrize("kind", ["djvu", "pdf"])
def test_book_upload_then_rerun_sends_nothing(tmp_path: Path, client: ApiClient, kind: str) -> None:
    if kind == "djvu" and not shutil.which("c44"):
        pytest.skip("needs djvulibre-bin (installed by .ci/run)")
    name = f"Llyfr prawf {kind} {tmp_path.name[-6:]}"
    meta, decision, images = _book(tmp_path, 6, name)
    out = tmp_path / f"book.{kind}"
    (build_djvu if kind == "djvu" else build_pdf)(images, out)
    title = f"{name}.{kind}"
    project = init_project(tmp_path / "proj", institution="Llyfrgell")
    options = RunOptions(structured_data=False, upload=UploadSettings(cache=tmp_path / "cache", chunk_size=16 * 1024))
    with project.open_store() as store:
        item_id = plan_book(store, meta.record.id, out, title, book_page(meta, decision, title, wikisource_lang="cy"),
                            decision)  # fmt: skip
        state = upload_book(store, client, item_id, options)
        assert state.state == j.DONE, state.message
        chunks = [e for e in db.journal_for(store, client.api_url, item_id) if e["step"] == "chunk"]
        before = client.requests
        again = upload_book(store, client, item_id, options)
    sha1 = hashlib.sha1(out.read_bytes()).hexdigest()
    assert wiki_sha1(client.api_url, title) == sha1 == state.sha1
    assert files_with_sha1(client.api_url, sha1) == [title.replace(" ", "_")]
    assert len([e for e in chunks if e["phase"] == "after"]) >= 2  # sent in chunks through the stash
    assert again.state == j.DONE and client.requests == before  # a finished book sends nothing
    page = client.get(action="query", prop="revisions", titles=f"File:{title}", rvprop="content", rvslots="main",
                      formatversion="2")["query"]["pages"][0]["revisions"][0]["slots"]["main"]["content"]  # fmt: skip
    assert "{{Book" in page and f"s:cy:Index:{title}" in page and "{{PD-old-70-expired}}" in page
