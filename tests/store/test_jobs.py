"""Jobs and claims on real SQLite (docs/adr/0008): progress another connection reads, cancel, claim of
the next queued job, file claims never given twice, a dead worker's claims taken over."""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path

import pytest

from glamwiki.project import Project
from glamwiki.store import Store, jobs, open_store
from glamwiki.store import publishing as db

pytestmark = pytest.mark.both_backends  # claims use SKIP LOCKED on PostgreSQL, BEGIN IMMEDIATE on SQLite


def _plan(store: Store, n: int) -> list[int]:
    db.save_plan(store, ({"dataset": "d", "record_id": f"R{k}", "image_index": 0, "status": db.PLANNED,
                          "title": f"File {k}.jpg"} for k in range(n)))  # fmt: skip
    return [i.item_id for i in db.iter_plan(store, db.PLANNED)]


def test_progress_and_cancel_are_seen_by_another_connection(project: Project) -> None:
    with project.open_store() as mine, project.open_store() as other:
        job = jobs.start(mine, "ingest", {"source": "x.csv"}, total=10)
        jobs.progress(mine, job, 4, message="reading")
        seen = jobs.get(other, job)
        assert (seen.status, seen.done, seen.total, seen.message, seen.params) == (
            "running", 4, 10, "reading", {"source": "x.csv"})  # fmt: skip
        assert not jobs.cancel_requested(mine, job)
        jobs.request_cancel(other, job)
        assert jobs.cancel_requested(mine, job) and jobs.get(mine, job).status == "running"  # stops itself
        jobs.finish(mine, job, jobs.CANCELLED, "stopped at record 4")
        assert jobs.get(other, job).status == "cancelled" and jobs.get(other, job).finished_at
        assert [j.id for j in jobs.list_jobs(other)] == [job]


def test_a_queued_job_is_claimed_once_and_a_cancelled_one_never(store: Store) -> None:
    first = jobs.create(store, "reach-collect", {"month": "2026-10"})
    second = jobs.create(store, "publish")
    jobs.request_cancel(store, second)
    assert jobs.get(store, second).status == "cancelled"  # queued: cancelled at once
    taken = jobs.claim_next(store, "w1")
    assert taken is not None and taken.id == first and taken.worker == "w1" and taken.status == "running"
    assert jobs.claim_next(store, "w2") is None
    handed = jobs.create(store, "publish")
    jobs.mark_running(store, handed, "web-worker:7")
    assert (jobs.get(store, handed).status, jobs.get(store, handed).worker) == ("running", "web-worker:7")
    assert jobs.claim_next(store, "w3") is None
    with pytest.raises(jobs.JobNotFound, match="No job 999"):
        jobs.get(store, 999)


def test_two_jobs_never_claim_the_same_file(store: Store) -> None:
    items = _plan(store, 25)
    a, b = jobs.start(store, "publish"), jobs.start(store, "publish")
    got_a = jobs.claim_items(store, a, 10, scope="wiki")
    got_b = jobs.claim_items(store, b, 10, scope="wiki")
    got_a += jobs.claim_items(store, a, 10, scope="wiki")
    assert len(got_a) == 15 and len(got_b) == 10 and not set(got_a) & set(got_b)
    assert sorted(got_a + got_b) == items
    assert jobs.claim_items(store, b, 10, scope="wiki") == []  # nothing left, not even its own again
    assert len(jobs.claim_items(store, b, 10, scope="other-wiki")) == 10  # claims are per target


def test_a_dead_workers_claims_are_taken_over_and_an_ended_jobs_released(store: Store) -> None:
    _plan(store, 3)
    dead, alive = jobs.start(store, "publish", worker="gone:1"), jobs.start(store, "publish")
    held = jobs.claim_items(store, dead, 2, scope="wiki")
    assert len(jobs.claim_items(store, alive, 5, scope="wiki")) == 1
    store.execute("UPDATE jobs SET heartbeat_at = '2020-01-01T00:00:00.000000Z' WHERE id = ?", (dead,))
    assert jobs.get(store, dead).stale()
    assert jobs.claim_items(store, alive, 5, scope="wiki", stale_after=timedelta(minutes=5)) == held
    assert jobs.claims_of(store, dead) == []
    jobs.finish(store, alive, jobs.DONE)
    third = jobs.start(store, "publish")
    assert len(jobs.claim_items(store, third, 5, scope="wiki")) == 3  # released when the job ended


