"""Creating items through the API, journaled first, against a stand-in Wikibase on 127.0.0.1 (the
MediaWiki fixture cannot host Wikibase: Debian's mediawiki has no Wikibase extension). The stand-in
answers in the documented shapes: login and tokens (https://www.mediawiki.org/wiki/API:Login,
API:Tokens), `wbeditentity` new=item (`{"entity": {...,"id": "Q…"}, "success": 1}`,
https://www.wikidata.org/w/api.php?action=help&modules=wbeditentity), `list=usercontribs`
(https://www.mediawiki.org/wiki/API:Usercontribs) and `list=search` (API:Search). A killed run never
creates an item twice."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.linking.wikibase_schema import schema_errors
from tests.localserver import serve

from glamwiki.linking.wikidata.client import WikidataClient
from glamwiki.linking.wikidata.create import ItemCreator, people_journal
from glamwiki.linking.wikidata.search_first import Searcher
from glamwiki.publishing.api import ApiClient
from glamwiki.publishing.auth import BOTPASSWORD, Credentials
from glamwiki.publishing.errors import TransientError
from glamwiki.publishing.etiquette import Etiquette
from glamwiki.store import Store
from glamwiki.store import linking as db

J = {"Content-Type": "application/json"}


class StandIn:
    """A Wikibase that keeps the items it creates; `drop_next` loses the answer of the next creation."""

    def __init__(self) -> None:
        self.items: dict[str, dict[str, Any]] = {}
        self.drop_next = False
        self.writes: list[dict[str, str]] = []
        self.other_account = False  # the item was made by another account: not in our contributions
        self.indexed = False  # the search index has caught up

    def __call__(self, path: str, q: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        action = q.get("action")
        if action == "query" and q.get("meta") == "tokens":
            kind = q.get("type", "csrf")
            return 200, J, json.dumps({"query": {"tokens": {f"{kind}token": "a1b2+\\"}}}).encode()
        if action == "login":
            return 200, J, json.dumps({"login": {"result": "Success", "lguserid": 7, "lgusername": "Bot"}}).encode()
        if action == "query" and q.get("meta") == "userinfo":
            return 200, J, json.dumps({"query": {"userinfo": {"id": 7, "name": "Bot", "groups": ["user"]}}}).encode()
        if action == "wbeditentity":
            return self.create(q)
        if action == "query" and q.get("list") == "usercontribs":
            rows = [{"userid": 7, "user": "Bot", "ns": 0, "title": qid, "new": True,
                     "comment": f"/* wbeditentity-create-item:0| */ {item['summary']}"}
                    for qid, item in self.items.items() if not self.other_account]  # fmt: skip
            return 200, J, json.dumps({"batchcomplete": True, "query": {"usercontribs": rows}}).encode()
        if action == "query" and q.get("list") == "search":  # until the index catches up: nothing
            hits = [{"ns": 0, "title": qid, "pageid": 1} for qid in self.items] if self.indexed else []
            found = {"batchcomplete": True, "query": {"searchinfo": {"totalhits": len(hits)}, "search": hits}}
            return 200, J, json.dumps(found).encode()
        return 400, J, b'{"error": {"code": "badvalue", "info": "not in the stand-in"}}'

    def create(self, q: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        self.writes.append(q)
        if q.get("token") != "a1b2+\\" or q.get("new") != "item":
            return 200, J, b'{"error": {"code": "badtoken", "info": "Invalid CSRF token."}}'
        qid = f"Q{9000 + len(self.items)}"
        data = json.loads(q["data"])
        self.items[qid] = {"data": data, "summary": q.get("summary", "")}
        if self.drop_next:  # created, but the answer never arrives
            self.drop_next = False
            return 502, J, b"Bad Gateway"
        entity = {"type": "item", "id": qid, "lastrevid": len(self.items), **data}
        return 200, J, json.dumps({"entity": entity, "success": 1}).encode()


@pytest.fixture
def wikibase(tmp_path: Path) -> Iterator[tuple[StandIn, ApiClient, Searcher, list]]:
    stand_in = StandIn()
    with serve(stand_in) as (base, requests):
        slept: list[float] = []
        api = ApiClient(f"{base}/w/api.php", "test@example.org", Credentials(BOTPASSWORD, "Bot@glamwiki", "s3cret"),
                        Etiquette(edits_per_minute=30, retries=0, sleep=slept.append))  # fmt: skip
        api.login()
        searcher = Searcher(WikidataClient(tmp_path / "cache", api_url=f"{base}/w/api.php", min_interval=0.0))
        yield stand_in, api, searcher, requests


def _prepared(store: Store, person_id: str, label: str) -> None:
    entity = {"labels": {"en": {"language": "en", "value": label}}, "claims": [
        {"mainsnak": {"snaktype": "value", "property": "P31", "datatype": "wikibase-item", "datavalue": {
            "value": {"entity-type": "item", "numeric-id": 5, "id": "Q5"}, "type": "wikibase-entityid"}},
         "type": "statement", "rank": "normal"}]}  # fmt: skip
    search = {"queries": [f'list=search haswbstatement:"P2741={person_id}"', f"wbsearchentities {label}"]}
    with store.transaction():
        db.journal_new_item(store, "tate", person_id, label, json.dumps(entity), "CREATE\n", json.dumps(search))


def test_created_journaled_and_linked(store: Store, wikibase) -> None:  # type: ignore[no-untyped-def]
    stand_in, api, searcher, _ = wikibase
    _prepared(store, "138", "William Daniell")
    counts = ItemCreator(api, store, searcher, "b1").run(people_journal())
    assert counts == {"created": 1}
    row = db.new_items(store, "created")[0]
    assert row["qid"] == "Q9000" and db.links(store)[("tate", "138")] == "Q9000"
    write = stand_in.writes[0]
    assert write["assert"] == "user" and write["maxlag"] == "5" and "tate/138" in write["summary"]
    assert schema_errors(json.loads(write["data"])) == []
    assert ItemCreator(api, store, searcher, "b1").run(people_journal()) == {}  # nothing twice


def test_a_killed_run_never_creates_twice(store: Store, wikibase) -> None:  # type: ignore[no-untyped-def]
    stand_in, api, searcher, requests = wikibase
    _prepared(store, "138", "William Daniell")
    _prepared(store, "140", "John Scarlett Davis")
    stand_in.drop_next = True
    with pytest.raises(TransientError):
        ItemCreator(api, store, searcher, "b1").run(people_journal())
    assert db.new_items(store, "sending")[0]["person_id"] == "138"  # journaled before the request left
    assert len(stand_in.items) == 1
    counts = ItemCreator(api, store, searcher, "b2").run(people_journal())
    assert counts == {"found after an interrupted run": 1, "created": 1}
    assert len(stand_in.items) == 2  # Daniell once, Davis once
    assert {r["person_id"]: r["qid"] for r in db.new_items(store, "created")} == {"138": "Q9000", "140": "Q9001"}
    looked = [q for _, q, _ in requests if q.get("list") == "usercontribs"]
    assert looked and looked[0]["ucuser"] == "Bot" and looked[0]["ucshow"] == "new"


def test_after_a_kill_the_search_is_asked_again_not_the_cache(store: Store, wikibase) -> None:  # type: ignore[no-untyped-def]
    stand_in, api, searcher, _ = wikibase
    _prepared(store, "138", "William Daniell")
    assert searcher.cirrus('haswbstatement:"P2741=138"') == []  # cached at preparation: nothing then
    stand_in.drop_next = True
    with pytest.raises(TransientError):
        ItemCreator(api, store, searcher, "b1").run(people_journal())
    stand_in.other_account, stand_in.indexed = True, True
    assert ItemCreator(api, store, searcher, "b2").run(people_journal()) == {"found after an interrupted run": 1}
    assert len(stand_in.items) == 1 and db.new_items(store, "created")[0]["qid"] == "Q9000"


def test_cli_creates_on_the_stand_in(cli, store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from glamwiki.cli import cli as app

    _prepared(store, "138", "William Daniell")
    stand_in = StandIn()
    monkeypatch.setenv("GLAMWIKI_BOT_USER", "Bot@glamwiki")
    monkeypatch.setenv("GLAMWIKI_BOT_PASSWORD", "s3cret")
    monkeypatch.setenv("GLAMWIKI_CACHE", str(tmp_path))
    with serve(stand_in) as (base, _):
        args = ["link", "create-items", "people", "--api", f"{base}/w/api.php", "--edits-per-minute", "0"]
        result = cli.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "1 created" in result.output and list(stand_in.items) == ["Q9000"]
    assert "s3cret" not in result.output
