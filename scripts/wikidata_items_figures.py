"""Figures for the Wikidata items of a whole export (issue 10).

    python scripts/wikidata_items_figures.py items PATH.jsonl      # any wbeditentity JSON lines (e.g. an old run)
    python scripts/wikidata_items_figures.py project DIR            # a project linked against Wikidata

`project` tries `link new-items` offline (expect a refusal), then prepares, without searching, the
items people and works would get if every search found nothing, and counts what they carry; every
QuickStatements line is checked with the v1 checker of the tests.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.linking.wikibase_schema import schema_errors

HONORIFIC = re.compile(r"\b(Sir|Dame|Lord|Lady|Hon|Rev|Revd|Dr|OM|CH|RA|PRA|ARA|CBE|OBE|MBE|KBE|DBE|Bt|Bart)\b\.?")
NON_HUMAN = re.compile(r"School|\(\?\)|\?|Group|Collective|Ltd|Limited|Company|Gallery|&| and |\(.*(;|born)")


def entity_figures(entities: Iterable[dict[str, Any]]) -> dict[str, Any]:
    props: Counter[str] = Counter()
    ids: Counter[str] = Counter()
    quals: Counter[str] = Counter()
    c: Counter[str] = Counter()
    schema_problems = 0
    for n, e in enumerate(entities):
        c["items"] += 1
        if n % 100 == 0:  # the schema check is slow: every 100th item
            c["schema-checked"] += 1
            schema_problems += bool(schema_errors(e))
        label = e["labels"]["en"]["value"]
        claims = e["claims"]
        kinds = {cl["mainsnak"]["property"] for cl in claims}
        props.update(kinds)
        for cl in claims:
            for q in cl.get("qualifiers", {}):
                quals[f"{cl['mainsnak']['property']}/{q}"] += 1
            if cl["mainsnak"]["snaktype"] != "value":
                quals[f"{cl['mainsnak']['property']}=unknown value"] += 1
            if cl["mainsnak"].get("datatype") == "external-id" or cl["mainsnak"]["property"] in ("P1795", "P2741"):
                ids[cl["mainsnak"]["property"]] += 1
        is_q5 = any(cl["mainsnak"]["property"] == "P31" and cl["mainsnak"].get("datavalue", {}).get("value", {})
                    .get("id") == "Q5" for cl in claims)  # fmt: skip
        c["Q5 on a non-human name"] += bool(is_q5 and NON_HUMAN.search(label))
        c["label inverted (comma)"] += "," in label
        c["label with honorific or post-nominal"] += bool(HONORIFIC.search(label))
        refs = [r for cl in claims for r in cl.get("references", [])]
        c["P813 in references"] += any("P813" in r["snaks"] for r in refs)
    return {**dict(c), "schema problems": schema_problems, "properties": dict(props.most_common()),
            "identifiers": dict(ids.most_common()), "qualifiers": dict(quals.most_common())}  # fmt: skip


def items_file(path: str) -> dict[str, Any]:
    with open(path, encoding="utf-8") as f:
        return entity_figures(json.loads(line) for line in f if line.strip())


def project(folder: str) -> dict[str, Any]:
    from tests.linking.qs_v1 import check_quickstatements

    from glamwiki.linking.new_items import Refusal, new_item
    from glamwiki.linking.propose import candidates, prepare_new_items
    from glamwiki.linking.wikidata.search_first import Searcher, SearchFailed
    from glamwiki.linking.wikidata.settings import dataset_settings
    from glamwiki.linking.wikidata.statements import quickstatements, wbeditentity
    from glamwiki.linking.work_items import work_item
    from glamwiki.model.records import ObjectRecord, Person
    from glamwiki.project import find_project
    from glamwiki.store import linking as db
    from glamwiki.store.records import get_record, iter_records
    from glamwiki.store.rights import get_decision

    out: dict[str, Any] = {}
    with find_project(Path(folder)).open_store() as store:
        try:
            prepare_new_items(store, Searcher(None))
            out["offline"] = "proposed without searching (WRONG)"
        except SearchFailed as exc:
            out["offline"] = f"refused: {exc}"
        out["people proposed offline"] = len(db.new_items(store, "prepared"))
        people, refused, qs_problems, held = [], Counter(), 0, 0
        for r in candidates(store):
            found = [rec for _, rec in get_record(store, r["person_id"], "person", r["dataset"])]
            if not found or not isinstance(found[0], Person):
                continue
            item = new_item(r["dataset"], found[0], dataset_settings(store, r["dataset"]))
            if isinstance(item, Refusal):
                refused[item.why.split("(")[1].split(")")[0]] += 1
                continue
            if r["qid"] and r["verdict"] != db.REJECT:
                held += 1  # the matcher's weak candidate: a person decides first
                continue
            qs_problems += len(check_quickstatements(quickstatements(item)))
            people.append(wbeditentity(item))
        out["people (if every search found nothing)"] = entity_figures(people)
        out["people not proposed (not humans)"] = dict(refused)
        out["people held for the matcher's candidate"] = held
        out["people QuickStatements problems"] = qs_problems
        works, why, qs_problems = [], Counter(), 0
        links = db.links(store)
        settings = {}
        for ds, record in iter_records(store, kind="object"):
            if ds not in settings:
                settings[ds] = dataset_settings(store, ds)
            qids = {pid: q for (d, pid), q in links.items() if d == ds}
            rights = get_decision(store, record.id, ds)
            item = work_item(ds, record, settings[ds], qids, rights) if isinstance(record, ObjectRecord) else None
            if item is None or isinstance(item, Refusal):
                why[item.why.split(":")[0] if item else "not an object"] += 1
                continue
            qs_problems += len(check_quickstatements(quickstatements(item)))
            works.append(wbeditentity(item))
        out["works (if every search found nothing)"] = entity_figures(works)
        out["works not prepared"] = dict(why)
        out["works QuickStatements problems"] = qs_problems
    return out


if __name__ == "__main__":
    mode, path = sys.argv[1], sys.argv[2]
    print(json.dumps(items_file(path) if mode == "items" else project(path), indent=2, ensure_ascii=False))
