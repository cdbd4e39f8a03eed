"""Structured data: the file goes to the real local wiki; the wbeditentity/wbgetentities answers
(which a plain MediaWiki lacks) come from recorded responses in the documented format (fixtures/)."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import requests
from requests.adapters import HTTPAdapter

from glamwiki.publishing import journal as j
from glamwiki.publishing.api import ApiClient
from glamwiki.publishing.auth import Credentials
from glamwiki.publishing.run import Runner, RunOptions
from glamwiki.publishing.sandbox import Sandbox
from glamwiki.publishing.upload import UploadSettings
from glamwiki.store import publishing as db
from glamwiki.wikimedia import ids

from .conftest import fast_etiquette, ready_project

FIXTURES = Path(__file__).parent / "fixtures"
WIKIBASE = {"wbeditentity", "wbgetentities"}


class RecordedWikibase(HTTPAdapter):
    """Answers Wikibase actions from the fixtures; passes every other request to the real wiki."""

    def __init__(self, lose_first_edit: bool = False, refuse: bool = False) -> None:
        super().__init__()
        self.edits: list[dict] = []
        self.written: dict[str, dict] = {}
        self.lose_first_edit = lose_first_edit
        self.refuse = refuse

    def send(self, request, **kwargs):  # type: ignore[override]
        params = {k: v[0] for k, v in parse_qs(urlsplit(request.url).query).items()}
        if isinstance(request.body, str | bytes) and b"Content-Disposition" not in _bytes(request.body):
            params |= {k: v[0] for k, v in parse_qs(_bytes(request.body).decode()).items()}
        action = params.get("action")
        if action == "paraminfo" and params.get("modules") == "wbeditentity":
            return self._answer(request, "paraminfo-wbeditentity.format-mediawiki-api-paraminfo.json", {})
        if action not in WIKIBASE:
            return super().send(request, **kwargs)
        mid = params.get("id") or params.get("ids", "")
        if action == "wbeditentity":
            self.edits.append(params)
            if self.refuse:
                return self._answer(request, "wbeditentity-permissiondenied.format-mediawiki-api-errors.json", {})
            self.written[mid] = json.loads(params["data"])
            if self.lose_first_edit and len(self.edits) == 1:
                raise requests.ConnectionError("connection dropped after the write")
            return self._answer(
                request, "wbeditentity-success.format-wikibase-api-wbeditentity-docs.json", self._fill(mid)
            )
        if mid in self.written:
            return self._answer(
                request, "wbgetentities-with-statements.format-wikibase-api-wbgetentities-docs.json", self._fill(mid)
            )
        return self._answer(
            request, "wbgetentities-missing.format-wikibase-api-wbgetentities-docs.json", {"{MID}": mid}
        )

    def _fill(self, mid: str) -> dict[str, str]:
        claims = self.written.get(mid, {}).get("claims", [])
        statements: dict[str, list] = {}
        for claim in claims:
            statements.setdefault(claim["mainsnak"]["property"], []).append(claim)
        return {"{MID}": mid, "{PAGEID}": mid[1:], "{STATEMENTS}": json.dumps(statements)}

    def _answer(self, request, name: str, fills: dict[str, str]) -> requests.Response:
        text = (FIXTURES / name).read_text()
        for key, value in fills.items():
            text = text.replace(key, value)
        response = requests.Response()
        response.status_code = 200
        response._content = text.encode()
        response.headers["Content-Type"] = "application/json"
        response.request = request
        response.url = request.url
        return response


def _bytes(body: str | bytes) -> bytes:
    return body.encode() if isinstance(body, str) else body


def _client(wiki: Sandbox, credentials: Credentials, adapter: RecordedWikibase) -> ApiClient:
    session = requests.Session()
    session.mount("http://", adapter)
    client = ApiClient(wiki.api, "tests <tests@example.org>", credentials, fast_etiquette(), session=session)
    client.login()
    return client


def _run(project, client: ApiClient) -> None:
    with project.open_store() as store:
        Runner(store, client, RunOptions(upload=UploadSettings(cache=project.root / "c"))).run()


def test_structured_data_written_to_the_new_mid(tmp_path: Path, wiki: Sandbox, credentials: Credentials) -> None:
    project = ready_project(tmp_path, 2)
    adapter = RecordedWikibase()
    client = _client(wiki, credentials, adapter)
    _run(project, client)
    with project.open_store() as store:
        states = [db.get_state(store, wiki.api, i.item_id) for i in db.iter_plan(store, db.PLANNED)]
    assert [s.state for s in states] == [j.DONE, j.DONE]
    assert [e["id"] for e in adapter.edits] == [f"M{s.page_id}" for s in states]
    for edit, state in zip(adapter.edits, states, strict=True):
        data = json.loads(edit["data"])
        props = {c["mainsnak"]["property"] for c in data["claims"]}
        assert {ids.CREATOR, ids.INCEPTION, ids.COPYRIGHT_STATUS, ids.INVENTORY_NUMBER} <= props
        assert data["labels"]["en"]["value"].startswith("Test ")
        assert "glamwiki batch" in edit["summary"] and edit["assert"] == "bot" and edit["maxlag"] == "5"
        assert state.revision == 900001


def test_lost_answer_is_not_written_twice(tmp_path: Path, wiki: Sandbox, credentials: Credentials) -> None:
    project = ready_project(tmp_path, 1)
    adapter = RecordedWikibase(lose_first_edit=True)
    client = _client(wiki, credentials, adapter)
    _run(project, client)  # the write reaches the wiki, the answer is lost: the file waits for the next run
    with project.open_store() as store:
        (item,) = db.iter_plan(store, db.PLANNED)
        assert db.get_state(store, wiki.api, item.item_id).state == j.UPLOADED
    _run(project, client)
    with project.open_store() as store:
        assert db.get_state(store, wiki.api, item.item_id).state == j.DONE
    assert len(adapter.edits) == 1, "the second run saw the statements on the entity and did not write again"


def test_refused_structured_data_is_reported(tmp_path: Path, wiki: Sandbox, credentials: Credentials) -> None:
    project = ready_project(tmp_path, 1)
    client = _client(wiki, credentials, RecordedWikibase(refuse=True))
    _run(project, client)
    with project.open_store() as store:
        (item,) = db.iter_plan(store, db.PLANNED)
        state = db.get_state(store, wiki.api, item.item_id)
    assert state.state == j.DONE and "permissiondenied" in state.message
