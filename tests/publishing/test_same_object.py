"""Before upload: a file already on the wiki showing the same object (P217 + P195 in its structured
data) is found with haswbstatement, against a recorded answer served on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

from tests.localserver import serve

from glamwiki.publishing.api import ApiClient
from glamwiki.publishing.preflight import Preflight
from glamwiki.publishing.upload import same_object_keys
from glamwiki.store import publishing as db

from .test_tate_pages import plan, tate  # noqa: F401  (fixtures)

RECORDED = Path(__file__).parent / "fixtures" / "search-haswbstatement.format-mediawiki-api-search.json"


def test_same_object_search(plan: dict[str, db.PlanItem]) -> None:  # noqa: F811
    inventory, collection = same_object_keys(plan["D01097"].sdc_data)
    assert (inventory, collection) == ("D01097", "Q430682")
    body = RECORDED.read_bytes()

    def route(path: str, query: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        if query.get("list") == "search":
            return 200, {"Content-Type": "application/json"}, body
        return 200, {"Content-Type": "application/json"}, json.dumps({"query": {"search": []}}).encode()

    with serve(route) as (base, requests):
        found = Preflight(ApiClient(f"{base}/w/api.php", "")).same_object(inventory, collection)
    assert found == ["Joseph Mallord William Turner - York Minster and Lendal Tower from the River Ouse - D01097.jpg"]
    (asked,) = [q for _, q, _ in requests if q.get("list") == "search"]
    assert asked["srsearch"] == 'haswbstatement:"P217=D01097" haswbstatement:P195=Q430682'
    assert asked["srnamespace"] == "6"
