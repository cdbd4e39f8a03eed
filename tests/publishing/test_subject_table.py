"""The Tate subject table's Wikidata items (depicts, P180) are the things their terms name.

Checked against real Wikidata entities in ../shared/data/wikidata/entities.jsonl.gz (as `wbgetentities`
returns them): every item of the table found there must carry the term as its English label or alias.
The items not in that file were checked against labels recorded in public code (see the table's header);
the one found wrong is guarded here by name."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from glamwiki.publishing.vocab import load_subjects


def _words(text: str) -> set[str]:
    return {w.strip(" ,-").lower().removesuffix("s") for w in text.replace(" - non-specific", "").split(",")}


def test_items_in_the_shared_wikidata_data_carry_the_terms_label(shared_data: Path) -> None:
    table = {t: e.depicts for t, e in load_subjects(None).items() if e.depicts}
    wanted = set(table.values())
    labels: dict[str, set[str]] = {}
    with gzip.open(shared_data / "wikidata" / "entities.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            entity = json.loads(line)
            if isinstance(entity, dict) and entity.get("id") in wanted:
                names = [entity.get("labels", {}).get("en", {}).get("value", "")]
                names += [a["value"] for a in entity.get("aliases", {}).get("en", [])]
                labels[entity["id"]] = {n.lower() for n in names if n}
    checked = {term: qid for term, qid in table.items() if qid in labels}
    assert len(checked) >= 7, "the shared data holds at least hill, mountain, castle, tower, lake, horse, house"
    wrong = {
        t: (q, sorted(labels[q]))
        for t, q in checked.items()
        if not _words(t) & {n.removesuffix("s") for n in labels[q]}
    }
    assert wrong == {}


def test_sailing_ship_is_not_a_yacht() -> None:
    assert load_subjects(None)["ship, sailing"].depicts == "Q170483"  # sailing ship; Q170173 is yacht
