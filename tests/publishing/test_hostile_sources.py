"""Sources that must not be uploaded (issue 15 items 3, 9, 11): an image URL at a non-public address
(unless allowed by name), a URL that is not http(s) (failed once, never retried), a file swapped for
a symbolic link after planning, a file changed after it was checked."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.localserver import serve

from glamwiki.model.records import IMAGE_URL
from glamwiki.project import init_project
from glamwiki.publishing import journal as j
from glamwiki.publishing.api import ApiClient
from glamwiki.publishing.plan import PlanSettings, build_plan
from glamwiki.publishing.run import Runner, RunOptions, get_item
from glamwiki.publishing.upload import FileUploader, UploadSettings
from glamwiki.store import publishing as db

from .conftest import ready_project
from .records import make_record, png_bytes, save


def _url_project(tmp_path: Path, urls: list[str]):  # type: ignore[no-untyped-def]
    project = init_project(tmp_path / "proj", institution="Test Museum")
    with project.open_store() as store:
        records = [make_record(7200 + k, u, title=f"A picture {7200 + k}", kind=IMAGE_URL) for k, u in enumerate(urls)]
        save(store, records)
        build_plan(store, PlanSettings(institution="Test Museum", title_pattern="{title}"))
    return project


def _states(store, api: str) -> list[db.FileState]:  # type: ignore[no-untyped-def]
    return [db.get_state(store, api, i.item_id) for i in db.iter_plan(store, db.PLANNED)]  # type: ignore[misc]


def test_an_image_url_at_a_private_address_is_never_fetched(tmp_path: Path, client: ApiClient) -> None:
    with serve(lambda p, q: (200, {"Content-Type": "image/png"}, png_bytes(7200))) as (base, requests):
        project = _url_project(tmp_path, [f"{base}/secret.png", f"http://localhost:{base.rsplit(':', 1)[1]}/x.png"])
        with project.open_store() as store:
            notes: list[str] = []
            Runner(store, client, RunOptions(upload=UploadSettings(cache=tmp_path / "c"))).run(notify=notes.append)
            states = _states(store, client.api_url)
    assert requests == [] and notes == []
    assert [s.state for s in states] == [j.FAILED, j.FAILED]
    assert all("non-public address" in (s.message or "") for s in states)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "javascript:alert(1)"])
def test_a_url_that_is_not_http_fails_once_and_for_all(tmp_path: Path, client: ApiClient, url: str) -> None:
    project = _url_project(tmp_path, [url])
    with project.open_store() as store:
        notes: list[str] = []
        runner = Runner(store, client, RunOptions(upload=UploadSettings(cache=tmp_path / "c")))
        runner.run(notify=notes.append)
        [state] = _states(store, client.api_url)
        assert notes == [] and state.state == j.FAILED and "not an http(s) URL" in (state.message or "")
        again = Runner(store, client, RunOptions(upload=UploadSettings(cache=tmp_path / "c"))).run()
    assert again.outcomes[j.FAILED] == 1 and again.requests <= 3  # the rerun did not try it again


def test_a_file_swapped_for_a_link_after_planning_is_not_uploaded(tmp_path: Path, client: ApiClient) -> None:
    project = ready_project(tmp_path, 1)
    outside = tmp_path / "outside-secret.png"
    outside.write_bytes(png_bytes(999_001))
    with project.open_store() as store:
        [item] = db.iter_plan(store, db.PLANNED)
        os.unlink(item.source)
        os.symlink(outside, item.source)
        Runner(store, client, RunOptions(upload=UploadSettings(cache=tmp_path / "c"))).run()
        [state] = _states(store, client.api_url)
    assert state.state == j.FAILED and "symbolic link" in (state.message or "")


def test_a_file_changed_after_it_was_checked_is_not_uploaded(tmp_path: Path, client: ApiClient) -> None:
    project = ready_project(tmp_path, 1)
    with project.open_store() as store:
        [item] = db.iter_plan(store, db.PLANNED)
        uploader = FileUploader(client, store, client.api_url, "b1", UploadSettings(cache=tmp_path / "c"))
        state = uploader.state_of(get_item(store, item.item_id))
        while state.state != j.READY:
            uploader.advance(item, state)
        Path(item.source).write_bytes(png_bytes(999_002))  # swapped between the check and the upload
        uploader.advance(item, state)
    assert state.state == j.FAILED and "changed after it was checked" in (state.message or "")


def test_a_page_over_the_wikis_size_limit_fails_in_preflight(tmp_path: Path, client: ApiClient) -> None:
    """Issue 15 item 14: a 2 MB catalogue field would make a page the wiki refuses; said before sending."""
    project = ready_project(tmp_path, 1)
    with project.open_store() as store:
        [item] = db.iter_plan(store, db.PLANNED)
        store.execute("UPDATE publish_plan SET wikitext = ? WHERE item_id = ?", ("x" * (2048 * 1024 + 1), item.item_id))
        runner = Runner(store, client, RunOptions(upload=UploadSettings(cache=tmp_path / "c")))
        runner.run()
        [state] = _states(store, client.api_url)
    assert state.state == j.FAILED and "page size limit" in (state.message or "")


def test_an_image_server_sending_a_byte_at_a_time_is_cut_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.intake.test_hostile_servers import trickle

    from glamwiki.publishing import sources
    from glamwiki.publishing.errors import TransientError
    from glamwiki.wikimedia.guard import guarded_session

    monkeypatch.setattr(sources, "DOWNLOAD_SECONDS", 1.0)
    with trickle(0.2) as url, pytest.raises(TransientError, match="more than 1 s"):
        sources.fetch(IMAGE_URL, url, tmp_path / "cache", "x", guarded_session(["127.0.0.1"]), timeout=5)
    assert not list((tmp_path / "cache").glob("*.part"))


def test_a_second_publishing_run_leaves_the_files_another_run_has_claimed(tmp_path: Path) -> None:
    """Two runs at once could both send a file before either journals it: each takes only files no
    other live run has claimed (docs/adr/0008; this test refused the second run before runs claimed files)."""
    from glamwiki.store import jobs

    project = ready_project(tmp_path, 1)
    idle = ApiClient("http://127.0.0.1:9/api.php", "tests")  # never reached: the one file is taken
    with project.open_store() as store:
        other = jobs.start(store, "publish", {}, worker="elsewhere:1")
        assert len(jobs.claim_items(store, other, 10, scope=idle.api_url)) == 1
        summary = Runner(store, idle, RunOptions(upload=UploadSettings(cache=tmp_path / "c"))).run()
        assert summary.later == 1 and summary.unfinished == 0
        assert jobs.get(store, summary.job or 0).status == jobs.DONE
    assert idle.requests == 0
