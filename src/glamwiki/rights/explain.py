"""The chain of reasoning for one decision, as text a person can check step by step."""

from __future__ import annotations

from glamwiki.model.rights import RightsDecision
from glamwiki.rights.reasons import fact_label
from glamwiki.store.records import qualified_id
from glamwiki.wikimedia.ids import P_COPYRIGHT_STATUS, P_DETERMINATION_METHOD, P_LICENCE

LAYERS = [("other", "Facts"), ("uk", "UK"), ("us", "US"), ("reproduction", "Reproduction"), ("licence", "Licence")]


def explain_lines(d: RightsDecision, title: str = "") -> list[str]:
    head = qualified_id(d.dataset, d.record_id) + (f"  {title}" if title else "")
    lines = [head, f"  decision on {d.as_of}: {d.decision.upper()}"]
    for name, status, expires in (("UK", d.uk_status, d.uk_expires), ("US", d.us_status, d.us_expires)):
        latest = " at the latest" if status == "unknown" else ""
        lines.append(f"  {name}: {status}" + (f" (protected to end of {expires}{latest})" if expires else ""))
    step = 0
    for layer, label in LAYERS:
        reasons = [r for r in d.reasons if r.layer == layer]
        if not reasons:
            continue
        lines.append(f"  {label}:")
        for r in reasons:
            step += 1
            lines.append(f"    {step}. {r.text}" + (f"\n       source: {r.citation}" if r.citation else ""))
    if d.templates:
        lines.append("  Commons: " + " ".join(d.templates))
    wd = [(P_COPYRIGHT_STATUS, d.copyright_status), (P_DETERMINATION_METHOD, d.determination_method)]
    wd.append((P_LICENCE, d.licence))
    if any(v for _, v in wd):
        lines.append("  Wikidata: " + ", ".join(f"{p}={v}" for p, v in wd if v))
    if d.missing_facts:
        lines.append("  Would be decided by: " + "; ".join(fact_label(f) for f in d.missing_facts))
    if d.would_decide:
        lines.append("  Or by approving: " + ", ".join(f"presumption {n}" for n in d.would_decide))
    if d.presumptions:
        lines.append("  Presumptions applied: " + ", ".join(d.presumptions))
    for flag in d.flags:
        lines.append(f"  flag: {flag}")
    if d.recheck_on:
        lines.append(f"  look again on {d.recheck_on}")
    return lines
