"""Uploads to the real local MediaWiki: plain, chunked, duplicates, title blacklist, bad token."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from glamwiki.project import Project
from glamwiki.publishing import journal as j
from glamwiki.publishing.api import ApiClient
from glamwiki.publishing.preflight import OnWiki, Preflight
from glamwiki.publishing.run import Runner, RunOptions
from glamwiki.publishing.upload import UploadSettings
from glamwiki.store import publishing as db

from .conftest import files_with_sha1, ready_project, wiki_sha1
from .records import png_bytes


def _run(project, client: ApiClient, **upload) -> Runner:
    options = RunOptions(upload=UploadSettings(cache=project.root / "cache", **upload))
    with project.open_store() as store:
        runner = Runner(store, client, options)
        runner.run()
    return runner


def _states(project, api: str) -> dict[str, db.FileState]:
    with project.open_store() as store:
        return {item.record_id: db.get_state(store, api, item.item_id) for item in db.iter_plan(store, db.PLANNED)}


def test_upload_then_rerun_sends_nothing(tmp_path: Path, client: ApiClient) -> None:
    project = ready_project(tmp_path, 3)
    runner = _run(project, client)
    assert runner.summary.outcomes[j.DONE] == 3 and runner.summary.unfinished == 0
    for state in _states(project, client.api_url).values():
        local = hashlib.sha1(Path(state.local_path).read_bytes()).hexdigest()
        assert wiki_sha1(client.api_url, state.title) == local == state.sha1
        assert state.page_id and state.revision
        assert "structured data not written" in state.message
    before = client.requests
    again = _run(project, client)
    assert again.summary.outcomes[j.DONE] == 3
    assert client.requests == before, "a finished batch must not send anything"


def test_chunked_upload_of_a_larger_file(tmp_path: Path, client: ApiClient) -> None:
    project = ready_project(tmp_path, 1, size=300_000)
    _run(project, client, chunk_size=64 * 1024)
    (state,) = _states(project, client.api_url).values()
    assert state.state == j.DONE
    assert wiki_sha1(client.api_url, state.title) == state.sha1
    with project.open_store() as store:
        steps = [e for e in db.journal_for(store, client.api_url, state.item_id) if e["step"] == "chunk"]
    assert len([e for e in steps if e["phase"] == "after"]) >= 5


def _same_bytes_twice(tmp_path: Path, client: ApiClient) -> tuple[db.FileState, Project, db.PlanItem]:
    """A file uploaded by one project, and a second project planning the same bytes under another title."""
    first = ready_project(tmp_path / "a", 1)
    _run(first, client)
    (done,) = _states(first, client.api_url).values()
    second = ready_project(tmp_path / "b", 1)
    with second.open_store() as store:
        (item,) = db.iter_plan(store, db.PLANNED)
    Path(item.source).write_bytes(Path(done.local_path).read_bytes())
    return done, second, item


def test_duplicate_on_the_wiki_is_reported_not_uploaded(tmp_path: Path, client: ApiClient) -> None:
    done, second, _ = _same_bytes_twice(tmp_path, client)
    _run(second, client)
    (dup,) = _states(second, client.api_url).values()
    assert dup.state == j.DUPLICATE and dup.duplicate_of == done.title
    assert "already on the wiki as File:" in dup.message
    assert files_with_sha1(client.api_url, done.sha1) == [done.title.replace(" ", "_")]


def test_duplicate_warning_from_the_server_through_the_stash(tmp_path: Path, client: ApiClient) -> None:
    """Skip our own SHA-1 pre-check so the server's `duplicate` warning (with a filekey) is what stops it."""
    done, second, item = _same_bytes_twice(tmp_path, client)
    options = RunOptions(upload=UploadSettings(cache=tmp_path / "c"))
    with second.open_store() as store:
        runner = Runner(store, client, options)
        runner.uploader.preflight.on_wiki = lambda *args: OnWiki()  # type: ignore[method-assign]
        runner.run()
        state = db.get_state(store, client.api_url, item.item_id)
        journal = db.journal_for(store, client.api_url, item.item_id)
    assert state.state == j.DUPLICATE and state.duplicate_of == done.title
    assert state.filekey, "the warning's stash filekey is kept"
    assert files_with_sha1(client.api_url, done.sha1) == [done.title.replace(" ", "_")]
    assert not any("ignorewarnings" in str(e["data"]) for e in journal)


def test_duplicates_within_the_batch(tmp_path: Path, client: ApiClient) -> None:
    project = ready_project(tmp_path, 2)
    with project.open_store() as store:
        a, b = db.iter_plan(store, db.PLANNED)
    Path(b.source).write_bytes(Path(a.source).read_bytes())
    _run(project, client)
    states = _states(project, client.api_url)
    assert states[a.record_id].state == j.DONE
    assert states[b.record_id].state == j.DUPLICATE
    assert states[b.record_id].duplicate_of == states[a.record_id].title


def test_title_blacklist_stops_the_file_before_sending(tmp_path: Path, client: ApiClient) -> None:
    project = ready_project(tmp_path, 1)
    with project.open_store() as store:
        store.execute("UPDATE publish_plan SET title = 'Forbidden word painting.png'")
    _run(project, client)
    (state,) = _states(project, client.api_url).values()
    assert state.state == j.FAILED and "title blacklist" in state.message
    assert wiki_sha1(client.api_url, "Forbidden word painting.png") is None


