"""The review queue shown side by side: the collection's person, the candidate, the evidence."""

from __future__ import annotations

from typing import Any

from rich.table import Table

from glamwiki.store.records import qualified_id
from glamwiki.terminal import text

FIELDS = ("name", "dates", "nationality", "gender", "kind", "identifiers")


def review_panel(row: dict[str, Any]) -> Table:
    ev = row["evidence"]
    cand = ev.get("candidate") or {}
    who = f"{qualified_id(row['dataset'], row['person_id'])} → {row['authority']} {row['authority_id']}"
    title = f"{who}  p={row['probability']:.2f}"
    t = Table(title=text(title), title_justify="left", show_lines=False)
    t.add_column("")
    t.add_column("collection")
    t.add_column(text(row["authority"]))
    for f in FIELDS:  # catalogue and authority text: plain text, never markup or control codes
        t.add_row(f, text(_text(ev["source"].get(f))), text(_text(cand.get(f))))
    features = ", ".join(f"{k}: {v}" for k, v in ev.get("features", {}).items() if v != "missing")
    weight = f"weight {ev.get('match_weight')} bits; runner-up p={ev.get('runner_up', 0)}"
    t.add_row("evidence", text(features), text(weight))
    if ev.get("note"):
        t.add_row("note", text(ev["note"]), "")
    return t


def _text(value: Any) -> str:
    if isinstance(value, dict):
        return " ".join(f"{k}:{v}" for k, v in value.items())
    return "" if value is None else str(value)
