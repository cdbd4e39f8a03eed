"""Funder reports on real project stores (ingest-free: the publishing, reach and event tables filled as
the stages fill them): every figure of a residency and of a programme of two residencies that share
a file, an article and an edit, counted by hand; "not measured" apart from 0; the formats' escaping."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from glamwiki.errors import ConfigError
from glamwiki.project import Project, init_project
from glamwiki.report.funder import NOT_MEASURED, Period, period_of, programme_report, residency_report
from glamwiki.report.funder_formats import CSV_COLUMNS, to_csv, to_html, to_wikitext
from glamwiki.store import Store, reach
from glamwiki.wikimedia.ids import Q_FEMALE, Q_MALE

from ..test_hostile_text import FORMULAS
from ..test_programme import SHARED, VIEWS, WIKI, _uploaded, _used

OCT = Period("2026-10", "2026-10")
HOSTILE = "{{Delete}} [[Category:X]] |} <script>x</script> '''b''' ~~~~ =1+1"


def _uploaded_in(store: Store, days: dict[str, str]) -> None:
    _uploaded(store, list(days))
    for t, day in days.items():  # when each upload finished (a publish run sets it to the time of the run)
        store.execute("UPDATE publish_state SET updated_at = ? WHERE title = ?", (f"{day} 10:00:00",
                      f"File:{t.replace('_', ' ')}"))  # fmt: skip


def _collected(store: Store, pages: list[str]) -> None:
    with store.transaction():
        for page in pages:  # the reach stage fetched these months (so a month without a row is 0, not a gap)
            reach.record_coverage(store, "pageviews", f"en.wikipedia|{page}", "user", "2026-09", "2026-10")


def _event(
    store: Store, name: str, start: str, people: list[str], edits: list[tuple[int, str, str, int, int, int | None]]
) -> None:
    data = {"name": name, "participants": people, "start": start, "end": start, "wikis": ["en.wikipedia"]}
    with store.transaction():
        reach.save_event(store, name, json.dumps(data), start)
        for revid, title, when, new, diff, refs in edits:
            reach.save_event_edit(store, (name, "en.wikipedia", revid, 0, people[0], title, 0, when, new, diff, refs))


def _two_residencies(tmp_path: Path, tate: Project | None = None) -> tuple[Project, Project]:
    a = tate or init_project(tmp_path / "tate", institution="Tate")
    b = init_project(tmp_path / "nga", institution="NGA")
    with a.open_store() as s:
        _uploaded_in(s, {SHARED: "2026-09-20", "Harbour.jpg": "2026-09-20", "Unused.jpg": "2026-10-03"})
        _used(s, SHARED, ["Ada_Lovelace"], VIEWS)
        _used(s, "Harbour.jpg", ["Harbour"], VIEWS)
        reach.add_files(s, ["Unused.jpg"], "project")
        _collected(s, ["Ada_Lovelace", "Harbour"])
        _event(s, "Tate editathon", "2026-10-10T09:00:00Z", ["Ann", "Bo"], [
            (11, "Ada_Lovelace", "2026-10-10T10:00:00Z", 1, 500, 3),
            (12, "Harbour", "2026-10-10T11:00:00Z", 0, -40, 0),
            (13, "Babbage", "2026-10-10T12:00:00Z", 0, 120, 1),
        ])  # fmt: skip
        _event(s, "Tate summer", "2026-07-01T09:00:00Z", ["Dee"], [(5, "Kew", "2026-07-01T10:00:00Z", 0, 9, 0)])
        with s.transaction():
            reach.save_page_subject(s, "en.wikipedia", "Ada_Lovelace", "Q7259", True, Q_FEMALE)
            reach.save_page_subject(s, "en.wikipedia", "Babbage", "Q46633", True, Q_MALE)
            reach.save_page_subject(s, "en.wikipedia", "Harbour", "Q1", False, None)
    with b.open_store() as s:
        _uploaded_in(
            s, {SHARED: "2026-10-12", "Kew.jpg": "2026-10-12"}
        )  # the same Commons file as Tate's, counted once
        _used(s, SHARED, ["Ada_Lovelace"], VIEWS)  # on the same article: its views once
        _used(s, "Kew.jpg", ["Kew"], VIEWS)
        reach.record_usage(s, "Kew.jpg", [("en.wikipedia", "Ada_Lovelace", 0, 1, "article")], "2026-10-01T00:00:00Z")
        _collected(s, ["Ada_Lovelace", "Kew"])
        _event(s, "NGA editathon", "2026-10-20T09:00:00Z", ["Ann", "Cy"], [
            (13, "Babbage", "2026-10-10T12:00:00Z", 0, 120, 1),  # the same edit Tate recorded (Ann in both)
            (21, "Grace_Hopper", "2026-10-20T10:00:00Z", 1, 800, None),  # references not counted for it
        ])  # fmt: skip
        with s.transaction():
            reach.save_page_subject(s, "en.wikipedia", "Grace_Hopper", "Q11641", True, Q_FEMALE)
    return a, b


def test_a_residency_month_counted_by_hand(tmp_path: Path) -> None:
    a, _ = _two_residencies(tmp_path)
    with a.open_store() as s:
        r = residency_report(s, "Tate", OCT, WIKI)
    v = r.value
    assert (v("events"), v("participants")) == (1, 2)  # the October event only (July's is outside)
    assert (v("uploads"), v("uploads_total")) == (1, 3)
    assert (v("files_measured"), v("files_in_use"), v("share_in_use")) == (3, 2, 0.667)
    assert (v("views"), v("views_since_start")) == (57, 157)  # Ada 50 + Harbour 7; with September's 100
    assert v("views_per_file_sum") == 57  # each article shows one of Tate's files
    assert (v("articles_created"), v("articles_improved"), v("edits")) == (1, 2, 3)
    assert (v("bytes_added"), v("references_added")) == (620, 4)  # -40 adds nothing
    assert (v("biographies"), v("share_women")) == (2, 0.5)
    assert v("new_editors") is None and r.figure("new_editors").shown == NOT_MEASURED  # accounts not looked up
    assert r.views_by_month == [("2026-10", 57)]
    assert [(e.name, e.edits, e.bytes_added) for e in r.events] == [("Tate editathon", 3, 620)]
    assert dict(r.chart_months)["2026-09"] == 157 - 57 and dict(r.chart_months)["2026-08"] is None


def test_a_programme_counts_a_shared_file_article_and_edit_once(tmp_path: Path) -> None:
    a, b = _two_residencies(tmp_path)
    with a.open_store() as sa, b.open_store() as sb:
        r = programme_report([("Tate", sa), ("NGA", sb)], OCT, WIKI, "UK residencies")
        year = programme_report([("Tate", sa), ("NGA", sb)], period_of(year="2026"), WIKI)
    v = r.value
    assert (v("events"), v("participants")) == (2, 3)  # Ann took part in both: one person
    assert (v("uploads"), v("uploads_total")) == (2, 4)  # the shared file once: Unused + Kew in October
    assert (v("files_measured"), v("files_in_use"), v("share_in_use")) == (4, 3, 0.75)
    assert (v("views"), v("views_since_start")) == (60, 160)  # Ada Lovelace's 50 once, not twice
    assert v("views_per_file_sum") == 50 + 50 + 7 + 3  # Ada credited to the shared file (once) and to Kew.jpg
    assert (v("edits"), v("articles_created"), v("articles_improved")) == (4, 2, 2)  # edit 13 once
    assert (v("bytes_added"), v("references_added")) == (1420, 4)  # the NULL references are not a 0
    assert (v("biographies"), v("share_women")) == (3, 0.667)
    assert r.projects == ["Tate", "NGA"]
    assert (year.value("events"), year.value("edits"), year.value("views")) == (3, 5, 160)
    assert year.views_by_month[8:10] == [("2026-09", 100), ("2026-10", 60)] and year.views_by_month[0] == (
        "2026-01",
        None,
    )


def test_not_measured_is_not_zero(tmp_path: Path) -> None:
    bare = init_project(tmp_path / "bare")
    with bare.open_store() as s:
        r = residency_report(s, "bare", OCT, WIKI)
        _event(s, "quiet", "2026-10-01T00:00:00Z", ["Ann"], [])
        quiet = residency_report(s, "bare", OCT, WIKI)
    for key in (
        "events",
        "participants",
        "articles_created",
        "bytes_added",
        "references_added",
        "views",
        "files_in_use",
        "share_in_use",
        "biographies",
        "share_women",
        "new_editors",
        "retained_editors",
    ):
        assert r.value(key) is None, key
    assert (r.value("uploads"), r.value("uploads_total")) == (0, 0)  # nothing uploaded is a count: 0
    assert r.views_by_month == [("2026-10", None)]
    assert (quiet.value("events"), quiet.value("articles_created"), quiet.value("references_added")) == (1, 0, 0)
    assert quiet.value("share_women") is None  # no biography worked on: no share
    with bare.open_store() as s:
        reach.add_files(s, ["Never_checked.jpg"], "project")
        unchecked = residency_report(s, "bare", OCT, WIKI)
        reach.record_usage(s, "Never_checked.jpg", [], "2026-10-02T00:00:00Z")  # checked: used nowhere
        checked = residency_report(s, "bare", OCT, WIKI)
    assert (unchecked.value("files_measured"), unchecked.value("share_in_use")) == (None, None)
    assert (checked.value("files_measured"), checked.value("files_in_use"), checked.value("share_in_use")) == (
        1,
        0,
        0.0,
    )
    assert checked.value("views") is None  # usage looked up, views never collected
    text = to_csv(r)
    assert f"views,,{NOT_MEASURED}," in text and ",views,,0," not in text
    assert f"| {NOT_MEASURED} |" in to_wikitext(r) or f"|| {NOT_MEASURED} ||" in to_wikitext(r)


def test_periods() -> None:
    assert period_of(month="2026-10") == Period("2026-10", "2026-10")
    assert period_of(year="2026").label == "2026" and len(period_of(year="2026").months) == 12
    assert period_of(start="2026-01", end="2026-06").label == "2026-01 to 2026-06"
    for bad in ({}, {"month": "2026-10", "year": "2026"}, {"year": "26"}, {"start": "2026-06", "end": "2026-01"},
                {"start": "2026-01"}):  # fmt: skip
        with pytest.raises(ConfigError):
            period_of(**bad)


@pytest.mark.parametrize("hostile", [HOSTILE, *FORMULAS])
def test_formats_escape_names_typed_by_people(tmp_path: Path, hostile: str) -> None:
    p = init_project(tmp_path / "p")
    with p.open_store() as s:
        _event(s, hostile, "2026-10-01T00:00:00Z", [hostile, "Bo"], [(1, "Ada", "2026-10-01T01:00:00Z", 1, 5, 1)])
        r = residency_report(s, hostile, OCT, WIKI)
    rows = list(csv.reader(io.StringIO(to_csv(r), newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert rows[1][1] == ("'" + hostile if hostile.startswith(("=", "+", "-", "@", "\t", "\r")) else hostile)
    wiki = to_wikitext(r)
    for markup in ("{{", "[[", "<script", "'''", "~~~~", "|}" + " <"):
        assert markup not in wiki.replace('{| class="wikitable', "").replace("{| class", ""), markup
    assert wiki.count("\n|}") == wiki.count('{| class="wikitable')  # no table closed early by a name
    html = to_html(r)
    assert "<script>x" not in html


def test_the_commands_write_each_format(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from glamwiki.cli import cli as cli_app

    a, _ = _two_residencies(tmp_path)
    runner = CliRunner()
    out = tmp_path / "oct.csv"
    args = ["--project", str(a.root), "report", "funder", "--month", "2026-10", "--format", "csv", "-o", str(out)]
    result = runner.invoke(cli_app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["figures"]["views"] == 57
    assert "figure,month,value" in out.read_text(encoding="utf-8")
    plain = runner.invoke(cli_app, ["--project", str(a.root), "report", "funder", "--year", "2026", "-o",
                                    str(tmp_path / "y.html")])  # fmt: skip
    assert plain.exit_code == 0 and "events held: 2" in plain.output, plain.output
    assert "<svg" in (tmp_path / "y.html").read_text(encoding="utf-8")
    both = runner.invoke(
        cli_app, ["--project", str(a.root), "report", "funder", "--month", "2026-10", "--year", "2026"]
    )
    assert both.exit_code == 2 and "Choose one period" in both.output
    whole = runner.invoke(cli_app, ["--project", str(a.root), "report", "-o", str(tmp_path / "r.html")])
    assert whole.exit_code == 0 and (tmp_path / "r.html").is_file()  # the project report, as before
    programme = tmp_path / "programme.toml"
    programme.write_text(f'[programme]\nname = "UK residencies"\nprojects = ["tate", "nga"]\ntarget = "{WIKI}"\n')
    wiki = tmp_path / "p.wiki"
    result = runner.invoke(cli_app, ["programme", "report", "--file", str(programme), "--month", "2026-10",
                                     "--format", "wikitext", "-o", str(wiki), "--json"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["figures"]["uploads_total"] == 4
    assert "Programme report: UK residencies, 2026-10" in wiki.read_text(encoding="utf-8")


def test_new_and_retained_editors_follow_event_metrics(tmp_path: Path) -> None:
    a, b = _two_residencies(tmp_path)
    with a.open_store() as s, s.transaction():  # Tate's event: 2026-10-10; 14 days before is 2026-09-26
        reach.save_event_participant(s, "Tate editathon", "Ann", "2026-09-26T09:00:00Z", True, "2026-11-30")
        reach.save_event_participant(s, "Tate editathon", "Bo", "2026-09-25T09:00:00Z", False, "2026-11-30")
    with b.open_store() as s, s.transaction():
        reach.save_event_participant(s, "NGA editathon", "Ann", "2026-09-26T09:00:00Z", None, "2026-10-21")
        reach.save_event_participant(s, "NGA editathon", "Cy", "2026-10-20T08:00:00Z", None, "2026-10-21")
    with a.open_store() as sa, b.open_store() as sb:
        tate = residency_report(sa, "Tate", OCT, WIKI)
        both = programme_report([("Tate", sa), ("NGA", sb)], OCT, WIKI)
    assert (tate.value("new_editors"), tate.value("retained_editors")) == (1, 1)  # Bo registered a day too early
    assert both.value("new_editors") == 2  # Ann (in both events) once, and Cy
    assert both.value("retained_editors") is None  # NGA's were looked up before 7 days had passed


def test_the_new_editor_rule_at_its_edges() -> None:
    from glamwiki.reach.event import is_new_editor

    start, end = "2026-10-10T09:00:00Z", "2026-10-10T18:00:00Z"
    assert is_new_editor("2026-09-26T09:00:00Z", start, end) and is_new_editor("2026-10-10T18:00:00Z", start, end)
    assert not is_new_editor("2026-09-26T08:59:59Z", start, end) and not is_new_editor(
        "2026-10-10T18:00:01Z", start, end
    )
    assert not is_new_editor(None, start, end)  # the wiki does not say: an account from before late 2005


@pytest.mark.both_backends
def test_the_same_figures_from_a_postgresql_store(project: Project, tmp_path: Path) -> None:
    """Tate's store on the test's backend (PostgreSQL too), NGA's on SQLite: one programme across engines."""
    a, b = _two_residencies(tmp_path, tate=project)
    with a.open_store() as sa, b.open_store() as sb:
        tate = residency_report(sa, "Tate", OCT, WIKI)
        both = programme_report([("Tate", sa), ("NGA", sb)], OCT, WIKI)
    assert [tate.value(k) for k in ("uploads", "uploads_total", "share_in_use", "views", "views_since_start",
                                    "articles_created", "bytes_added", "share_women")] == [
        1, 3, 0.667, 57, 157, 1, 620, 0.5]  # fmt: skip
    assert [both.value(k) for k in ("uploads_total", "files_in_use", "views", "views_per_file_sum", "edits")] == [
        4, 3, 60, 110, 4]  # fmt: skip
