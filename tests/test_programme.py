"""A programme of two real project stores that share a Commons file and an article (issue 13): the
totals count each file and each page once."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from glamwiki.cli import cli as cli_app
from glamwiki.programme import totals
from glamwiki.project import Project, init_project
from glamwiki.store import Store, reach
from glamwiki.store import publishing as pub
from glamwiki.wikimedia.ids import Q_FEMALE, Q_MALE

WIKI = "http://127.0.0.1:1/w/api.php"  # the target the uploads went to (never contacted)
SHARED = "Shared_portrait.jpg"  # uploaded by both residencies (the same Commons file)


def _uploaded(store: Store, titles: list[str]) -> None:
    pub.save_plan(store, ({"dataset": "d", "record_id": t, "image_index": 0, "status": pub.PLANNED, "title": t}
                          for t in titles))  # fmt: skip
    for item in pub.iter_plan(store, pub.PLANNED):
        pub.put_state(store, pub.FileState(WIKI, item.item_id, "done", title=f"File:{item.title.replace('_', ' ')}"))


def _used(store: Store, file: str, pages: list[str], views: dict[str, dict[str, int]]) -> None:
    reach.add_files(store, [file], "project")
    reach.record_usage(store, file, [("en.wikipedia", p, 0, 1, "article") for p in pages], "2026-10-01T00:00:00Z")
    with store.transaction():
        for page in pages:
            reach.record_views(store, "en.wikipedia", page, "monthly", "user", views[page].items(), "api")


def _edited(store: Store, event: str, edits: list[tuple[str, int]], subjects: dict[str, str | None]) -> None:
    with store.transaction():
        for revid, (title, new) in enumerate(edits, start=1):
            reach.save_event_edit(store, (event, "en.wikipedia", revid, 0, "Ann", title, 0, "2026-09-01", new, 10, 0))
        for title, gender in subjects.items():
            reach.save_page_subject(store, "en.wikipedia", title, "Q1", gender is not None, gender)


VIEWS = {"Ada_Lovelace": {"2026-09": 100, "2026-10": 50}, "Harbour": {"2026-10": 7}, "Kew": {"2026-10": 3}}


def _two_projects(tmp_path: Path) -> tuple[Project, Project]:
    a = init_project(tmp_path / "tate", institution="Tate")
    b = init_project(tmp_path / "nga", institution="NGA")
    with a.open_store() as s:
        _uploaded(s, [SHARED, "Harbour.jpg", "Unused.jpg"])
        _used(s, SHARED, ["Ada_Lovelace"], VIEWS)
        _used(s, "Harbour.jpg", ["Harbour"], VIEWS)
        _edited(s, "Tate editathon", [("Ada_Lovelace", 1), ("Harbour", 0)], {"Ada_Lovelace": Q_FEMALE, "Harbour": None})
    with b.open_store() as s:
        _uploaded(s, [SHARED, "Kew.jpg"])
        _used(s, SHARED, ["Ada_Lovelace"], VIEWS)  # the same file, used on the same article
        _used(s, "Kew.jpg", ["Kew"], VIEWS)
        _edited(s, "NGA editathon", [("Ada_Lovelace", 0), ("Charles_Babbage", 0)],
                {"Ada_Lovelace": Q_FEMALE, "Charles_Babbage": Q_MALE})  # fmt: skip
    return a, b


def test_totals_count_a_shared_file_and_article_once(tmp_path: Path) -> None:
    a, b = _two_projects(tmp_path)
    with a.open_store() as sa, b.open_store() as sb:
        t = totals([sa, sb], WIKI)
        alone = totals([sa], WIKI)
    assert (t.projects, t.uploads, t.shared_files) == (2, 4, 1)  # 3 + 2 files, one of them in both
    assert (t.files_measured, t.files_in_use, t.share_in_use) == (3, 3, 1.0)
    assert t.views_by_month == {"2026-09": 100, "2026-10": 60}  # Ada Lovelace's views once, not twice
    assert t.views_since_start == 160
    assert (t.articles_created, t.articles_improved) == (1, 2)  # Ada created (Tate), Harbour and Babbage improved
    assert (t.biographies, t.biographies_of_women, t.share_women) == (2, 1, 0.5)
    assert (alone.uploads, alone.views_since_start, alone.biographies) == (3, 157, 1)


def test_the_programme_command_reads_the_programme_file(tmp_path: Path) -> None:
    _two_projects(tmp_path)
    path = tmp_path / "programme.toml"
    path.write_text(f'[programme]\nname = "UK residencies"\nprojects = ["tate", "nga"]\ntarget = "{WIKI}"\n')
    result = CliRunner().invoke(cli_app, ["programme", "totals", "--file", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert (data["programme"], data["uploads"], data["views_since_start"], data["share_women"]) == (
        "UK residencies", 4, 160, 0.5)  # fmt: skip
    text = CliRunner().invoke(cli_app, ["programme", "totals", "--file", str(path)]).output
    assert "uploads: 4 files" in text and "2026-10: 60" in text and "50%" in text


def test_a_programme_file_naming_a_folder_without_a_project_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "programme.toml"
    (tmp_path / "empty").mkdir()
    path.write_text('[programme]\nprojects = ["empty"]\n')
    result = CliRunner().invoke(cli_app, ["programme", "totals", "--file", str(path)])
    assert result.exit_code == 2 and "field projects" in result.output and "empty" in result.output
