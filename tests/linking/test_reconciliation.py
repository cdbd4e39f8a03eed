"""Contract tests of `glamwiki serve` against the W3C Reconciliation API 0.2 JSON Schemas (copied
from reconciliation-api/specs, see fixtures/reconciliation-0.2/README.md), over real HTTP on 127.0.0.1."""

from __future__ import annotations

import json
import threading
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest
from referencing import Registry, Resource

from glamwiki.linking.entity import from_person
from glamwiki.linking.reconcile import build_service
from glamwiki.linking.service import make_server
from glamwiki.linking.wikidata.entities import read_entity_people

SPEC = Path(__file__).parent / "fixtures" / "reconciliation-0.2"


def _registry() -> Registry:
    resources = []
    for path in (SPEC / "schemas").glob("*.json"):
        schema = json.loads(path.read_text())
        resources.append((schema["$id"], Resource.from_contents(schema, default_specification=_draft())))
    return Registry().with_resources(resources)


def _draft():  # type: ignore[no-untyped-def]
    from referencing.jsonschema import DRAFT7

    return DRAFT7


REGISTRY = _registry()


def validate(instance: object, schema_file: str) -> None:
    schema = json.loads((SPEC / "schemas" / schema_file).read_text())
    jsonschema.Draft7Validator(schema, registry=REGISTRY).validate(instance)


def invalid(instance: object, schema_file: str) -> bool:
    try:
        validate(instance, schema_file)
    except jsonschema.ValidationError:
        return True
    return False


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from tests.conftest import require_shared

    data = require_shared()

    people = [from_person(p) for p in read_entity_people(data / "wikidata" / "entities.jsonl.gz")]
    server = make_server(build_service("recorded Wikidata", "http://127.0.0.1", people), "127.0.0.1", 0)
    host, port = server.server_address[:2]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://{host}:{port}"
    server.shutdown()
    server.server_close()


def get(url: str, data: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    try:
        with urllib.request.urlopen(url, data=body, timeout=10) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def test_schemas_reject_the_specs_invalid_examples() -> None:
    examples = SPEC / "examples"
    validate(json.loads((examples / "manifest-valid-getty.json").read_text()), "manifest.json")
    assert invalid(json.loads((examples / "query-batch-invalid-empty-query.json").read_text()),
                   "reconciliation-query-batch.json")  # fmt: skip
    assert invalid(json.loads((examples / "result-batch-invalid-no-result.json").read_text()),
                   "reconciliation-result-batch.json")  # fmt: skip


def test_manifest(base: str) -> None:
    status, headers, body = get(base + "/")
    assert status == 200 and "Access-Control-Allow-Origin" not in headers  # CORS for OpenRefine only
    manifest = json.loads(body)
    validate(manifest, "manifest.json")
    assert manifest["versions"] == ["0.2"] and manifest["identifierSpace"] == "http://www.wikidata.org/entity/"


QUERIES = {
    "q0": {"query": "Ger van Elk", "type": "Q5", "limit": 3, "properties": [{"pid": "P569", "v": "1941"}]},
    "q1": {"query": "Steve Clark", "type": "Q5", "type_strict": "should"},
    "q2": {"query": "Elk, Ger van"},
    "q3": {"query": "Zzyzx Nobody"},
}


def test_batched_queries_get_and_post(base: str) -> None:
    validate(QUERIES, "reconciliation-query-batch.json")
    for method in ("get", "post"):
        if method == "get":
            status, _, body = get(base + "/?" + urllib.parse.urlencode({"queries": json.dumps(QUERIES)}))
        else:
            status, _, body = get(base + "/", {"queries": json.dumps(QUERIES)})
        assert status == 200
        results = json.loads(body)
        validate(results, "reconciliation-result-batch.json")
        assert set(results) == set(QUERIES)
        top = results["q0"]["result"][0]
        assert top["id"] == "Q827998" and top["match"] is True and 0 <= top["score"] <= 100
        assert len(results["q0"]["result"]) <= 3
        namesakes = results["q1"]["result"]
        assert len(namesakes) >= 2 and not any(r["match"] for r in namesakes)  # several Steve Clarks: no auto-match
        assert results["q2"]["result"][0]["id"] == "Q827998"  # inverted name
        assert all(r["score"] < 50 for r in results["q3"]["result"])


def test_features_explain_the_score(base: str) -> None:
    _, _, body = get(base + "/", {"queries": json.dumps({"q0": QUERIES["q0"]})})
    top = json.loads(body)["q0"]["result"][0]
    feats = {f["id"]: f["value"] for f in top["features"]}
    assert feats["name_weight"] > 0 and feats["birth_weight"] > 0 and "match_weight" in feats


def test_preview_and_suggest(base: str) -> None:
    status, headers, body = get(base + "/preview?id=Q827998")
    assert status == 200 and headers["Content-Type"].startswith("text/html") and b"Ger van Elk" in body
    assert get(base + "/preview?id=Q0")[0] == 404
    _, _, body = get(base + "/suggest/entity?prefix=ger%20van")
    entities = json.loads(body)
    validate(entities, "suggest-entities-response.json")
    assert any(r["id"] == "Q827998" for r in entities["result"])
    _, _, body = get(base + "/suggest/type?prefix=hum")
    validate(json.loads(body), "suggest-types-response.json")
    _, _, body = get(base + "/suggest/property?prefix=P5")
    props = json.loads(body)
    validate(props, "suggest-properties-response.json")
    assert {p["id"] for p in props["result"]} >= {"P569", "P570"}


def test_jsonp_and_bad_requests(base: str) -> None:
    _, headers, body = get(base + "/?callback=cb")
    assert body.startswith(b"cb(") and "javascript" in headers["Content-Type"]
    assert get(base + "/", {"queries": "not json"})[0] == 400
    assert get(base + "/nowhere")[0] == 404
