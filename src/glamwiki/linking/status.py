"""The linking line of `glamwiki status`."""

from __future__ import annotations

from glamwiki.status import StageState, StageStatus
from glamwiki.store import Store
from glamwiki.store import linking as db


def linking_status(store: Store) -> StageStatus:
    c = db.counts(store)
    answered = sum(c.get(k, 0) for k in ("match", "review", "none"))
    if not answered:
        return StageStatus("linking", "empty", "no people linked yet: run `glamwiki link run --authority FILE`", c)
    state: StageState = "attention" if c["queue"] else "ok"
    summary = (f"{c.get('match', 0):,} linked, {c['queue']:,} to review, {c.get('none', 0):,} unmatched, "
               f"{c['decided']:,} decided by people")  # fmt: skip
    items = db.item_counts(store)
    made = ", ".join(f"{n:,} {k}" for k, n in sorted(items.items()) if n)
    if made:
        summary += f"; new Wikidata items: {made}"
    return StageStatus("linking", state, summary, c)
