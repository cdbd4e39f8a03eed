"""Record ids in two forms (issue 18): "tate:N05737" and "N05737" are accepted by every command
that takes an id, and one form, dataset:id, is printed. resolve_id is the one place they are read."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from glamwiki.cli import cli as app
from glamwiki.demo import sample_folder
from glamwiki.intake.ingest import ingest
from glamwiki.intake.registry import load_mapping, load_named_profile
from glamwiki.store import Store
from glamwiki.store import linking as db
from glamwiki.store.records import iter_records, qualified_id, resolve_id

from .intake.helpers import ROWS, write_csv, write_mapping


def _tate(store: Store) -> tuple[str, str]:
    ingest(store, str(sample_folder()), dataset="tate", profile=load_named_profile("tate"))
    obj = next(r for _, r in iter_records(store, "object"))
    person = next(r for _, r in iter_records(store, "person"))
    return obj.id, person.id


def test_resolve_both_forms(store: Store) -> None:
    obj, _ = _tate(store)
    assert resolve_id(store, obj) == (None, obj)
    assert resolve_id(store, f"tate:{obj}") == ("tate", obj)
    assert resolve_id(store, f" tate:{obj} ") == ("tate", obj)
    assert resolve_id(store, f"elsewhere:{obj}") == (None, f"elsewhere:{obj}")  # not a dataset: as given
    assert resolve_id(store, f"tate:{obj}", dataset="other") == ("other", f"tate:{obj}")
    assert qualified_id("tate", obj) == f"tate:{obj}"


def test_an_id_with_a_colon_of_its_own_is_found_as_given(store: Store, tmp_path: Path) -> None:
    """CMoA's ids are "cmoa:things/<uuid>": as given, or with the dataset in front."""
    rows = [list(r) for r in ROWS]
    rows[0][0] = "cmoa:things/00078d13"
    source = write_csv(tmp_path / "export.csv", rows)
    ingest(store, str(source), dataset="cmoa", profile=load_mapping(write_mapping(tmp_path)))
    assert resolve_id(store, "cmoa:things/00078d13") == (None, "cmoa:things/00078d13")
    assert resolve_id(store, "cmoa:cmoa:things/00078d13") == ("cmoa", "cmoa:things/00078d13")
    assert resolve_id(store, "cmoa:M.2") == ("cmoa", "M.2")


def test_show_and_rights_explain_take_both_forms_and_print_one(cli: CliRunner, store: Store) -> None:
    obj, _ = _tate(store)
    short = cli.invoke(app, ["rights", "explain", obj, "--as-of", "2014-01-01"])
    long = cli.invoke(app, ["rights", "explain", f"tate:{obj}", "--as-of", "2014-01-01"])
    assert short.exit_code == 0 and long.exit_code == 0, long.output
    assert short.output == long.output and short.output.startswith(f"tate:{obj}")
    shown = [cli.invoke(app, ["show", form]) for form in (obj, f"tate:{obj}")]
    assert all(r.exit_code == 0 for r in shown) and shown[0].output == shown[1].output
    missing = cli.invoke(app, ["rights", "explain", "tate:NOPE"])
    assert missing.exit_code != 0 and "'tate:NOPE'" in missing.output


def test_link_accept_and_reject_take_both_forms(cli: CliRunner, store: Store) -> None:
    _, person = _tate(store)
    run = db.start_run(store, "tate", "wikidata", {}, {})
    evidence = {"source": {"name": "x"}, "features": {}}
    with store.transaction():
        db.save_matches(store, run, "tate", "wikidata", [{"person_id": person, "authority_id": "Q5", "qid": "Q5",
                                                       "probability": 0.6, "decision": "review",
                                                       "evidence": evidence}])  # fmt: skip
    accepted = cli.invoke(app, ["link", "accept", f"tate:{person}", "--qid", "Q42"])
    assert accepted.exit_code == 0, accepted.output
    assert accepted.output.strip() == f"tate:{person}: accepted Q42"
    assert db.links(store)[("tate", person)] == "Q42"
    rejected = cli.invoke(app, ["link", "reject", person])
    assert rejected.exit_code == 0 and rejected.output.strip() == f"tate:{person}: rejected"
    assert [d["person_id"] for d in db.decisions(store)] == [person]
    nothing = cli.invoke(app, ["link", "accept", "tate:no-such-person"])
    assert nothing.exit_code != 0 and "'tate:no-such-person'" in nothing.output


def test_lists_print_the_one_form(cli: CliRunner, store: Store) -> None:
    _tate(store)
    assert cli.invoke(app, ["rights", "--as-of", "2014-01-01"]).exit_code == 0
    text = cli.invoke(app, ["rights", "pd-day", "--year", "2010"]).output
    listed = [line.split()[0] for line in text.splitlines() if line.startswith("  ")]
    assert listed and all(rid.startswith("tate:") for rid in listed)
    explained = cli.invoke(app, ["rights", "explain", listed[0], "--as-of", "2010-01-01"])
    assert explained.exit_code == 0 and explained.output.startswith(listed[0]), "what is printed is accepted"
