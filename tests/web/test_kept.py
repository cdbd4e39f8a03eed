"""What the web keeps between requests (web/kept.py, web/dashboards.py) is what a fresh read gives,
and a decision or a run makes it read again: on both backends."""

from __future__ import annotations

import gzip
import itertools
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.conftest import require_shared

from glamwiki.cli import cli as main_cli
from glamwiki.model.rights import REVIEW
from glamwiki.project import Project
from glamwiki.rights.review import group_decisions, queue_groups
from glamwiki.store import Store
from glamwiki.store.dashboards import data_version, get_dashboard
from glamwiki.store.rights import iter_decisions, save_decisions, save_fact
from glamwiki.web.dashboards import draw, overview, redraw_in_background, stage_view
from glamwiki.web.kept import Kept
from glamwiki.web.review import Member, groups, review_index, version_of

pytestmark = pytest.mark.both_backends


@pytest.fixture
def assessed(cli: CliRunner, project: Project, store: Store, tmp_path: Path) -> Store:
    """The project with Tate's 3,532 artists and 2,000 of its works, assessed (some under review)."""
    data = require_shared()
    folder = tmp_path / "tate-input"
    folder.mkdir()
    (folder / "artist_data.csv").write_bytes((data / "tate" / "artist_data.csv").read_bytes())
    with gzip.open(data / "tate" / "artworks.jsonl.gz", "rt") as fh, gzip.open(folder / "a.jsonl.gz", "wt") as out:
        out.writelines(itertools.islice(fh, 2000))
    (folder / "a.jsonl.gz").rename(folder / "artworks.jsonl.gz")
    assert cli.invoke(main_cli, ["ingest", str(folder), "--profile", "tate"]).exit_code in (0, 3)
    assert cli.invoke(main_cli, ["rights", "--as-of", "2014-01-01"]).exit_code == 0
    return store


def test_the_review_index_is_the_queue_read_afresh(assessed: Store) -> None:
    index = review_index(assessed)
    assert index.groups == queue_groups(assessed) and index.groups
    for key, _, _ in index.groups:
        fresh = [Member(d.dataset, d.record_id, str(d.as_of), list(d.missing_facts))
                 for d in group_decisions(assessed, key)]  # fmt: skip
        assert index.members.get(key, []) == fresh
        assert version_of(fresh) == version_of(group_decisions(assessed, key))


def test_a_decision_makes_the_kept_groups_read_again(assessed: Store) -> None:
    before = groups(assessed)
    version = data_version(assessed)
    d = next(iter_decisions(assessed, decision=REVIEW))
    with assessed.transaction():  # the record answered: no longer under review
        save_fact(assessed, d.dataset, d.record_id, "published", "no", "test", actor="tester")
        d.decision = "block"
        save_decisions(assessed, [d])
    assert data_version(assessed) != version
    after = groups(assessed)
    assert sum(g[2] for g in after) == sum(g[2] for g in before) - 1
    assert [g[:3] for g in after] == queue_groups(assessed)


def test_the_queue_says_both_counts_and_the_asked_count_is_the_group_pages(assessed: Store) -> None:
    """The queue's first count puts each record in one group (they add up to the records under
    review); its second is what the group's page lists and one answer touches (the demo: 9 and 62
    for an unknown publication date, which the page alone used to show as a contradiction)."""
    found = groups(assessed)
    under_review = sum(1 for _ in iter_decisions(assessed, decision=REVIEW))
    assert sum(g[2] for g in found) == under_review
    for key, _, first, asked in found:
        assert asked == len(group_decisions(assessed, key)) >= first


def test_kept_reads_once_per_version(assessed: Store) -> None:
    kept, reads = Kept(size=2), []

    def read(store: Store) -> int:
        reads.append(1)
        return len(reads)

    assert kept.get(assessed, "x", read) == kept.get(assessed, "x", read) == 1
    kept.get(assessed, "y", read), kept.get(assessed, "z", read)  # "x" is the oldest: dropped
    assert kept.get(assessed, "x", read) == 4


def test_a_dashboard_is_drawn_once_then_shown_until_the_data_changes(assessed: Store) -> None:
    first = stage_view(assessed, "rights")
    assert first.current and "Rights clearance" in first.dashboard.title and not first.absent
    assert get_dashboard(assessed, "rights") == first.dashboard
    again = stage_view(assessed, "rights")
    assert again.dashboard.computed_at == first.dashboard.computed_at  # not drawn again
    with assessed.transaction():
        save_fact(assessed, "tate", "A00001", "published", "no", "test", actor="tester")
    # a slow one (sync_limit 0) is shown as drawn, marked not current; a fast one is drawn at once
    slow = stage_view(assessed, "rights", sync_limit=0.0)
    assert not slow.current and slow.dashboard == first.dashboard
    fast = stage_view(assessed, "rights", sync_limit=3600.0)
    assert fast.current and fast.dashboard.version == data_version(assessed) != first.dashboard.version
    assert [v.name for v in overview(assessed)] == ["intake", "rights", "links", "publishing", "reach"]


def test_an_old_dashboard_is_drawn_again_in_the_background(assessed: Store, project: Project) -> None:
    drawn = draw(assessed, "intake")
    with assessed.transaction():
        save_fact(assessed, "tate", "A00002", "published", "no", "test", actor="tester")
    assert not stage_view(assessed, "intake", sync_limit=0.0).current
    redraw_in_background("test", project.open_store, ["intake"])
    end = time.monotonic() + 60
    while (found := get_dashboard(assessed, "intake")) is not None and found.version == drawn.version:
        assert time.monotonic() < end, "the dashboard was not drawn again"
        time.sleep(0.1)
    assert stage_view(assessed, "intake", sync_limit=0.0).current


def test_kept_over_many_stores_reads_again_when_one_changes(assessed: Store) -> None:
    kept, reads = Kept(), []

    def read(stores: object) -> int:
        reads.append(1)
        return len(reads)

    both = [("a", assessed), ("b", assessed)]
    assert kept.get_over(both, "programme", read) == kept.get_over(both, "programme", read) == 1
    assert kept.get_over(both[:1], "programme", read) == 2  # other projects seen: another read
    with assessed.transaction():
        save_fact(assessed, "tate", "A00003", "published", "no", "test", actor="tester")
    assert kept.get_over(both, "programme", read) == 3
    young = Kept(max_age=0.0)  # kept no time at all: every view reads
    assert young.get_over(both, "programme", read) == 4 and young.get_over(both, "programme", read) == 5


def test_a_busy_sqlite_project_shows_the_dashboard_without_keeping_it(tmp_path: Path) -> None:
    from glamwiki.project import init_project
    from glamwiki.store.dashboards import Dashboard, save_dashboard

    project = init_project(tmp_path / "p", institution="Test Museum")
    d = Dashboard("intake", "v1", "intake", "Intake", "<p>x</p>", "", False, 0.1, "2026-11-30T00:00:00+00:00")
    with project.open_store() as web, project.open_store() as command:
        web.conn.execute("PRAGMA busy_timeout=100")
        command.conn.execute("BEGIN IMMEDIATE")  # a command's long write
        assert save_dashboard(web, d) is False and not web.in_transaction
        command.conn.execute("ROLLBACK")
        assert save_dashboard(web, d) is True and get_dashboard(web, "intake") == d
