"""After download, the image's real pixel size decides: a file whose long side is under the
``min_long_side`` setting is held (journaled state ``held``, the size in the reason) and never sent,
against the real local MediaWiki. A source's documented size is only a promise; the bytes are the proof."""

from __future__ import annotations

from pathlib import Path

from glamwiki.project import find_project
from glamwiki.publishing import journal as j
from glamwiki.publishing import sources
from glamwiki.publishing.api import ApiClient
from glamwiki.publishing.run import Runner, RunOptions
from glamwiki.publishing.settings import upload_settings
from glamwiki.publishing.upload import UploadSettings
from glamwiki.store import Store
from glamwiki.store import publishing as db

from .conftest import ready_project, wiki_sha1
from .records import png_bytes
from .test_tate_pages import tate  # noqa: F401  (fixture)


def test_pixel_size_is_read_from_the_file(tmp_path: Path) -> None:
    small, large, text = tmp_path / "s.png", tmp_path / "l.png", tmp_path / "t.txt"
    small.write_bytes(png_bytes(1))
    large.write_bytes(png_bytes(2, 300_000))
    text.write_text("not an image")
    assert sources.pixel_size(small) == (4, 4)
    assert sources.pixel_size(large) == (316, 316)
    assert sources.pixel_size(text) is None
    assert sources.too_small(small, 100) == (
        "the downloaded image is 4x4 px, under 100 px on the long side ([publishing] min_long_side); held, not uploaded"
    )
    assert sources.too_small(large, 100) is None
    assert sources.too_small(small, 0) is None, "0 turns the check off"
    assert sources.too_small(text, 100) is None, "a file Pillow cannot read (PDF, SVG...) is not judged by pixels"


def test_a_small_download_is_held_and_a_rerun_sends_nothing(tmp_path: Path, client: ApiClient) -> None:
    project = ready_project(tmp_path, 2)
    with project.open_store() as store:
        small, large = db.iter_plan(store, db.PLANNED)
    Path(large.source).write_bytes(png_bytes(91_000, 300_000))  # 316 x 316 px; the other stays 4 x 4 px
    settings = UploadSettings(cache=tmp_path / "c", min_long_side=100)
    with project.open_store() as store:
        summary = Runner(store, client, RunOptions(upload=settings)).run()
        held = db.get_state(store, client.api_url, small.item_id)
        sent = db.get_state(store, client.api_url, large.item_id)
        journal = db.journal_for(store, client.api_url, small.item_id)
    assert summary.outcomes[j.HELD] == 1 and summary.outcomes[j.DONE] == 1 and summary.unfinished == 0
    assert held is not None and held.state == j.HELD
    assert held.message is not None and "4x4 px, under 100 px" in held.message
    assert wiki_sha1(client.api_url, held.title) is None, "a held file is never sent"
    assert [(e["step"], e["phase"]) for e in journal] == [("fetch", "before"), ("fetch", "after")]
    assert journal[-1]["data"]["held"] == held.message
    assert sent is not None and sent.state == j.DONE and wiki_sha1(client.api_url, sent.title) == sent.sha1
    before = client.requests
    with project.open_store() as store:
        again = Runner(store, client, RunOptions(upload=settings)).run()
    assert again.outcomes[j.HELD] == 1 and client.requests == before, "a rerun does nothing twice"


def test_the_threshold_is_the_project_setting(tmp_path: Path) -> None:
    project = ready_project(tmp_path, 1)
    assert upload_settings(project).min_long_side == 0  # the test projects turn it off
    (project.root / "glamwiki.toml").write_text("[project]\nname = 'p'\n", encoding="utf-8")
    assert upload_settings(find_project(project.root)).min_long_side == 1000  # the default


def test_tate_views_documented_at_1536_px_are_planned_with_their_size(store: Store, tate: dict) -> None:  # noqa: F811
    """AR00035 (Ron Mueck, Mask III): its main image is the 256 px thumbnail (held); Tate documents three
    additional views at 1536 px ("_10", "optimal"), planned as files with the expected size stated."""
    from glamwiki.publishing.plan import PlanSettings, build_plan

    build_plan(store, PlanSettings(institution="Tate"))
    items = [i for i in db.iter_plan(store) if i.record_id == "AR00035"]
    assert [i.status for i in items] == [db.HELD, db.PLANNED, db.PLANNED, db.PLANNED]
    assert "only a thumbnail is offered" in items[0].note_list[0]
    assert items[1].source == "http://www.tate.org.uk/art/images/work/AR/AR00035_294044_10.jpg"
    assert items[1].note_list == ["expected size 1252x1536 px, as the source documents it (checked after download)"]
    assert len({i.title for i in items}) == 4


def test_the_preview_states_the_documented_size(store: Store, tate: dict, tmp_path: Path) -> None:  # noqa: F811
    from glamwiki.publishing.plan import PlanSettings, build_plan
    from glamwiki.publishing.preview import PreviewOptions, write_preview

    build_plan(store, PlanSettings(institution="Tate"))
    html = tmp_path / "batch.html"
    write_preview(store, html, tmp_path / "batch.jsonl", options=PreviewOptions(page_size=1000))
    page = (tmp_path / "batch-0001.html").read_text(encoding="utf-8")
    view = page.split("AR00035_294044_10.jpg</p>")[1].split("</article>")[0]
    assert "expected size 1252x1536 px, as the source documents it" in view
    assert "Held back" not in view, "a planned file's size note is not a hold"
    thumb = page.split("AR00035_8.jpg</p>")[1].split("</article>")[0]
    assert "Held back, not uploaded:" in thumb and "only a thumbnail is offered" in thumb
