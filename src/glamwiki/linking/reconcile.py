"""The W3C Reconciliation API 0.2 over the matcher: manifest, batched queries, preview, suggest.
HTTP-free: service.py serves these answers."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

from glamwiki.dates import parse_date
from glamwiki.linking.blocking import AuthorityIndex
from glamwiki.linking.entity import Entity, from_person
from glamwiki.linking.features import FEATURES
from glamwiki.linking.fellegi_sunter import FSModel
from glamwiki.linking.matcher import MATCH, Candidate, random_pairs, rank
from glamwiki.linking.names import fold
from glamwiki.model.dates import UNKNOWN
from glamwiki.model.records import PERSON, Person
from glamwiki.render import render_template
from glamwiki.wikimedia import ids

HUMAN_TYPE = {"id": ids.HUMAN, "name": "human"}
# Query properties understood, by Wikidata id and by plain name.
PROPERTIES = {
    ids.DATE_OF_BIRTH: ("birth", "date of birth"), ids.DATE_OF_DEATH: ("death", "date of death"),
    ids.CITIZENSHIP: ("nationality", "nationality"), ids.SEX_OR_GENDER: ("gender", "sex or gender"),
    ids.ULAN_ID: ("ulan", "ULAN ID"), ids.VIAF_ID: ("viaf", "VIAF ID"), ids.ISNI: ("isni", "ISNI"),
    ids.RKD_ARTISTS_ID: ("rkd", "RKDartists ID"), "wikidata": ("wikidata", "Wikidata QID"),
}  # fmt: skip
DEFAULT_LIMIT = 5


@dataclass
class Service:
    name: str
    base_url: str
    index: AuthorityIndex
    model: FSModel
    by_id: dict[str, Entity]
    names: list[tuple[str, str]]  # (folded name, id), sorted, for suggest

    @property
    def wikidata_ids(self) -> bool:
        return all(e.id.startswith("Q") and e.id[1:].isdigit() for e in list(self.by_id.values())[:50])

    # -- manifest --------------------------------------------------------------------------------
    def manifest(self) -> dict[str, Any]:
        space = "http://www.wikidata.org/entity/" if self.wikidata_ids else f"{self.base_url}/entity/"
        out: dict[str, Any] = {
            "versions": ["0.2"],
            "name": f"glamwiki: {self.name}",
            "identifierSpace": space,
            "schemaSpace": "http://www.wikidata.org/prop/direct/",
            "defaultTypes": [HUMAN_TYPE],
            "preview": {"url": f"{self.base_url}/preview?id={{{{id}}}}", "width": 400, "height": 140},
            "suggest": {
                "entity": {"service_url": self.base_url, "service_path": "/suggest/entity"},
                "type": {"service_url": self.base_url, "service_path": "/suggest/type"},
                "property": {"service_url": self.base_url, "service_path": "/suggest/property"},
            },
        }
        if self.wikidata_ids:
            out["view"] = {"url": "https://www.wikidata.org/wiki/{{id}}"}
        return out

    # -- reconciliation ----------------------------------------------------------------------------
    def reconcile_batch(self, queries: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        return {key: {"result": self.reconcile(q)} for key, q in queries.items()}

    def reconcile(self, q: dict[str, Any]) -> list[dict[str, Any]]:
        source = query_entity(q)
        types = q.get("type")
        wanted = {types} if isinstance(types, str) else set(types or [])
        result, ranked = rank(source, self.index, self.model)
        limit = int(q.get("limit") or DEFAULT_LIMIT)
        out: list[dict[str, Any]] = []
        for c in ranked:
            if wanted and HUMAN_TYPE["id"] in wanted and c.entity.kind != PERSON:
                continue
            if c.probability <= 0 and len(out) >= 1:
                continue
            is_match = result.decision == MATCH and result.best is c
            out.append(candidate_json(c, is_match))
            if len(out) >= limit:
                break
        return out

    # -- preview and suggest ---------------------------------------------------------------------
    def preview(self, entity_id: str) -> str | None:
        e = self.by_id.get(entity_id)
        if e is None:
            return None
        return str(
            render_template(
                "reconcile/preview.html",
                title=e.name,
                name=e.name,
                dates=e.dates_text(),
                nationality=e.nationality or "",
                gender=e.gender or "",
                identifiers=sorted(e.identifiers.items()),
            )
        )

    def suggest_entity(self, prefix: str, limit: int = 10) -> dict[str, Any]:
        p = fold(prefix).strip()
        i = bisect.bisect_left(self.names, (p, ""))
        found: list[dict[str, Any]] = []
        while i < len(self.names) and self.names[i][0].startswith(p) and len(found) < limit:
            e = self.by_id[self.names[i][1]]
            found.append({"id": e.id, "name": e.name, "description": e.dates_text(), "notable": [HUMAN_TYPE]})
            i += 1
        return {"result": found}

    def suggest_type(self, prefix: str) -> dict[str, Any]:
        p = prefix.lower()
        return {"result": [HUMAN_TYPE] if "human".startswith(p) or p in ("q5", "") else []}

    def suggest_property(self, prefix: str) -> dict[str, Any]:
        p = prefix.lower()
        hits = [(pid, label) for pid, (short, label) in PROPERTIES.items()
                if pid.lower().startswith(p) or short.startswith(p) or label.lower().startswith(p)]  # fmt: skip
        return {"result": [{"id": pid, "name": label} for pid, label in hits]}


def candidate_json(c: Candidate, is_match: bool) -> dict[str, Any]:
    weights = dict(zip([f.name for f in FEATURES], _feature_weights(c), strict=True))
    features = [{"id": f"{name}_weight", "value": round(w, 3)} for name, w in weights.items()]
    features.append({"id": "match_weight", "value": round(c.weight, 3)})
    return {"id": c.entity.id, "name": c.entity.name, "description": c.entity.dates_text(),
            "score": round(100 * c.probability, 2), "match": is_match,
            "type": [HUMAN_TYPE] if c.entity.kind == PERSON else [], "features": features}  # fmt: skip


def _feature_weights(c: Candidate) -> list[float]:
    return list(c.feature_weights) or [0.0] * len(FEATURES)


def query_entity(q: dict[str, Any]) -> Entity:
    fields: dict[str, Any] = {}
    ids: dict[str, str] = {}
    for prop in q.get("properties", []) or []:
        short = PROPERTIES.get(prop.get("pid", ""), (prop.get("pid", ""), ""))[0]
        value = prop.get("v")
        value = value[0] if isinstance(value, list) and value else value
        value = value.get("id") or value.get("name") if isinstance(value, dict) else value
        if value in (None, ""):
            continue
        if short in ("birth", "death"):
            fields[short] = parse_date(str(value))
        elif short in ("nationality", "gender"):
            fields[short] = str(value)
        else:
            ids[short] = str(value)
    person = Person(id="query", name=str(q.get("query", "")), birth=fields.get("birth", UNKNOWN),
                    death=fields.get("death", UNKNOWN), nationality=fields.get("nationality"),
                    gender=fields.get("gender"), identifiers=ids)  # fmt: skip
    return from_person(person)


def build_service(
    name: str, base_url: str, authority: list[Entity], stored_model: dict[str, Any] | None = None
) -> Service:
    index = AuthorityIndex(authority)
    if stored_model:
        model = FSModel.from_dict(stored_model)
    else:  # priors for m, u from random pairs of the authority itself
        model = FSModel(lam=0.01)
        model.estimate_u(random_pairs(authority, index))
    names = sorted({(fold(n), e.id) for e in authority for n in {e.name, *(e.person.alt_names if e.person else [])}
                    if n})  # fmt: skip
    return Service(name, base_url.rstrip("/"), index, model, {e.id: e for e in authority}, names)
