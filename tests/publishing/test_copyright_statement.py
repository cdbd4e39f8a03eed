"""P6216 always carries P1001 (applies to jurisdiction), and a public-domain decision without a
determination method (P459) is held for review, never published silently
(https://commons.wikimedia.org/wiki/Commons:Structured_data/Modeling/Copyright). Real case: Tate N05671,
a Crown work (tests/publishing/fixtures/tate_crown, see its README)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from glamwiki.intake.ingest import ingest
from glamwiki.intake.registry import load_named_profile
from glamwiki.model.rights import COPYRIGHT, PD, UNKNOWN_STATUS, UPLOAD, RightsDecision
from glamwiki.publishing.plan import PlanSettings, build_plan
from glamwiki.publishing.sdc import copyright_statement, rights_to_review
from glamwiki.rights.project import assess_project
from glamwiki.store import Store
from glamwiki.store import publishing as db
from glamwiki.store.rights import get_decision
from glamwiki.wikimedia import ids

FIXTURE = Path(__file__).parent / "fixtures" / "tate_crown"


def _qualifiers(statement: dict, prop: str) -> list[str]:
    return [q["datavalue"]["value"]["id"] for q in statement.get("qualifiers", {}).get(prop, [])]


def test_a_crown_work_gets_its_jurisdictions_and_is_held_for_review(store: Store) -> None:
    ingest(store, str(FIXTURE), dataset="tate", profile=load_named_profile("tate"))
    assess_project(store, date(2026, 11, 30))
    decision = get_decision(store, "N05671", "tate")
    assert decision is not None and decision.decision == UPLOAD
    assert decision.templates == ["{{PD-Art|PD-UKGov}}"] and decision.determination_method is None
    build_plan(store, PlanSettings(institution="Tate"))
    (item,) = db.iter_plan(store)
    assert item.status == db.HELD
    assert any(n.startswith("rights to review: public domain ({{PD-Art|PD-UKGov}}, in the UK and the US)")
               for n in item.note_list)  # fmt: skip
    (status,) = [c for c in item.sdc_data["claims"] if c["mainsnak"]["property"] == ids.COPYRIGHT_STATUS]
    assert status["mainsnak"]["datavalue"]["value"]["id"] == ids.PUBLIC_DOMAIN
    assert _qualifiers(status, ids.APPLIES_TO_JURISDICTION) == [ids.UNITED_KINGDOM, ids.UNITED_STATES]
    assert ids.DETERMINATION_METHOD not in status["qualifiers"]


def _decision(**kw: object) -> RightsDecision:
    return RightsDecision("d", "r", "2026-01-01", UPLOAD, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("decision", "method", "jurisdictions"),
    [
        (_decision(copyright_status="Q19652", determination_method="Q29870196", uk_status=PD, us_status=PD),
         ["Q29870196"], ["Q59542795"]),  # 70 years pma -> countries with 70 years pma or shorter
        (_decision(copyright_status="Q19652", determination_method="Q47246828", uk_status=PD, us_status=PD),
         ["Q47246828"], [ids.UNITED_STATES]),
        (_decision(copyright_status="Q19652", uk_status=PD, us_status=UNKNOWN_STATUS), [], [ids.UNITED_KINGDOM]),
        (_decision(copyright_status="Q50423863", uk_status=COPYRIGHT, us_status=PD), [], [ids.UNITED_KINGDOM]),
    ],
)  # fmt: skip
def test_every_status_names_its_jurisdiction(decision: RightsDecision, method: list, jurisdictions: list) -> None:
    statement = copyright_statement(decision)
    assert statement is not None
    assert _qualifiers(statement, ids.DETERMINATION_METHOD) == method
    assert _qualifiers(statement, ids.APPLIES_TO_JURISDICTION) == jurisdictions


def test_only_public_domain_without_a_method_goes_to_review() -> None:
    assert rights_to_review(_decision(copyright_status="Q19652", determination_method="Q29940705")) is None
    assert rights_to_review(_decision(copyright_status="Q50423863", uk_status=COPYRIGHT)) is None
    assert "without a determination method (P459)" in (rights_to_review(_decision(copyright_status="Q19652")) or "")
