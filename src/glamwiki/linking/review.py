"""The review queue shown side by side: the collection's person, the candidate, the evidence."""

from __future__ import annotations

from typing import Any

from rich.table import Table

from glamwiki.store.records import qualified_id

FIELDS = ("name", "dates", "nationality", "gender", "kind", "identifiers")


def review_panel(row: dict[str, Any]) -> Table:
    ev = row["evidence"]
    cand = ev.get("candidate") or {}
    who = f"{qualified_id(row['dataset'], row['person_id'])} → {row['authority']} {row['authority_id']}"
    title = f"{who}  p={row['probability']:.2f}"
    t = Table(title=title, title_justify="left", show_lines=False)
    t.add_column("")
    t.add_column("collection")
    t.add_column(row["authority"])
    for f in FIELDS:
        t.add_row(f, _text(ev["source"].get(f)), _text(cand.get(f)))
    features = ", ".join(f"{k}: {v}" for k, v in ev.get("features", {}).items() if v != "missing")
    t.add_row("evidence", features, f"weight {ev.get('match_weight')} bits; runner-up p={ev.get('runner_up', 0)}")
    if ev.get("note"):
        t.add_row("note", ev["note"], "")
    return t


def _text(value: Any) -> str:
    if isinstance(value, dict):
        return " ".join(f"{k}:{v}" for k, v in value.items())
    return "" if value is None else str(value)
