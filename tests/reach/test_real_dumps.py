"""Issue 11, defects 1-5, on real pageview_complete lines (tests/reach/fixtures/dumps/README.md):
quoted titles, one figure per article-month, idempotent reloads, hourly files booked to their hour,
media sources apart."""

from __future__ import annotations

import bz2
import gzip
from pathlib import Path

import pytest

from glamwiki.reach.dumpformats import identify
from glamwiki.reach.dumpload import load_dumps
from glamwiki.reach.engines import aggregate
from glamwiki.reach.figures import compute
from glamwiki.store import reach as db
from glamwiki.store.db import Store

SAMPLE = Path(__file__).parent / "fixtures" / "dumps" / "pageviews-ar-aa-sample.txt"
LINES = SAMPLE.read_text(encoding="utf-8").splitlines()
QUOTE, QUOTED_W, BANG = '"', '"W"_تشير_الى_المنتهي', "!"


def _title(field: str) -> str:
    """The title a wiki gives for a dump's title field (the quoted form undone), for the targets."""
    return field[1:-1].replace('\\"', '"') if field.startswith('"') else field


def _write(folder: Path, name: str, lines: list[str]) -> Path:
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path = folder / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else bz2.compress(data))
    return path


def test_quoted_titles_are_read_as_the_dumps_write_them(tmp_path: Path) -> None:
    path = _write(tmp_path, "pageviews-20250101-user.bz2", LINES)
    targets = sorted({(line.split(" ")[0], _title(line.split(" ")[1])) for line in LINES})
    counts = aggregate(path, targets, "duckdb")
    assert (counts.lines, counts.malformed) == (40, 0)
    assert sum(counts.views.values()) == 174  # every view of the 40 lines (57 of the 112 ar views before)
    ar = {t: n for (w, t), n in counts.views.items() if w == "ar.wikipedia"}
    assert sum(ar.values()) == 112
    assert ar[QUOTE] == 33 and ar['"_"'] == 9 and ar[QUOTED_W] == 9 and ar['"_لفيرجينيا_وولف'] == 1
    assert ar["\"Schumer_announces_'Maple_Tap_Act'_has_passed_the_Senate_at_part_of_Farm_Bill\""] == 1


def test_unreadable_titles_are_malformed_and_shown(tmp_path: Path) -> None:
    real = LINES[15]  # ar.wikipedia "\"W\"_تشير_الى_المنتهي" 7858501 desktop 7 ...
    unclosed = real.replace('المنتهي"', "المنتهي", 1)  # opens a quote it never closes
    bare = real.replace('"\\"W\\"', '"\\"W"', 1)  # an inner quote not escaped
    unquoted = 'ar.wikipedia a"b 1 desktop 2 A2'  # a quote in an unquoted title
    path = _write(tmp_path, "pageviews-20250102-user.bz2", [real, unclosed, bare, unquoted])
    counts = aggregate(path, [("ar.wikipedia", QUOTED_W), ("ar.wikipedia", 'a"b')], "duckdb")
    assert counts.views == {("ar.wikipedia", QUOTED_W): 7}
    assert counts.malformed == 3
    assert len(counts.examples) == 2 and set(counts.examples) <= {unclosed, bare, unquoted}  # shown as read


def _museum(store: Store) -> None:
    """A file shown on three of the sample's ar.wikipedia articles."""
    db.add_files(store, ["Sample.jpg"], "list")
    uses = [("ar.wikipedia", t, 0, None, "article") for t in (QUOTE, QUOTED_W, BANG)]
    db.record_usage(store, "Sample.jpg", uses, "2025-01-15T00:00:00Z")


def _api(store: Store, title: str, views: int) -> None:
    with store.transaction():
        db.record_views(store, "ar.wikipedia", title, "monthly", "user", [("2025-01", views)], "api")
        db.record_coverage(store, "pageviews", f"ar.wikipedia|{title}", "user", "2025-01", "2025-01")


@pytest.mark.parametrize("api_first", [False, True])
def test_one_figure_per_article_and_month(store: Store, tmp_path: Path, api_first: bool) -> None:
    _museum(store)
    monthly = _write(tmp_path, "pageviews-202501-user.bz2", LINES)
    if api_first:
        _api(store, QUOTED_W, 9)
        _api(store, BANG, 20)
    load_dumps(store, [monthly])
    if not api_first:
        _api(store, QUOTED_W, 9)
        _api(store, BANG, 20)
    f = compute(store, "2025-01", "2025-01")
    # API kept where it answered (9 and 20), the dump for the third article (33): never added
    assert f.total_views == 9 + 20 + 33
    assert f.sources == {"api": 2, "dump-monthly": 1}
    assert f.disagreements == [("ar.wikipedia", BANG, "2025-01", 20, 12, "dump-monthly")]
    assert f.monthly == [("2025-01", 62, 0, "complete")]
    assert ("ar.wikipedia", QUOTE, "2025-01", 33, "dump-monthly") in f.article_months  # the source, recorded


def test_force_reload_replaces_its_own_contribution(store: Store, tmp_path: Path) -> None:
    _museum(store)
    day = _write(tmp_path, "pageviews-20250101-user.bz2", LINES)
    load_dumps(store, [day])
    before = compute(store, "2025-01", "2025-01").monthly[0][1]
    assert before == 33 + 9 + 12
    again = load_dumps(store, [day], force=True)
    assert again[0]["status"] == "done"
    assert compute(store, "2025-01", "2025-01").monthly[0][1] == before
    assert load_dumps(store, [day])[0]["status"] == "already done"