def test_bad_token_is_refreshed_once(tmp_path: Path, client: ApiClient) -> None:
    project = ready_project(tmp_path, 1)
    client.csrf()
    client._csrf = "0123456789abcdef+\\"  # a stale token: the wiki answers badtoken
    _run(project, client)
    (state,) = _states(project, client.api_url).values()
    assert state.state == j.DONE
    assert client._csrf != "0123456789abcdef+\\"


def test_title_blacklist_api_and_test_actions_agree(client: ApiClient) -> None:
    preflight = Preflight(client)
    assert "banned" in (preflight.blacklisted("DSC 0042.png") or "")
    assert preflight.blacklisted("A fine landscape.png") is None
    refused = preflight.on_wiki("0" * 40, "DSC 0042.png")
    assert refused.refusals and "titleblacklist-forbidden" in refused.refusals[0]
    assert preflight.on_wiki("0" * 40, "A fine landscape.png").refusals == []


def test_interrupted_chunked_upload_resumes_from_its_offset(tmp_path: Path, client: ApiClient) -> None:
    project = ready_project(tmp_path, 1, size=200_000)
    real_write = client.write
    calls = {"chunks": 0}

    def write(params, files=None, **kw):
        if params.get("stash") == "1":
            calls["chunks"] += 1
            if calls["chunks"] == 4:
                raise KeyboardInterrupt  # Ctrl-C in the middle of the upload
        return real_write(params, files, **kw)

    client.write = write  # type: ignore[method-assign]
    with pytest.raises(KeyboardInterrupt):
        _run(project, client, chunk_size=32 * 1024)
    client.write = real_write  # type: ignore[method-assign]
    (state,) = _states(project, client.api_url).values()
    assert state.state == j.UPLOADING and state.offset == 3 * 32 * 1024 and state.filekey
    _run(project, client, chunk_size=32 * 1024)
    (state,) = _states(project, client.api_url).values()
    assert state.state == j.DONE and wiki_sha1(client.api_url, state.title) == state.sha1
    with project.open_store() as store:
        offsets = [
            e["data"]["offset"]
            for e in db.journal_for(store, client.api_url, state.item_id)
            if e["step"] == "chunk" and e["phase"] == "before"
        ]
    assert offsets[3] == offsets[4] == 3 * 32 * 1024, "the second run went on from the stash offset, not from 0"
    assert 0 not in offsets[4:]


def _occupy(client: ApiClient, title: str, seed: int) -> None:
    """Someone else's file at ``title`` (other bytes)."""
    answer = client.write(
        {"action": "upload", "filename": title, "text": "other", "comment": "other"},
        {"file": ("x.png", png_bytes(seed))},
    )
    assert answer["upload"]["result"] == "Success"


def test_title_taken_by_another_file_is_renamed_before_sending(tmp_path: Path, client: ApiClient) -> None:
    project = ready_project(tmp_path, 1)
    with project.open_store() as store:
        (item,) = db.iter_plan(store, db.PLANNED)
    _occupy(client, item.title, 9_100_001)
    _run(project, client)
    (state,) = _states(project, client.api_url).values()
    assert state.state == j.DONE and state.title == item.title.replace(".png", f" ({item.record_id}).png")
    assert wiki_sha1(client.api_url, state.title) == state.sha1


def test_exists_warning_renames_and_recommits_the_stashed_file(tmp_path: Path, client: ApiClient) -> None:
    project = ready_project(tmp_path, 1)
    with project.open_store() as store:
        (item,) = db.iter_plan(store, db.PLANNED)
        runner = Runner(store, client, RunOptions(upload=UploadSettings(cache=tmp_path / "c")))
        real = runner.uploader.preflight.on_wiki
        checked = []

        def on_wiki(sha1, title, *args):  # the title is free when checked, taken just before the upload
            checked.append(title)
            found = real(sha1, title, *args)
            if len(checked) == 1:
                _occupy(client, item.title, 9_100_002)
            return found

        runner.uploader.preflight.on_wiki = on_wiki  # type: ignore[method-assign]
        runner.run()
        state = db.get_state(store, client.api_url, item.item_id)
        steps = [(e["step"], e["phase"]) for e in db.journal_for(store, client.api_url, item.item_id)]
    assert state.state == j.DONE and state.title != item.title
    assert ("rename", "after") in steps
    assert wiki_sha1(client.api_url, state.title) == state.sha1
    assert wiki_sha1(client.api_url, item.title) != state.sha1, "the other file was not overwritten"


def test_categories_missing_on_the_wiki_are_flagged(tmp_path: Path, client: ApiClient) -> None:
    """Issue 9: the page's categories are checked in the pre-flight request; missing ones are noted."""
    project = ready_project(tmp_path, 1)
    client.write({"action": "edit", "title": "Category:Files from Test Museum", "text": "x", "summary": "t"})
    from glamwiki.publishing.plan import PlanSettings, build_plan

    cats = ("Files from {institution}", "No such category anywhere")
    with project.open_store() as store:
        build_plan(
            store, PlanSettings(institution="Test Museum", title_pattern="{title} - {accession}", categories=cats)
        )
    before = client.requests
    runner = _run(project, client)
    assert runner.summary.outcomes[j.DONE] == 1
    (state,) = _states(project, client.api_url).values()
    message = state.message or ""
    assert message.startswith("categories that do not exist on the wiki: ") and "No such category anywhere" in message
    assert "Files from Test Museum" not in (state.message or "")
    assert client.requests - before <= 6  # asked within the pre-flight request, not one request each
