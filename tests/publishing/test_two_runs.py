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
