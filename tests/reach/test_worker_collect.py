"""A reach-collect job queued as the web queues it, run by the worker against recorded Wikimedia
API answers on 127.0.0.1: the project's uploaded files are collected, as `reach collect --project`."""

from __future__ import annotations

from glamwiki.project import Project
from glamwiki.reach.session import client_for
from glamwiki.store import jobs
from glamwiki.worker.loop import Worker
from glamwiki.worker.setup import Setup
from glamwiki.worker.starting import params_from_form, queue, run_again

from .conftest import route_museum
from .test_collect import _uploaded


def test_reach_collect_job_collects_the_projects_uploads(project: Project, api) -> None:  # type: ignore[no-untyped-def]
    root, recorded = api
    route_museum(recorded)
    with project.open_store() as store:
        nothing = queue(store, "reach-collect", {}, "rita")
    worker = Worker(Setup(project, reach=lambda api_root: client_for(project.root, root, 0, backoff=0.001,
                                                                     max_retries=2)))  # fmt: skip
    assert worker.run_queued() == 1
    with project.open_store() as store:
        failed = jobs.get(store, nothing)
        assert failed.status == jobs.FAILED and "No files uploaded" in failed.message
    _uploaded(project, ["Mona_Lisa.jpg", "Sunflowers.jpg"])
    with project.open_store() as store:
        params = params_from_form(store, project.root, "reach-collect", {"first": "2025-01", "last": "2025-12"})
        job_id = queue(store, "reach-collect", params, "rita")
    assert worker.run_queued() == 1
    with project.open_store() as store:
        job = jobs.get(store, job_id)
        assert job.status == jobs.DONE and job.message.startswith("2 files"), job.message
        assert job.params == {"source": "project", "start": "2025-01", "end": "2025-12", "by": "rita"}
        files = {r[0] for r in store.query("SELECT file FROM reach_files")}
    assert files == {"Mona_Lisa.jpg", "Sunflowers.jpg"}
    assert any(q.get("prop") == "globalusage" for _, q in recorded.log)
    with project.open_store() as store:  # a collect of a category, from a terminal, is not redone as the project's
        category = jobs.start(store, "reach-collect", {"source": "category:Media contributed by Test Museum"})
        jobs.finish(store, category, jobs.FAILED, "killed")
        run_again(store, category, "rita")
    assert worker.run_queued() == 1
    with project.open_store() as store:
        refused = jobs.list_jobs(store)[0]
    assert refused.status == jobs.FAILED and "glamwiki reach collect" in refused.message