def test_finished_files_are_not_claimed(store: Store) -> None:
    items = _plan(store, 3)
    db.put_state(store, db.FileState("wiki", items[0], "done"))
    db.put_state(store, db.FileState("wiki", items[1], "uploaded"))  # not finished: page id still to read
    job = jobs.start(store, "publish")
    assert jobs.claim_items(store, job, 5, scope="wiki") == items[1:]
    assert jobs.open_files(store, "wiki") == items[1:]


def test_claims_from_many_threads_with_their_own_connections(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    with open_store(path, migrate=True) as store:
        items = _plan(store, 200)
    taken: list[list[int]] = []

    def worker() -> None:
        with open_store(path) as s:
            job = jobs.start(s, "publish")
            mine: list[int] = []
            while got := jobs.claim_items(s, job, 7, scope="wiki"):
                mine += got
            taken.append(mine)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    every = [i for mine in taken for i in mine]
    assert sorted(every) == items, "each file claimed exactly once"


def test_a_claim_reads_on_after_the_last_id_and_from_the_start_for_leftovers(store: Store) -> None:
    items = _plan(store, 6)
    dead, job = jobs.start(store, "publish", worker="gone:1"), jobs.start(store, "publish")
    early = jobs.claim_items(store, dead, 2, scope="wiki")
    assert jobs.claim_items(store, job, 3, scope="wiki", after=items[0]) == items[2:5]
    assert jobs.claim_items(store, job, 3, scope="wiki", after=items[4]) == items[5:]
    assert jobs.claim_items(store, job, 3, scope="wiki", after=items[5]) == []
    store.execute("UPDATE jobs SET heartbeat_at = '2020-01-01T00:00:00.000000Z' WHERE id = ?", (dead,))
    assert jobs.claim_items(store, job, 3, scope="wiki") == early  # the dead run's files, from the start


def test_a_run_beats_between_the_steps_of_a_file(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from glamwiki.publishing import claimed

    _plan(store, 1)
    work = claimed.ClaimedWork(store, "wiki", approved_only=False)
    store.execute("UPDATE jobs SET heartbeat_at = '2020-01-01T00:00:00.000000Z' WHERE id = ?", (work.job_id,))
    work.beat()  # within BEAT_EVERY of the start: nothing written
    assert jobs.get(store, work.job_id).stale()
    monkeypatch.setattr(claimed, "BEAT_EVERY", 0.0)
    work.beat()
    assert not jobs.get(store, work.job_id).stale()


def test_the_claim_query_knows_every_end_state_of_a_file() -> None:
    """A file state that ends publishing (held included) must never be handed out again by a claim."""
    from glamwiki.publishing import journal
    from glamwiki.store import jobs as store_jobs

    assert set(store_jobs._TERMINAL_FILE_STATES) == set(journal.TERMINAL)


def _gone_pid() -> int:
    """The pid of a process that ran and was collected: no process has it now."""
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_killed_runs_job_is_failed_and_its_claims_freed_at_once(store: Store) -> None:
    import socket

    items = _plan(store, 6)
    here = socket.gethostname()
    killed = jobs.start(store, "publish", worker=f"{here}:{_gone_pid()}")
    elsewhere = jobs.start(store, "publish", worker="another-host:1")  # judged only by its heartbeat
    alive = jobs.start(store, "publish")  # this process
    assert jobs.claim_items(store, killed, 3, scope="wiki") == items[:3]
    assert jobs.claim_items(store, elsewhere, 2, scope="wiki") == items[3:5]
    fresh = jobs.start(store, "publish")
    assert jobs.claim_items(store, fresh, 6, scope="wiki") == items[5:]  # the killed run still holds its three
    assert jobs.reap_dead(store) == [killed]
    found = jobs.get(store, killed)
    assert found.status == "failed" and "ended without finishing" in found.message and found.finished_at
    assert jobs.claims_of(store, killed) == []
    assert jobs.claim_items(store, fresh, 6, scope="wiki") == items[:3]
    assert {jobs.get(store, j).status for j in (elsewhere, alive)} == {"running"}
    assert jobs.reap_dead(store) == []  # nothing twice


def test_the_jobs_list_shows_a_killed_run_as_failed(store: Store) -> None:
    import socket

    job = jobs.start(store, "ingest", worker=f"{socket.gethostname()}:{_gone_pid()}")
    assert [(j.id, j.status) for j in jobs.list_jobs(store)] == [(job, "failed")]
