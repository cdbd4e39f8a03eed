"""The demo step plans the bundled Tate sample offline once rights decisions exist."""

from __future__ import annotations

import json
from pathlib import Path

from glamwiki.demo import run_demo
from glamwiki.model.records import ObjectRecord
from glamwiki.model.rights import UPLOAD, RightsDecision
from glamwiki.publishing.demo import demo_step
from glamwiki.store.records import iter_records
from glamwiki.store.rights import save_decisions


def test_demo_step_plans_the_tate_sample(tmp_path: Path) -> None:
    result = run_demo(tmp_path / "demo")
    with result.project.open_store() as store:
        decisions = [
            RightsDecision(ds, r.id, "2026-01-01", UPLOAD, templates=["{{PD-Art|PD-old-100-expired}}"])
            for ds, r in iter_records(store, kind="object")
            if isinstance(r, ObjectRecord)
        ]
        save_decisions(store, decisions)
        line = demo_step(store, result.project)
    assert "files planned" in line and "0 records held back" in line
    rows = [json.loads(x) for x in (result.project.root / "publish-preview.jsonl").read_text().splitlines()]
    planned = [r for r in rows if r["status"] in ("planned", "held")]
    assert len(planned) >= 250  # the sample records that have an image
    # Tate's export offers only its small "_8.jpg" rendition: every such file is held, and says why.
    thumbs = [r for r in planned if r["source"].endswith("_8.jpg")]
    assert thumbs and all(r["status"] == "held" and "thumbnail" in r["notes"][0] for r in thumbs)
    assert len({r["title"] for r in planned}) == len(planned)
    assert all(len(r["title"].encode()) <= len("File:") + 240 for r in planned)
    assert all(r["wikitext"].startswith("=={{int:filedesc}}==\n{{") for r in planned)
    assert sum("{{Artwork" in r["wikitext"] for r in planned) > 200
