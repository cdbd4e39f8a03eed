"""Plan and preview: only cleared records, hostile catalogue text escaped, structured data built."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from glamwiki.cli import cli as glamwiki_cli
from glamwiki.model.records import FORM_PHOTOGRAPH, FORM_TEXT
from glamwiki.publishing.pages import PageSettings, file_page, template_for
from glamwiki.publishing.plan import PlanSettings, build_plan
from glamwiki.publishing.sdc import properties_in, structured_data
from glamwiki.store import Store
from glamwiki.store import publishing as db
from glamwiki.wikimedia import ids

from .records import HOSTILE, make_record, save, upload_decision, write_images

pytestmark = pytest.mark.both_backends  # store-heavy: runs on SQLite and PostgreSQL


def test_file_page_escapes_every_catalogue_value() -> None:
    for n, text in enumerate(HOSTILE):
        record = make_record(n, None, title=text)
        record.medium = text
        record.credit_line = text
        record.description = text
        page = file_page(record, upload_decision(record), PageSettings("Museum"), {"institution": "Museum"})
        body = page.split("=={{int:license-header}}==")[0]
        assert "{{Delete" not in page and "[[Category:Spam" not in page and "<script" not in page
        assert "~~~" not in page and "{{subst:" not in page and "__NOTOC__" not in page
        assert body.count("{{") == body.count("}}")
        assert "{{PD-Art|PD-old-100-expired}}" in page


def test_template_choice_follows_the_form() -> None:
    record = make_record(1, None)
    assert template_for(record) == "Artwork"
    record.form = FORM_PHOTOGRAPH
    assert template_for(record) == "Photograph"
    record.form = FORM_TEXT
    assert template_for(record) == "Book"
    record.form = None
    assert template_for(record) == "Information"
    assert "{{Information" in file_page(record, upload_decision(record), PageSettings("M"), {"institution": "M"})


def test_structured_data_statements() -> None:
    record = make_record(1, None)
    data = structured_data(record, upload_decision(record), collection="Q1233")
    assert properties_in(data) == {
        ids.CREATOR,
        ids.DEPICTS,
        ids.INCEPTION,
        ids.COPYRIGHT_STATUS,
        ids.COLLECTION,
        ids.INVENTORY_NUMBER,
        ids.SOURCE_OF_FILE,
    }
    assert data["labels"]["en"]["value"].startswith("Study of a tree")
    inception = next(c for c in data["claims"] if c["mainsnak"]["property"] == ids.INCEPTION)
    assert inception["mainsnak"]["datavalue"]["value"]["time"] == "+1850-00-00T00:00:00Z"
    unnamed = structured_data(make_record(2, None), upload_decision(record))
    creator = next(c for c in unnamed["claims"] if c["mainsnak"]["property"] == ids.CREATOR)
    assert creator["mainsnak"]["snaktype"] == "somevalue"


def test_plan_only_upload_decisions(store: Store, tmp_path: Path) -> None:
    images = write_images(tmp_path / "img", 4)
    records = [make_record(n, images[n], title="Same title") for n in range(4)]
    records.append(make_record(9, None))
    save(store, records, blocked={"R0003"})
    summary = build_plan(store, PlanSettings(institution="Test Museum"))
    assert (summary.planned, summary.blocked, summary.unplannable) == (3, 1, 1)
    titles = [i.title for i in db.iter_plan(store, status=db.PLANNED)]
    assert len(set(titles)) == 3 and all(t.endswith(".png") for t in titles)
    again = build_plan(store, PlanSettings(institution="Test Museum"))
    assert again.planned == 3
    assert [i.title for i in db.iter_plan(store, status=db.PLANNED)] == titles


def test_cli_plan_and_preview(store: Store, cli: CliRunner, tmp_path: Path) -> None:
    images = write_images(tmp_path / "img", 2)
    save(store, [make_record(0, images[0], title=HOSTILE[0]), make_record(1, images[1])], blocked={"R0001"})
    result = cli.invoke(glamwiki_cli, ["publish", "plan", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["planned"] == 1
    out = tmp_path / "preview.html"
    result = cli.invoke(glamwiki_cli, ["publish", "preview", "--output", str(out)])
    assert result.exit_code == 0, result.output
    index = out.read_text()
    assert "preview-0001.html" in index and "Nothing has been sent" in index
    page = (tmp_path / "preview-0001.html").read_text()
    assert "<script>alert" not in page and "Not planned" in page and "PD-Art" in page
    rows = [json.loads(line) for line in out.with_suffix(".jsonl").read_text().splitlines()]
    assert [r["status"] for r in rows] == ["planned", "blocked"]
    assert rows[0]["title"].startswith("File:") and rows[0]["structured_data"]["claims"]


def test_status_line(store: Store, tmp_path: Path) -> None:
    from glamwiki.status import project_status

    assert [s.state for s in project_status(store) if s.stage == "publishing"] == ["empty"]
    save(store, [make_record(0, write_images(tmp_path / "i", 1)[0])])
    build_plan(store, PlanSettings(institution="M"))
    (line,) = [s for s in project_status(store) if s.stage == "publishing"]
    assert line.state == "ok" and "1 files planned" in line.summary


def test_report_section(store: Store, tmp_path: Path) -> None:
    from glamwiki.report.build import build_report

    save(store, [make_record(0, write_images(tmp_path / "i", 1)[0]), make_record(1, None)], blocked={"R0001"})
    build_plan(store, PlanSettings(institution="M"))
    page = build_report(store, tmp_path / "report.html", "Test").read_text()
    assert "Publishing" in page and "records blocked by rights" in page


def test_preview_is_paged_and_filtered(store: Store, cli: CliRunner, tmp_path: Path) -> None:
    images = write_images(tmp_path / "img", 5)
    save(store, [make_record(n, images[n]) for n in range(5)], blocked={"R0004"})
    assert cli.invoke(glamwiki_cli, ["publish", "plan"]).exit_code == 0
    out = tmp_path / "p.html"
    args = ["publish", "preview", "--output", str(out), "--page-size", "2"]
    assert cli.invoke(glamwiki_cli, args).exit_code == 0
    pages = sorted(p.name for p in tmp_path.glob("p-*.html"))
    assert pages == ["p-0001.html", "p-0002.html", "p-0003.html"]
    assert all(name in out.read_text() for name in pages)
    assert "next" in (tmp_path / "p-0001.html").read_text() and "next" not in (tmp_path / "p-0003.html").read_text()
    result = cli.invoke(glamwiki_cli, [*args, "--status", "planned", "--limit", "3"])
    assert result.exit_code == 0 and result.output.startswith("3 items")
    rows = [json.loads(line) for line in out.with_suffix(".jsonl").read_text().splitlines()]
    assert [r["status"] for r in rows] == ["planned"] * 3
    result = cli.invoke(glamwiki_cli, [*args, "--warning", "thumbnail"])
    assert result.output.startswith("0 items")


def test_partial_plan_is_refused_by_run(store: Store, cli: CliRunner, tmp_path: Path) -> None:
    """Issue 18.7: an interrupted plan says so, and `publish run` will not start on it unless told."""
    save(store, [make_record(n, write_images(tmp_path / "i", 3)[n]) for n in range(3)])

    def interrupt(_: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build_plan(store, PlanSettings(institution="M"), progress=interrupt)
    last = db.last_plan_run(store)
    assert last is not None and last.partial and last.total == 3 and last.done < 3
    from glamwiki.status import project_status

    (line,) = [s for s in project_status(store) if s.stage == "publishing"]
    assert line.state == "attention" and "PARTIAL PLAN" in line.summary and "of 3 records planned" in line.summary
    result = cli.invoke(glamwiki_cli, ["publish", "run", "--target", "http://127.0.0.1:9/w/api.php"])
    assert result.exit_code != 0 and "did not finish" in result.output and "--allow-partial-plan" in result.output
    summary = build_plan(store, PlanSettings(institution="M"))
    assert not db.last_plan_run(store).partial and summary.batch.startswith("gw-")
    batch = summary.batch
    assert all(batch in i.wikitext for i in db.iter_plan(store, status=db.PLANNED))


def test_plan_progress_counts_records_against_a_total(store: Store, tmp_path: Path) -> None:
    """Issue 18.11: `publish plan` shows a total (the object records) and advances once per record."""
    from glamwiki.store.records import count

    images = write_images(tmp_path / "i", 3)
    save(store, [make_record(n, images[n]) for n in range(3)] + [make_record(7, None)], blocked={"R0001"})
    steps: list[int] = []
    build_plan(store, PlanSettings(institution="M"), progress=steps.append)
    assert sum(steps) == count(store, kind="object") == 4


def test_small_source_images_are_held_and_say_their_size(store: Store) -> None:
    from glamwiki.model.records import IMAGE_IIIF, ImageRef

    small, large = make_record(1, None), make_record(2, None)
    small.images = [ImageRef(IMAGE_IIIF, "https://iiif.example/iiif/a", width=640, height=480)]
    large.images = [ImageRef(IMAGE_IIIF, "https://iiif.example/iiif/b", width=4000, height=3000)]
    save(store, [small, large])
    summary = build_plan(store, PlanSettings(institution="M"))
    assert (summary.planned, summary.held) == (1, 1)
    held = {i.record_id: i for i in db.iter_plan(store)}["R0001"]
    assert held.status == db.HELD and "640x480 px, under 1000 px" in held.note_list[0]
    assert build_plan(store, PlanSettings(institution="M", min_long_side=600)).held == 0
