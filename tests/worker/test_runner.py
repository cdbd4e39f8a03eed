"""The job runner on a real store: ingest, rights and link jobs queued as the web queues them, run
by a worker through the same library functions as the CLI; run again, they are idempotent; a job of
a kind no worker knows, or one that fails, ends failed with the reason; files outside the project are
refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from glamwiki.cli import cli as cli_app
from glamwiki.demo import sample_folder
from glamwiki.errors import ConfigError
from glamwiki.project import Project
from glamwiki.store import jobs
from glamwiki.store.records import count
from glamwiki.store.runs import finish_run, start_run
from glamwiki.worker.loop import Worker
from glamwiki.worker.setup import Setup
from glamwiki.worker.sources import known_sources
from glamwiki.worker.starting import params_from_form, queue, run_again

pytestmark = pytest.mark.both_backends


def _sources(project: Project) -> Path:
    folder = project.root / "sources"
    shutil.copytree(sample_folder(), folder, ignore=shutil.ignore_patterns("LICENCE.md", "__*"))
    return folder


def test_ingest_rights_link_jobs_run_and_run_again(project: Project) -> None:
    _sources(project)
    form = {"path": "sources", "profile": "tate", "dataset": "tate"}
    with project.open_store() as store:
        ingest = queue(store, "ingest", params_from_form(store, project.root, "ingest", form), "rita")
        rights = queue(store, "rights", params_from_form(store, project.root, "rights", {}), "rita")
        link_form = {"authority": "sources/artist_data.csv", "authority_profile": "tate"}
        link = queue(store, "link", params_from_form(store, project.root, "link", link_form), "rita")
    worker = Worker(Setup(project), name="test:1")
    assert worker.run_queued() == 3 and worker.finished == [ingest, rights, link]
    with project.open_store() as store:
        done = {j: jobs.get(store, j) for j in (ingest, rights, link)}
        assert all(j.status == jobs.DONE for j in done.values()), [(j.kind, j.message) for j in done.values()]
        assert done[ingest].params["by"] == "rita" and done[ingest].worker == "test:1"
        objects = count(store, kind="object")
        assert objects == 300 and "300 objects, 144 people: 444 added" in done[ingest].message
        assert done[rights].done == objects and "300 assessed" in done[rights].message
        assert "match" in done[link].message and done[link].done > 0
        assert {k.dataset for k in known_sources(store)} == {"tate"}
        with pytest.raises(ConfigError, match="only a failed, cancelled"):
            run_again(store, ingest, "sam")
        jobs.finish(store, ingest, jobs.FAILED, "pretend it was killed")
        again = run_again(store, ingest, "sam")
        assert jobs.get(store, again).params == {**done[ingest].params, "by": "sam", "resumes": ingest}
    assert worker.run_queued() == 1
    with project.open_store() as store:
        rerun = jobs.get(store, again)
        assert rerun.status == jobs.DONE and " 0 added" in rerun.message and "444 unchanged" in rerun.message
        assert count(store, kind="object") == objects  # idempotent: nothing twice


def test_known_source_and_project_paths_only(project: Project, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.csv"
    outside.write_text("id,title\n1,x\n", encoding="utf-8")
    (project.root / "inside.csv").write_text("id,title\n1,x\n", encoding="utf-8")
    with project.open_store() as store:
        for given in (str(outside), "../elsewhere.csv", "/etc/passwd", "inside/../../elsewhere.csv", ""):
            with pytest.raises(ConfigError):
                params_from_form(store, project.root, "ingest", {"path": given})
        with pytest.raises(ConfigError, match="no profile"):
            params_from_form(store, project.root, "ingest", {"path": "inside.csv", "profile": "nope"})
        found = params_from_form(store, project.root, "ingest", {"path": "inside.csv"})
        assert found["source"] == str((project.root / "inside.csv").resolve())
        with pytest.raises(ConfigError):
            params_from_form(store, project.root, "link", {"authority": str(outside)})
        with pytest.raises(ConfigError, match="no such job kind"):
            params_from_form(store, project.root, "sparql", {})
        run = start_run(store, source=str(outside), reader="csv", profile="generic", dataset="old")
        finish_run(store, run, "done", {})  # an earlier `glamwiki ingest` read it: one of the project's sources
        known = params_from_form(store, project.root, "ingest", {"source": str(outside)})
        assert known["source"] == str(outside)
        assert [(k.source, k.dataset, k.profile) for k in known_sources(store)] == [(str(outside), "old", "generic")]


def test_failures_end_the_job_with_the_reason_and_the_worker_goes_on(project: Project) -> None:
    with project.open_store() as store:
        odd = jobs.create(store, "reach-dumps", {"by": "rita"})  # no worker runs this kind from the queue
        publish = queue(store, "publish", {"approved_only": True}, "rita")
        rights = queue(store, "rights", {"as_of": "not a date"}, "rita")
        fine = queue(store, "rights", {}, "rita")
    worker = Worker(Setup(project), name="test:2")
    assert worker.run_queued() == 3
    with project.open_store() as store:
        assert jobs.get(store, odd).status == jobs.QUEUED  # not this worker's kind: left for another
        failed = jobs.get(store, publish)
        assert failed.status == jobs.FAILED and "No credentials" in failed.message, failed.message
        assert jobs.get(store, rights).status == jobs.FAILED and "not a date" in jobs.get(store, rights).message
        assert jobs.get(store, fine).status == jobs.DONE
    with pytest.raises(ConfigError, match="no such job kind"):
        Worker(Setup(project), ["reach-dumps"])


def test_jobs_again_and_worker_once_on_the_command_line(project: Project, cli: CliRunner) -> None:
    with project.open_store() as store:
        failed = queue(store, "rights", {"as_of": "2026-01-01"}, "rita")
        jobs.finish(store, failed, jobs.FAILED, "pretend its worker was killed")
    result = cli.invoke(cli_app, ["jobs", "again", str(failed)])
    assert result.exit_code == 0 and "queued: it resumes job" in result.output, result.output
    refused = cli.invoke(cli_app, ["worker", "--once", "--kinds", "sparql"])
    assert refused.exit_code == 2 and "no such job kind" in refused.output
    ran = cli.invoke(cli_app, ["worker", "--once", "--kinds", "rights"])
    assert ran.exit_code == 0, ran.output
    with project.open_store() as store:
        again = jobs.list_jobs(store)[0]
    assert again.id != failed and again.status == jobs.DONE and again.params["by"] == "rita"
    assert again.params["resumes"] == failed and f"1 job(s) run: {again.id}" in ran.output


def test_a_silent_job_on_another_host_is_run_again_and_rights_again_decide_the_same(project: Project) -> None:
    _sources(project)
    with project.open_store() as store:
        queue(store, "ingest", params_from_form(store, project.root, "ingest", {"path": "sources", "profile": "tate"}),
              "rita")  # fmt: skip
        first = queue(store, "rights", {"as_of": "2026-01-01"}, "rita")
    worker = Worker(Setup(project), name="test:3")
    assert worker.run_queued() == 2
    with project.open_store() as store:
        before = jobs.get(store, first).message
        silent = jobs.start(store, "rights", {"as_of": "2026-01-01", "by": "rita"}, worker="elsewhere:99")
        with store.transaction():  # its worker, on another host, has not been heard of for 20 minutes
            store.execute("UPDATE jobs SET heartbeat_at = ? WHERE id = ?", ("2020-01-01T00:00:00.000000Z", silent))
        assert jobs.get(store, silent).stale()
        again = run_again(store, silent, "sam")
        assert jobs.get(store, silent).status == jobs.FAILED and "went silent" in jobs.get(store, silent).message
    assert worker.run_queued() == 1
    with project.open_store() as store:
        rerun = jobs.get(store, again)
    assert rerun.status == jobs.DONE and rerun.message == before  # the same decisions, none twice
    assert rerun.params == {"as_of": "2026-01-01", "by": "sam", "resumes": silent}


def test_heartbeat_while_a_step_writes_nothing_and_stop_asks_the_job_to_cancel(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stage step that writes no progress for a while (a long download): the worker's own thread beats;
    stopping the worker asks the running job to stop, and the stage ends it cancelled."""
    import threading
    import time

    from glamwiki.jobtrack import tracked
    from glamwiki.worker import kinds

    seen: list[str | None] = []

    def slow(store, job, setup) -> None:  # type: ignore[no-untyped-def]
        with tracked(store, job.kind, job_id=job.id, every=0.05) as advance:
            seen.append(jobs.get(store, job.id).heartbeat_at)
            time.sleep(1.0)  # no progress written meanwhile
            seen.append(jobs.get(store, job.id).heartbeat_at)
            while True:  # then steps, until the cancel request stops it
                advance(1)
                time.sleep(0.05)

    monkeypatch.setitem(kinds.RUNNERS, "rights", slow)
    with project.open_store() as store:
        job_id = queue(store, "rights", {}, "rita")
    worker = Worker(Setup(project), name="test:4", beat=0.3)
    thread = threading.Thread(target=worker.run_queued)
    thread.start()
    time.sleep(1.5)
    worker.stop()
    thread.join(timeout=30)
    assert not thread.is_alive()
    with project.open_store() as store:
        job = jobs.get(store, job_id)
    assert seen[0] is not None and seen[1] is not None and seen[1] > seen[0], seen  # beaten during the silent second
    assert job.status == jobs.CANCELLED and job.cancel_requested and job.done > 0, job
