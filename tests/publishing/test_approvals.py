"""Upload approvals (issue 13): approve/reject planned files by batch, record or filter, as decision
events; with `[publishing] require_approval` `publish run` sends only approved files (real MediaWiki)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from glamwiki.cli import cli
from glamwiki.publishing import journal as j
from glamwiki.publishing.api import ApiClient
from glamwiki.publishing.plan import PlanSettings, build_plan
from glamwiki.publishing.run import Runner, RunOptions
from glamwiki.publishing.upload import UploadSettings
from glamwiki.store import approvals
from glamwiki.store import decisions as ev
from glamwiki.store import publishing as db

from .conftest import ready_project, wiki_sha1


def _approve(root: Path, *args: str, code: int = 0) -> str:
    result = CliRunner(env={"GLAMWIKI_PROJECT": str(root)}).invoke(cli, ["publish", "approve", *args])
    assert result.exit_code == code, result.output
    return " ".join(result.output.split())


def test_approve_by_record_filter_and_batch_writes_events(tmp_path: Path) -> None:
    project = ready_project(tmp_path, 4)
    with project.open_store() as store:
        items = list(db.iter_plan(store, db.PLANNED))
        batch = db.plan_batch(store)
    first, second = items[0], items[1]
    assert "1 planned files selected, 1 newly approved" in _approve(project.root, "--record", first.record_id,
                                                                    "--by", "alice", "--reason", "checked")  # fmt: skip
    assert "1 newly rejected" in _approve(project.root, "--title-contains", second.title[:-6].upper(), "--reject")
    assert "4 planned files selected, 3 newly approved" in _approve(project.root, "--dataset", first.dataset)
    # the batch approves every planned file, none again (no event for an unchanged approval)
    assert "0 newly approved. Now: 4 approved, 0 rejected, 0 waiting" in _approve(project.root, "--batch", batch)
    assert "is not the current plan's" in _approve(project.root, "--batch", "gw-other", code=2)
    assert "Say which files" in _approve(project.root, code=2)
    with project.open_store() as store:
        history = ev.history(store, "upload", first.dataset, second.record_id)
        assert [(e.value, e.previous) for e in history] == [("rejected", None), ("approved", "rejected")]
        first_event = ev.history(store, "upload", first.dataset, first.record_id)[0]
        assert (first_event.actor, first_event.reason, first_event.detail) == (
            "alice",
            "checked",
            {"title": first.title},
        )
        assert approvals.approved_item_ids(store) == {i.item_id for i in items}


def test_a_file_replanned_under_another_title_waits_again(tmp_path: Path) -> None:
    project = ready_project(tmp_path, 2)
    _approve(project.root, "--batch", _batch(project))
    with project.open_store() as store:
        db.forget_unstarted(store)
        build_plan(store, PlanSettings(institution="Test Museum", title_pattern="{accession} - {title}"))
        assert approvals.approved_item_ids(store) == set()
        assert approvals.approval_counts(store) == {"approved": 0, "rejected": 0, "waiting": 2}


def test_run_with_require_approval_sends_only_approved_files(tmp_path: Path, client: ApiClient) -> None:
    project = ready_project(tmp_path, 3)
    with project.open_store() as store:
        items = list(db.iter_plan(store, db.PLANNED))
    _approve(project.root, "--record", items[0].record_id)
    _approve(project.root, "--record", items[1].record_id, "--reject")
    options = RunOptions(approved_only=True, upload=UploadSettings(cache=project.root / "cache"))
    with project.open_store() as store:
        summary = Runner(store, client, options).run()
        assert summary.outcomes[j.DONE] == 1 and summary.awaiting_approval == 2 and summary.unfinished == 0
        sent = db.get_state(store, client.api_url, items[0].item_id)
        assert sent is not None and wiki_sha1(client.api_url, sent.title or "") == sent.sha1
        assert db.get_state(store, client.api_url, items[1].item_id) is None
        assert db.get_state(store, client.api_url, items[2].item_id) is None


def test_the_setting_is_off_by_default(tmp_path: Path, client: ApiClient) -> None:
    project = ready_project(tmp_path, 2)
    assert not project.config.get("publishing", "require_approval", False)
    with project.open_store() as store:
        summary = Runner(store, client, RunOptions(upload=UploadSettings(cache=project.root / "cache"))).run()
    assert summary.outcomes[j.DONE] == 2 and summary.awaiting_approval == 0


def _batch(project) -> str:
    with project.open_store() as store:
        return db.plan_batch(store) or ""
