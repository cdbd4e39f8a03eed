"""The report's gap section (issue 18 item 10): country names, not QIDs; worklists that say what
step is missing; periods in date order in one bin width; one denominator wherever a share repeats;
snapshots per run charted with events; the demo labelled as a sample with non-empty worklists."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from click.testing import CliRunner

from glamwiki.cli import cli as app
from glamwiki.demo import run_demo
from glamwiki.gaps.audit import period
from glamwiki.gaps.people import collect_creators
from glamwiki.gaps.status import gaps_status
from glamwiki.linking.wikidata.entities import EntityFacts
from glamwiki.model.dates import DateInterval
from glamwiki.model.records import Person
from glamwiki.report.gaps_section import gaps_section
from glamwiki.store import Store
from glamwiki.store import linking as links_db
from glamwiki.store.gaps import snapshots

from .helpers import put

pytestmark = pytest.mark.both_backends  # store-heavy: runs on SQLite and PostgreSQL


def born(y: int) -> DateInterval:
    return DateInterval(str(y), f"{y}-01-01", f"{y}-12-31")


def project(store: Store) -> None:
    years = [1960, 1720, 1960, 1850, 1905, 1990, 1720]
    for i, y in enumerate(years):
        put(store, Person(id=f"p{i}", name=f"Artist {i}", gender="Female" if i % 2 else "Male", birth=born(y)))
    for i in range(3):
        links_db.save_decision(store, "m", f"p{i}", "wikidata", "accept", qid=f"Q{100 + i}")
    links_db.save_entity_facts(store, [EntityFacts("Q100", human=True, citizenship=["Q29999"])], "test")


def text_of(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", re.sub(r"<svg.*?</svg>", "", html, flags=re.S))))


def test_section_names_countries_says_what_is_missing_and_orders_periods(store: Store) -> None:
    project(store)
    section = gaps_section(store)
    assert section is not None
    text = text_of(section.html)
    assert "Netherlands" in text and "Q29999 " not in text  # a country by name
    assert "Women by country or UK nation" in text and "Netherlands <5 suppressed" in text  # a small cell
    assert "None yet: link people" not in text
    assert "None yet: 1 woman is linked, but their items' facts are not fetched" in text  # the step actually missing
    periods = re.findall(r"born (\d{4})–(\d{4})", text)
    firsts = [int(a) for a, _ in periods[: len(set(periods))]]
    assert firsts == sorted(firsts)  # by date, not by count
    assert all(int(b) - int(a) == 49 for a, b in periods)  # one bin width throughout
    assert period(1960) == "born 1950–1999" and period(1905) == "born 1900–1949"


def test_one_denominator_everywhere(store: Store) -> None:
    project(store)
    text = text_of(gaps_section(store).html)  # type: ignore[union-attr]
    assert "women, of the 7 with gender recorded" in text
    assert re.search(r"in the collection 7 7 42\.9%", text)  # the funnel's first step: same 7, same share
    assert "(creator–work pairs)" in text
    status = gaps_status(store)
    assert status.figures["gender_recorded"] == 7 and "42.9% women of 7 with gender recorded" in status.summary
    wd_only = next(c for c in collect_creators(store) if c.id == "p0")
    assert wd_only.place is not None and wd_only.place.country_code == "NL"  # from the item's P27, no text


def test_runs_keep_snapshots_and_events_mark_the_chart(cli: CliRunner, store: Store) -> None:
    project(store)
    assert cli.invoke(app, ["gaps"]).exit_code == 0
    assert cli.invoke(app, ["gaps", "event", "2026-03-08", "Art+Feminism edit-a-thon"]).exit_code == 0
    links_db.save_decision(store, "m", "p3", "wikidata", "accept", qid="Q103")
    assert cli.invoke(app, ["gaps", "--json"]).exit_code == 0
    assert cli.invoke(app, ["gaps", "--nation", "Wales"]).exit_code == 0  # a filtered run is no snapshot
    snaps = snapshots(store)
    assert len(snaps) == 2 and snaps[0][1]["languages"] == ["en"]
    linked = [next(s for s in f["funnel"] if s["step"] == "with a Wikidata item")["people"] for _, f in snaps]
    assert linked == [3, 4]
    html = gaps_section(store).html  # type: ignore[union-attr]
    assert "Art+Feminism edit-a-thon" in html and "stroke-dasharray" in html
    assert cli.invoke(app, ["gaps", "--languages", "en,cy"]).exit_code == 0
    assert "no cy Wikipedia article" in gaps_section(store).html  # type: ignore[union-attr]  # the run's languages
    assert cli.invoke(app, ["gaps", "event", "8 March", "x"]).exit_code == 2


def test_demo_shows_a_labelled_sample_with_worklists(tmp_path: Path) -> None:
    result = run_demo(tmp_path / "demo")
    html = result.report.read_text(encoding="utf-8")
    section = html[html.index('id="gaps"') :]
    assert "A sample:" in section
    text = text_of(section)
    upload = text.split("Worklist: Women whose public-domain works are cleared")[1].split("Worklist:")[0]
    assert "Susanna Duncombe" in upload and "None" not in upload[:40]
    assert "Worklist: Women in the collection with no Wikidata item" in text
    assert "one day of runs so far" in text  # the demo's snapshot: no chart of change from one day
    assert "Periods with fewer than 5 people are left out." in text  # small cells out of the period chart
    assert any(s.startswith("gaps (sample)") and "cleared files to upload" in s for s in result.steps)
