"""Before upload: a file already on the wiki whose page carries the record's accession number in
{{Artwork}}'s ``accession number`` field is the same object: reported, not uploaded. Against the real
local MediaWiki, whose own search backend has no CirrusSearch ``insource:`` (so the accession number is
searched as a phrase there, and every hit is confirmed by reading the page's wikitext)."""

from __future__ import annotations

import json
from pathlib import Path

import msgspec
import pytest
from tests.localserver import serve

from glamwiki.project import Project, init_project
from glamwiki.publishing import journal as j
from glamwiki.publishing.api import ApiClient
from glamwiki.publishing.plan import PlanSettings, build_plan
from glamwiki.publishing.preflight import Preflight, accession_on_page
from glamwiki.publishing.run import Runner, RunOptions
from glamwiki.publishing.upload import UploadSettings
from glamwiki.store import publishing as db

from .conftest import wiki_sha1
from .records import make_record, png_bytes, save

PAGE = "{{Artwork\n |artist = Jane Painter\n |institution = {{Institution:Tate}}\n |accession number = N01234\n}}"


@pytest.mark.parametrize(
    ("accession", "institution", "found"),
    [("N01234", "Tate", True), ("n01234", "", True), ("N0123", "Tate", False), ("N012345", "", False),
     ("N01234", "Test Museum", False), ("1234", "", False)],
)  # fmt: skip
def test_the_accession_number_field_must_hold_exactly_the_number(accession: str, institution: str, found: bool) -> None:
    assert accession_on_page(PAGE, accession, institution) is found


def test_only_the_accession_number_field_counts() -> None:
    assert not accession_on_page("{{Information\n |description = see N01234\n}} Tate", "N01234")
    assert accession_on_page("{{Artwork |accession number={{Tate|N01234}} |institution=Tate}}", "N01234", "Tate")


def _project(tmp_path: Path, n: int, accession: str, title: str) -> Project:
    project = init_project(tmp_path, institution="Test Museum")
    image = tmp_path / "image.png"
    image.write_bytes(png_bytes(n))
    record = msgspec.structs.replace(make_record(n, image, title=title), accession_number=accession)
    with project.open_store() as store:
        save(store, [record])
        build_plan(store, PlanSettings(institution="Test Museum", title_pattern="{title} - {accession}"))
    return project


def _run(project: Project, client: ApiClient, cache: Path) -> db.FileState:
    settings = UploadSettings(cache=cache, institution="Test Museum")
    with project.open_store() as store:
        Runner(store, client, RunOptions(structured_data=False, upload=settings)).run()
        (item,) = db.iter_plan(store, db.PLANNED)
        state = db.get_state(store, client.api_url, item.item_id)
    assert state is not None
    return state


def test_a_file_page_with_the_accession_number_is_the_same_object(tmp_path: Path, client: ApiClient) -> None:
    first = _run(_project(tmp_path / "a", 88_001, "N88001", "A first photograph"), client, tmp_path / "c1")
    assert first.state == j.DONE and wiki_sha1(client.api_url, first.title) == first.sha1
    # another photograph (other bytes, other title) of the same object, from another project
    requests_before = client.requests
    second = _run(_project(tmp_path / "b", 88_002, "N88001", "A second photograph"), client, tmp_path / "c2")
    assert second.state == j.DUPLICATE and second.duplicate_of == first.title
    assert second.message == f"already on the wiki as File:{first.title} (same object: accession number on its page)"
    assert wiki_sha1(client.api_url, second.title) is None, "nothing was uploaded"
    assert client.requests > requests_before
    # a third object whose number only starts like the first one's is not the same object
    third = _run(_project(tmp_path / "c", 88_003, "N8800", "A third photograph"), client, tmp_path / "c3")
    assert third.state == j.DONE


def test_the_query_shape_on_a_wiki_with_cirrussearch(tmp_path: Path) -> None:
    """Commons runs CirrusSearch: the query is ``insource:"N01234" "Tate"`` in the File namespace, and
    a hit still counts only when its page holds the number in its accession-number field."""
    pages = {"File:Right.jpg": PAGE, "File:Wrong.jpg": "{{Artwork |notes = N01234 |institution = Tate}}"}

    def route(path: str, query: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        if query.get("meta") == "siteinfo":
            body: dict = {"query": {"extensions": [{"name": "CirrusSearch"}, {"name": "WikibaseCirrusSearch"}]}}
        elif query.get("list") == "search":
            body = {"query": {"search": [{"ns": 6, "title": t} for t in pages]}}
        else:
            asked_for = query["titles"].split("|")
            revisions = [{"title": t, "revisions": [{"slots": {"main": {"content": pages[t]}}}]} for t in asked_for]
            body = {"query": {"pages": revisions}}
        return 200, {"Content-Type": "application/json"}, json.dumps(body).encode()

    with serve(route) as (base, asked):
        found = Preflight(ApiClient(f"{base}/w/api.php", "")).same_accession("N01234", "Tate")
    assert found == ["Right.jpg"]
    (search,) = [q for _, q, _ in asked if q.get("list") == "search"]
    assert search["srsearch"] == 'insource:"N01234" "Tate"' and search["srnamespace"] == "6"
    (read,) = [q for _, q, _ in asked if q.get("prop") == "revisions"]  # both pages in one request
    assert read["titles"] == "File:Right.jpg|File:Wrong.jpg"


def test_the_records_own_other_views_are_not_duplicates(tmp_path: Path, client: ApiClient) -> None:
    """A record with two images (a work and its verso, as Tate documents them): both files carry the
    accession number; the second is not held back as a copy of the first, which this project uploaded."""
    from glamwiki.model.records import IMAGE_FILE, ImageRef

    project = init_project(tmp_path / "p", institution="Test Museum")
    paths = [tmp_path / "front.png", tmp_path / "verso.png"]
    for k, path in enumerate(paths):
        path.write_bytes(png_bytes(88_010 + k))
    record = msgspec.structs.replace(
        make_record(88_010, None, title="A work with a verso"),
        accession_number="N88010",
        images=[ImageRef(IMAGE_FILE, str(p)) for p in paths],
    )
    with project.open_store() as store:
        save(store, [record])
        build_plan(store, PlanSettings(institution="Test Museum", title_pattern="{title} - {accession}"))
        settings = UploadSettings(cache=tmp_path / "c", institution="Test Museum")
        summary = Runner(store, client, RunOptions(structured_data=False, upload=settings)).run()
    assert summary.outcomes[j.DONE] == 2 and not summary.outcomes[j.DUPLICATE]
