"""Through a fault-injecting proxy (dropped connections, 503, maxlag, ratelimited, slow answers)
the batch still completes exactly: every file once, byte-identical."""

from __future__ import annotations

import os
from pathlib import Path

from glamwiki.publishing import journal as j
from glamwiki.publishing.api import ApiClient
from glamwiki.publishing.auth import Credentials
from glamwiki.publishing.run import Runner, RunOptions
from glamwiki.publishing.sandbox import Sandbox
from glamwiki.publishing.upload import UploadSettings
from glamwiki.store import publishing as db

from .conftest import fast_etiquette, files_with_sha1, ready_project, wiki_sha1
from .proxy import FaultProxy


def test_batch_completes_exactly_through_faults(tmp_path: Path, wiki: Sandbox, credentials: Credentials) -> None:
    project = ready_project(tmp_path, 10, size=40_000)
    with FaultProxy(wiki.api, rate=0.3, seed=int(os.environ.get("GLAMWIKI_FAULT_SEED", "11"))) as proxy:
        etiquette = fast_etiquette()
        etiquette.retries = 20
        client = ApiClient(proxy.url, "tests <tests@example.org>", credentials, etiquette)
        client.login()
        options = RunOptions(attempts=30, upload=UploadSettings(chunk_size=16 * 1024, cache=tmp_path / "c"))
        for _ in range(3):  # a run leaves a file for the next one only after 30 unanswered tries
            with project.open_store() as store:
                summary = Runner(store, client, options).run()
            if summary.unfinished == 0:
                break
    assert sum(proxy.injected.values()) >= 12, proxy.injected
    assert set(proxy.injected) == {"drop-before", "drop-after", "503", "maxlag", "ratelimited", "slow"}
    with project.open_store() as store:
        states = [db.get_state(store, proxy.url, i.item_id) for i in db.iter_plan(store, db.PLANNED)]
    assert [s.state for s in states] == [j.DONE] * 10, [(s.state, s.message) for s in states]
    for state in states:
        assert files_with_sha1(wiki.api, state.sha1) == [state.title.replace(" ", "_")]
        assert wiki_sha1(wiki.api, state.title) == state.sha1