def test_hourly_file_is_booked_to_the_hour_before_its_name(store: Store, tmp_path: Path) -> None:
    assert identify(Path("pageviews-20250201-000000.gz")).period == "2025-01-31T23"
    assert identify(Path("pageviews-20250101-000000.gz")).period == "2024-12-31T23"
    assert identify(Path("pageviews-20250115-140000.gz")).period == "2025-01-15T13"
    _museum(store)
    hour = _write(tmp_path, "pageviews-20250201-000000.gz", ["ar ! 5 0", "ar.m ! 2 0"])
    load_dumps(store, [hour])
    assert compute(store, "2025-01", "2025-01").sources == {"dump-hourly": 1}
    february = compute(store, "2025-02", "2025-02")
    assert february.sources == {} and february.monthly[0][3] == "not collected"


def test_media_sources_are_kept_apart(store: Store, tmp_path: Path, mediacounts_file: Path) -> None:
    db.add_files(store, ["Mona_Lisa.jpg"], "list")
    with store.transaction():
        db.record_mediarequests(store, "Mona_Lisa.jpg", "monthly", "user", [("2025-01", 1000)], "api")
    load_dumps(store, [mediacounts_file])
    load_dumps(store, [mediacounts_file], force=True)
    media = compute(store, "2025-01", "2025-01").media
    assert media == {"api_user_requests": 1000, "dump_all_agent_transfers": 42, "dump_days": 1}


FIXTURES = SAMPLE.parent


def test_real_user_lines_with_and_without_page_id(tmp_path: Path) -> None:
    """2021 lines have 6 fields; 2011 lines without a page id have 5 (the readme's known issue)."""
    lines = (FIXTURES / "pageview-complete-user-2021-and-2011.txt").read_text(encoding="utf-8").splitlines()
    path = _write(tmp_path, "pageviews-20210101-user.bz2", lines)
    targets = [("aa.wikibooks", "Main_Page"), ("aa.wikibooks", "File:Commons-logo.svg"), ("aa.wikibooks", "-")]
    targets.append(("aa.wikibooks", "File%3AWikisource-logo.svg"))  # as the 2011 line writes it
    counts = aggregate(path, targets, "duckdb")
    assert (counts.lines, counts.malformed) == (15, 0)
    assert counts.views == {
        ("aa.wikibooks", "Main_Page"): 168 + 9,
        ("aa.wikibooks", "File:Commons-logo.svg"): 1,
        ("aa.wikibooks", "-"): 4,
        ("aa.wikibooks", "File%3AWikisource-logo.svg"): 1,
    }


def test_real_hourly_lines(store: Store, tmp_path: Path) -> None:
    lines = (FIXTURES / "pageviews-20210101-000000-head.txt").read_text(encoding="utf-8").splitlines()
    path = _write(tmp_path, "pageviews-20210101-000000.gz", lines)
    counts = aggregate(path, [("aa.wikipedia", "Main_Page"), ("aa.wikibooks", "Main_Page")], "duckdb")
    assert (counts.lines, counts.malformed) == (10, 0)
    # desktop "aa" and mobile "aa.m" are one article; "aa.b" is Wikibooks
    assert counts.views == {("aa.wikipedia", "Main_Page"): 9, ("aa.wikibooks", "Main_Page"): 1}
    assert counts.file.period == "2020-12-31T23"  # the file named for 00:00 holds the hour before


def test_real_mediacounts_lines(tmp_path: Path) -> None:
    lines = (FIXTURES / "mediacounts-head.tsv").read_text(encoding="utf-8").splitlines()
    path = _write(tmp_path, "mediacounts.2021-01-01.v00.tsv.bz2", lines)
    counts = aggregate(path, [("commons.wikimedia", "Mona_Lisa.jpg")], "duckdb")
    assert (counts.lines, counts.malformed, counts.views) == (10, 0, {})  # 5 to 11 fields: all read


def test_dumps_command_shows_unreadable_lines(cli, tmp_path: Path) -> None:
    from glamwiki.cli import cli as glamwiki_cli

    unclosed = LINES[15].replace('المنتهي"', "المنتهي", 1)
    path = _write(tmp_path, "pageviews-20250103-user.bz2", [LINES[0], unclosed + "\x1b[31m"])
    result = cli.invoke(glamwiki_cli, ["reach", "dumps", str(path)])
    assert result.exit_code == 0, result.output
    assert "1 malformed" in result.output and "malformed, as read: ar.wikipedia" in result.output
    assert "\x1b" not in result.output  # a control code in a dump line never reaches the terminal


def test_files_loaded_together_give_the_same_figures(store: Store, tmp_path: Path) -> None:
    _museum(store)
    days = [_write(tmp_path, f"pageviews-202501{d:02d}-user.bz2", LINES[: 10 + d]) for d in range(1, 7)]
    results = load_dumps(store, days, jobs=3)
    assert [r["file"] for r in results] == [p.name for p in days] and all(r["status"] == "done" for r in results)
    together = compute(store, "2025-01", "2025-01").article_months
    load_dumps(store, days, force=True, jobs=1)
    assert compute(store, "2025-01", "2025-01").article_months == together
    assert load_dumps(store, days[:2], jobs=2)[1]["status"] == "already done"
