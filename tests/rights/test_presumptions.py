"""Presumptions as a curator uses them: approve once (named person, date, history in the project), apply by
name, see them in reasons and flags, withdraw; and `rights assess --presume` without a project."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.rights.cases import PRINT, person, work, years

from glamwiki.cli import cli
from glamwiki.demo import run_demo, sample_folder
from glamwiki.rights.engine import assess
from glamwiki.rights.presumptions import SHIPPED


def invoke(project: Path, *args: str, code: int = 0) -> str:
    result = CliRunner(env={"GLAMWIKI_PROJECT": str(project)}).invoke(cli, ["rights", *args])
    assert result.exit_code == code, result.output
    return result.output


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return run_demo(tmp_path / "demo").project.root


def test_shipped_set_includes_prints_published_when_made() -> None:
    assert "prints-published-when-made" in SHIPPED
    for p in SHIPPED.values():
        assert p.legal_basis and p.group and p.presumes


def test_prints_presumption_publishes_within_the_printmakers_life() -> None:
    etching = work(years(1880, 1900), [person(died=1890)], **PRINT)
    d = assess(etching, "2026-01-01", presumptions=[SHIPPED["prints-published-when-made"]])
    reasons = "\n".join(r.text for r in d.reasons)
    assert "published 1880-1890" in reasons and "presumption prints-published-when-made" in reasons
    assert d.presumptions == ["prints-published-when-made"] and d.decision == "upload"
    undecided = assess(etching, "2026-01-01", candidates=list(SHIPPED.values()))
    assert undecided.decision == "review" and undecided.would_decide == ["prints-published-when-made"]


def test_a_curators_fact_beats_a_presumption() -> None:
    proof = work(years(1795), [person(died=1800)], **PRINT)
    d = assess(proof, "2026-01-01", facts={"published": "no"}, presumptions=[SHIPPED["prints-published-when-made"]])
    assert d.decision == "block" and d.uk_expires == 2039 and not d.presumptions


def test_approve_apply_history_withdraw(project: Path) -> None:
    refused = invoke(project, "--presume", "prints-published-when-made", code=2)
    assert "has not been approved" in refused
    before = json.loads(invoke(project, "--as-of", "2026-01-01", "--json"))
    groups = json.loads(invoke(project, "review", "--json"))
    prints = next(g for g in groups if g["fact"] == "presumption:prints-published-when-made")
    assert (
        prints["records"] > 0
        and prints["records"] == before["reviews_a_presumption_would_decide"]["prints-published-when-made"]
    )
    out = invoke(project, "presumptions", "approve", "prints-published-when-made", "--by", "Ann Curator",
                 "--on", "2026-11-30", "--note", "prints department practice")  # fmt: skip
    assert "version 1 approved" in out
    after = json.loads(invoke(project, "--as-of", "2026-01-01", "--presume", "prints-published-when-made", "--json"))
    assert after["decisions"]["review"] == before["decisions"]["review"] - prints["records"]
    assert after["presumptions_applied"]["prints-published-when-made"] >= prints["records"]
    explained = invoke(project, "explain", _a_print(project))
    assert "presumption prints-published-when-made (approved by Ann Curator on 2026-11-30)" in explained
    invoke(project, "presumptions", "withdraw", "prints-published-when-made", "--by", "Ann Curator")
    assert "was withdrawn" in invoke(project, "--presume", "prints-published-when-made", code=2)
    history = json.loads(invoke(project, "presumptions", "history", "--json"))
    assert [(h["version"], h["status"]) for h in history] == [(1, "approved"), (2, "withdrawn")]
    assert history[0]["note"] == "prints department practice"
    listed = json.loads(invoke(project, "presumptions", "--json"))
    assert {p["name"] for p in listed} == set(SHIPPED)


def _a_print(project: Path) -> str:
    from glamwiki.project import find_project
    from glamwiki.store.rights import iter_decisions

    with find_project(project).open_store() as store:
        return next(d.record_id for d in iter_decisions(store) if "prints-published-when-made" in d.presumptions)


def test_approval_can_narrow_the_group(project: Path) -> None:
    invoke(project, "presumptions", "approve", "prints-published-when-made", "--by", "Ann Curator",
           "--match", "medium=^Mezzotint")  # fmt: skip
    summary = json.loads(invoke(project, "--as-of", "2026-01-01", "--presume", "prints-published-when-made", "--json"))
    narrowed = summary["presumptions_applied"].get("prints-published-when-made", 0)
    invoke(project, "presumptions", "approve", "prints-published-when-made", "--by", "Ann Curator")
    summary = json.loads(invoke(project, "--as-of", "2026-01-01", "--presume", "prints-published-when-made", "--json"))
    assert narrowed < summary["presumptions_applied"]["prints-published-when-made"]
    assert "--match" in invoke(project, "presumptions", "approve", "prints-published-when-made", "--by", "A",
                               "--match", "colour=red", code=2)  # fmt: skip


def test_assess_without_a_project_names_the_unapproved_presumption(tmp_path: Path) -> None:
    out = tmp_path / "d.csv"
    args = ["rights", "assess", str(sample_folder()), "--profile", "tate", "--as-of", "2026-01-01", "-o", str(out)]
    result = CliRunner().invoke(cli, [*args, "--presume", "prints-published-when-made"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    used = [r for r in rows if r["presumptions"] == "prints-published-when-made"]
    assert used and all("shipped rule; no approval recorded" in r["reasons"] for r in used)
    assert CliRunner().invoke(cli, [*args, "--presume", "no-such-rule"]).exit_code == 2


def test_books_are_published_in_their_imprint_year_manuscripts_are_not() -> None:
    from glamwiki.model.records import FORM_TEXT

    book = work(years(1880), [person(died=1890)], FORM_TEXT, "paper", "printed book")
    manuscript = work(years(1880), [person(died=1890)], FORM_TEXT, "ink on paper", "manuscript")
    rule = [SHIPPED["books-published-in-imprint-year"]]
    assert assess(book, "2026-01-01").decision == "review"  # unpublished on 1 Aug 1989 it would be a 2039 work
    d = assess(book, "2026-01-01", presumptions=rule)
    assert d.decision == "upload" and d.templates == ["{{PD-scan|PD-old-auto-expired|deathyear=1890}}"]
    assert assess(manuscript, "2026-01-01", presumptions=rule).presumptions == []


def test_the_queue_exports_one_presumptions_group(project: Path, tmp_path: Path) -> None:
    invoke(project, "--as-of", "2026-01-01")
    groups = {g["fact"]: g["records"] for g in json.loads(invoke(project, "review", "--json"))}
    sheet = tmp_path / "prints.csv"
    invoke(project, "review", "--export", str(sheet), "--fact", "presumption:prints-published-when-made")
    rows = list(csv.DictReader(sheet.open(encoding="utf-8")))
    assert len(rows) == groups["presumption:prints-published-when-made"]
    assert all("prints-published-when-made" in r["presumption"] for r in rows)
    assert "decided by presumption prints-published-when-made once approved" in invoke(project, "review")
