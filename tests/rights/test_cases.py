"""The 36 worked cases of the copyright rules, one test id each (evaluated 1 Jan 2026)."""

from __future__ import annotations

import pytest

from glamwiki.rights import assess

from .cases import AS_OF, CASES


@pytest.mark.parametrize("case", sorted(CASES))
def test_worked_case(case: str) -> None:
    record, facts, want = CASES[case]
    d = assess(record, AS_OF, facts=facts)
    explain = "\n".join(r.text for r in d.reasons)
    assert d.decision == want["decision"], explain
    if "uk" in want:
        assert d.uk_status == want["uk"], explain
    if "us" in want:
        assert d.us_status == want["us"], explain
    for key in ("uk_expires", "us_expires"):
        if key in want:
            assert getattr(d, key) == want[key], explain
    if "templates" in want:
        assert d.templates == want["templates"], explain
    if "contains" in want:
        assert want["contains"] in "".join(d.templates)
    if "recheck" in want:
        assert d.recheck_on == want["recheck"]
    if "missing" in want:
        assert want["missing"] in d.missing_facts
    if "flag" in want:
        assert any(want["flag"] in f for f in d.flags), d.flags
    assert all(r.citation for r in d.reasons if r.layer in ("uk", "us", "licence", "reproduction"))
