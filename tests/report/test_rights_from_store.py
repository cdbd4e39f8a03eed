"""The report shows the decisions the project's `glamwiki rights` run stored, with that run's settings
(issue 13: it reran the rights engine with the default settings), and says when there are none."""

from __future__ import annotations

from pathlib import Path

import msgspec
from click.testing import CliRunner

from glamwiki.cli import cli as glamwiki_cli
from glamwiki.model.dates import DateInterval
from glamwiki.model.records import CreatorRef, ObjectRecord
from glamwiki.report.rights_section import NOT_RUN, rights_section
from glamwiki.rights.engine import assess
from glamwiki.rights.rules import default_settings
from glamwiki.store import Store
from glamwiki.store.records import Pending, digest, write_batch
from glamwiki.store.rights import decision_counts, get_decision, last_rights_run

from ..publishing.records import make_record


def _born(n: int, year: int) -> ObjectRecord:
    """A drawing by a creator the catalogue gives a birth year and no death year."""
    creator = CreatorRef(name=f"Painter {n}", birth=DateInterval(str(year), f"{year}-01-01", f"{year}-12-31"))
    made = str(year + 25)
    date = DateInterval(made, f"{made}-01-01", f"{made}-12-31")
    return msgspec.structs.replace(make_record(n, None), creators=[creator], date=date)


def _ingest(store: Store, records: list[ObjectRecord]) -> None:
    run = store.execute("INSERT INTO ingest_runs(source, reader, dataset) VALUES ('t', 't', 'test')").lastrowid
    rows = [Pending("object", r.id, data, digest(data), r.id) for r in records for data in [msgspec.json.encode(r)]]
    with store.transaction():
        write_batch(store, run, "test", rows)


def test_no_stored_decisions_says_run_rights(store: Store) -> None:
    assert rights_section(store) is None  # nothing ingested: nothing to say
    _ingest(store, [_born(1, 1870)])
    section = rights_section(store)
    assert section is not None and "run `glamwiki rights`" in NOT_RUN and NOT_RUN in section.html


def test_report_shows_the_runs_decisions_and_settings(store: Store, cli: CliRunner, tmp_path: Path) -> None:
    # Creators born 1870 and 1876 with no death year. Under the rules' default longest life (122 years)
    # neither can be shown dead 70 years; with --max-lifespan 80 the first is (died by 1950), and the
    # second's term ends on 31 December 2026 (died by 1956): it is freed on Public Domain Day 2027.
    records = [_born(1, 1870), _born(2, 1876)]
    _ingest(store, records)
    result = cli.invoke(glamwiki_cli, ["rights", "--as-of", "2026-01-01", "--max-lifespan", "80"])
    assert result.exit_code in (0, 3), result.output
    run = last_rights_run(store)
    assert run is not None and (run.as_of, run.max_lifespan, run.records) == ("2026-01-01", 80, 2)
    stored = get_decision(store, "R0001", "test")
    default = assess(records[0], "2026-01-01", settings=default_settings(), dataset="test")
    assert stored is not None and stored.uk_status == "pd" != default.uk_status  # the setting mattered

    section = rights_section(store)
    assert section is not None
    counts = decision_counts(store)
    for decision in ("upload", "block", "review"):
        assert f"<b>{counts.get(decision, 0)}</b>{decision}</div>" in section.html
    assert "longest life 80 years" in section.html and "as of 2026-01-01" in section.html
    pd_day = section.html.split("Public Domain Day, 1 January 2027", 1)[1]
    assert "R0002" in pd_day and "R0001" not in pd_day  # evaluated with the run's 80 years, not 122
