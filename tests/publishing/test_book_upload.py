"""A book built from page images (DjVu and PDF) uploaded to the real local MediaWiki through the
publishing uploader: journaled, chunked, a rerun sends nothing, the wiki holds the same bytes."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.books.images import page_images

from glamwiki.books.build import build_djvu, build_pdf
from glamwiki.books.commons import book_page, file_title
from glamwiki.books.metadata import BookMeta, book_meta
from glamwiki.books.pages import manifest_book, read_book
from glamwiki.books.upload import plan_book, upload_book
from glamwiki.model.rights import RightsDecision
from glamwiki.project import init_project
from glamwiki.publishing import journal as j
from glamwiki.publishing.api import ApiClient
from glamwiki.publishing.run import RunOptions
from glamwiki.publishing.sandbox import Sandbox
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


def test_book_commands_end_to_end_without_a_secret_anywhere(tmp_path: Path, wiki: Sandbox) -> None:
    images = page_images(tmp_path / "img", 3)
    manifest = tmp_path / "manifest.json"
    canvases = [{"type": "Canvas", "id": f"https://library.example/c{k}", "label": {"none": [f"[{k}]"]}}
                for k in range(1, 4)]  # fmt: skip
    manifest.write_text(json.dumps({"type": "Manifest", "id": f"https://library.example/{tmp_path.name}/manifest",
                                    "label": {"cy": [f"Llyfr {tmp_path.name[-8:]}"]}, "navDate": "1850-01-01T00:00:00Z",
                                    "items": canvases}))  # fmt: skip
    project = init_project(tmp_path / "proj", institution="Llyfrgell")
    env = {**os.environ, "GLAMWIKI_PROJECT": str(project.root), "GLAMWIKI_BOT_USER": wiki.user,
           "GLAMWIKI_BOT_PASSWORD": wiki.password, "GLAMWIKI_PUBLISHING_EDITS_PER_MINUTE": "0"}  # fmt: skip
    book_file = tmp_path / "llyfr.pdf"
    outputs = []
    for args in (
        ["book", "build", *map(str, images), "--output", str(book_file)],
        ["book", "upload", str(book_file), str(manifest), "--target", wiki.api, "--wikisource-lang", "cy",
         "--fact", "creation_year=1850", "--fact", "publication_year=1850"],
        ["book", "upload", str(book_file), str(manifest), "--target", wiki.api, "--wikisource-lang", "cy",
         "--fact", "creation_year=1850", "--fact", "publication_year=1850"],
    ):  # fmt: skip
        proc = subprocess.run([sys.executable, "-m", "glamwiki", *args], env=env, capture_output=True, text=True,
                              timeout=120, check=False)  # fmt: skip
        outputs.append(proc.stdout + proc.stderr)
        assert proc.returncode == 0, proc.stdout + proc.stderr
    title = file_title(book_meta(read_book(manifest)), "pdf")
    assert title.endswith("(1850).pdf")
    assert f"File:{title} is on" in " ".join(outputs[1].split())
    assert wiki_sha1(wiki.api, title) == hashlib.sha1(book_file.read_bytes()).hexdigest()
    assert not any(wiki.password in text for text in outputs)
    for path in project.root.rglob("*"):
        if path.is_file():
            assert wiki.password.encode() not in path.read_bytes(), f"the secret was written to {path}"
