"""Two `glamwiki publish run` processes at once on one project (issue 13): they share the planned files
through claims, and no file is sent twice (real processes, real MediaWiki)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from glamwiki.publishing.sandbox import Sandbox
from glamwiki.store import jobs
from glamwiki.store import publishing as db

from .conftest import files_with_sha1, ready_project

FILES = 16


def test_two_runs_at_once_never_send_the_same_file(tmp_path: Path, wiki: Sandbox) -> None:
    project = ready_project(tmp_path, FILES)
    env = {**os.environ, "GLAMWIKI_PROJECT": str(project.root), "GLAMWIKI_BOT_USER": wiki.user,
           "GLAMWIKI_BOT_PASSWORD": wiki.password, "GLAMWIKI_PUBLISHING_EDITS_PER_MINUTE": "60"}  # fmt: skip
    command = [sys.executable, "-m", "glamwiki", "publish", "run", "--target", wiki.api, "--json"]
    runs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]  # fmt: skip
    outputs = [run.communicate(timeout=300) for run in runs]
    for run, (out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, out + err
    summaries = [json.loads(out) for out, _ in outputs]
    with project.open_store() as store:
        states = [db.get_state(store, wiki.api, item.item_id) for item in db.iter_plan(store, db.PLANNED)]
        assert [s.state if s else None for s in states] == ["done"] * FILES
        commits = store.query(
            "SELECT item_id, COUNT(*) FROM publish_journal WHERE step = 'commit' AND phase = 'before' GROUP BY item_id"
        )
        assert sorted(n for _, n in commits) == [1] * FILES, "each file committed once, by one run"
        ran = [jobs.get(store, s["job"]) for s in summaries]
    assert {j.status for j in ran} == {"done"} and ran[0].worker != ran[1].worker
    assert sum(j.done for j in ran) == FILES and all(j.done > 0 for j in ran), [j.done for j in ran]
    for state in states:
        assert state is not None and files_with_sha1(wiki.api, state.sha1 or "") == [state.title.replace(" ", "_")]


def test_cancel_stops_a_run_after_its_batch_and_a_rerun_sends_the_rest(tmp_path: Path, wiki: Sandbox) -> None:
    from glamwiki.publishing.api import ApiClient
    from glamwiki.publishing.auth import BOTPASSWORD, Credentials
    from glamwiki.publishing.claimed import CLAIM_BATCH
    from glamwiki.publishing.run import Runner, RunOptions
    from glamwiki.publishing.upload import UploadSettings

    from .conftest import fast_etiquette

    project = ready_project(tmp_path, CLAIM_BATCH + 2)
    client = ApiClient(wiki.api, "glamwiki tests <tests@example.org>", Credentials(BOTPASSWORD, wiki.user,
                       wiki.password), fast_etiquette())  # fmt: skip
    client.login()
    options = RunOptions(upload=UploadSettings(cache=project.root / "cache"))
    with project.open_store() as store, project.open_store() as elsewhere:
        job = jobs.start(store, "publish", {"target": wiki.api})

        def cancel_on_first_file(n: int) -> None:
            if n and not jobs.cancel_requested(elsewhere, job):
                jobs.request_cancel(elsewhere, job)  # `glamwiki jobs cancel` from another process

        first = Runner(store, client, options).run(cancel_on_first_file, job_id=job)
        assert first.cancelled and first.outcomes["done"] == CLAIM_BATCH and first.later == 2
        assert jobs.get(elsewhere, job).status == "cancelled" and jobs.claims_of(elsewhere, job) == []
        second = Runner(store, client, options).run()
        assert not second.cancelled and second.outcomes["done"] == CLAIM_BATCH + 2 and second.unfinished == 0
        assert jobs.get(elsewhere, second.job or 0).done == 2
