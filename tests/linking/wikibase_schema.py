"""Validation of `wbeditentity` data against the Wikibase JSON data model's published JSON Schema
(vendored in fixtures/wikibase-json-schema, see its README).

The schema describes an entity as the server stores it, so :func:`as_created` adds only what the
server assigns on `new=item` (ids, page, revision, statement ids, hashes); everything glamwiki wrote
is validated as it is."""

from __future__ import annotations

import copy
import hashlib
import json
import uuid
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

SCHEMAS = Path(__file__).parent / "fixtures" / "wikibase-json-schema"
BASE = "https://josh.github.io/wikidata-api-schemas/"


def _registry() -> Registry:
    resources = []
    for path in SCHEMAS.rglob("*.schema.json"):
        doc = json.loads(path.read_text(encoding="utf-8"))
        resources.append((doc["$id"], Resource.from_contents(doc)))
    return Registry().with_resources(resources)


REGISTRY = _registry()
ITEM_SCHEMA = json.loads((SCHEMAS / "item.schema.json").read_text(encoding="utf-8"))
VALIDATOR = Draft202012Validator(ITEM_SCHEMA, registry=REGISTRY)


def _hash(value: Any) -> str:
    return hashlib.sha1(json.dumps(value, sort_keys=True).encode()).hexdigest()


def as_created(data: dict[str, Any], qid: str = "Q999999999") -> dict[str, Any]:
    """The entity as the server would return it after `wbeditentity new=item` with this data."""
    entity = copy.deepcopy(data)
    claims: dict[str, list[dict[str, Any]]] = {}
    for claim in entity.pop("claims", []):
        claim["id"] = f"{qid}${str(uuid.uuid4()).upper()}"
        claim["mainsnak"]["hash"] = _hash(claim["mainsnak"])
        for snaks in claim.get("qualifiers", {}).values():
            for snak in snaks:
                snak["hash"] = _hash(snak)
        for ref in claim.get("references", []):
            for snaks in ref["snaks"].values():
                for snak in snaks:
                    snak["hash"] = snak.get("hash") or _hash(snak)
            ref["hash"] = _hash(ref["snaks"])
        claims.setdefault(claim["mainsnak"]["property"], []).append(claim)
    entity.update({"type": "item", "id": qid, "pageid": 1, "ns": 0, "title": qid, "lastrevid": 1,
                   "modified": "2026-01-01T00:00:00Z", "claims": claims, "sitelinks": {}})  # fmt: skip
    entity.setdefault("descriptions", {})
    entity.setdefault("aliases", {})
    return entity


def schema_errors(data: dict[str, Any]) -> list[str]:
    entity = as_created(data)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(entity)]
