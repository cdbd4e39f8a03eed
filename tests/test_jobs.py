"""Long work as jobs (issue 13, docs/adr/0008): ingest and rights record a job whose progress another
process reads with `glamwiki jobs`; `jobs cancel` stops the work at its next batch, the work done so
far is kept, and a rerun goes on."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from glamwiki.cli import cli as cli_app
from glamwiki.jobtrack import JobCancelled, tracked
from glamwiki.project import Project
from glamwiki.rights.project import assess_project
from glamwiki.rights.rules import default_settings
from glamwiki.store import jobs
from glamwiki.store.rights import decision_counts

from .intake.helpers import ROWS, write_csv, write_mapping

RECORDS = 4500  # three batches of the rights stage (2,000 each)


def _ingest(cli: CliRunner, tmp_path: Path) -> None:
    rows = [[f"M.{k}", *ROWS[k % 3][1:]] for k in range(RECORDS)]
    path = write_csv(tmp_path / "export.csv", rows)
    result = cli.invoke(cli_app, ["ingest", str(path), "--mapping", str(write_mapping(tmp_path))])
    assert result.exit_code == 0, result.output


def test_ingest_is_a_job_with_its_progress(cli: CliRunner, project: Project, tmp_path: Path) -> None:
    _ingest(cli, tmp_path)
    listed = cli.invoke(cli_app, ["jobs", "list", "--json"])
    assert listed.exit_code == 0, listed.output
    [job] = json.loads(listed.output)
    assert (job["kind"], job["status"], job["done"]) == ("ingest", "done", RECORDS)
    assert job["params"]["source"].endswith("export.csv") and job["finished_at"] and not job["stale"]
    shown = cli.invoke(cli_app, ["jobs", "show", str(job["id"])])
    assert "ingest" in shown.output and "done" in shown.output and "4,500" in shown.output
    missing = cli.invoke(cli_app, ["jobs", "show", "999"])
    assert missing.exit_code == 2 and "No job 999" in missing.output


def test_cancel_stops_at_the_next_batch_and_a_rerun_goes_on(cli: CliRunner, project: Project, tmp_path: Path) -> None:
    _ingest(cli, tmp_path)
    with project.open_store() as store, project.open_store() as elsewhere:
        asked: list[int] = []

        def cancel_once(n: int) -> None:  # someone runs `glamwiki jobs cancel` after the first batch
            if not asked:
                [running] = jobs.list_jobs(elsewhere, "running")
                result = cli.invoke(cli_app, ["jobs", "cancel", str(running.id)])
                assert "will stop at its next batch boundary" in result.output
                asked.append(running.id)

        with pytest.raises(JobCancelled, match="work finished so far is kept"), \
                tracked(store, "rights", {}, RECORDS, cancel_once, every=0) as advance:  # fmt: skip
            assess_project(store, date(2026, 1, 1), default_settings(), advance)
        job = jobs.get(elsewhere, asked[0])
        assert (job.status, job.done) == ("cancelled", 2000)
        assert sum(decision_counts(store).values()) == 2000  # the first batch is kept
        with tracked(store, "rights", {}, RECORDS, every=0) as advance:
            assess_project(store, date(2026, 1, 1), default_settings(), advance)
        assert sum(decision_counts(store).values()) == RECORDS
        assert [j.status for j in jobs.list_jobs(elsewhere) if j.kind == "rights"] == [
            "done", "cancelled"]  # fmt: skip


def test_a_failed_stage_is_a_failed_job_with_its_message(project: Project) -> None:
    with project.open_store() as store:
        with pytest.raises(ValueError), tracked(store, "link", {"authority": "x"}):
            raise ValueError("authority file has no name column")
        [job] = jobs.list_jobs(store)
    assert job.status == "failed" and "no name column" in job.message and job.finished_at
