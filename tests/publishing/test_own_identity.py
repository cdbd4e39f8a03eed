"""Uploads under the resident's own identity, end to end on the real local MediaWiki: a second user of
the wiki with a BotPassword of their own (made as the sandbox makes the bot's), linked to a web
account and kept sealed; the file published through ``credentials_for_account`` is in the wiki's
upload log under THAT user, not the operator's bot."""

from __future__ import annotations

from pathlib import Path

import requests

from glamwiki.identities import Vault, credentials_for_account, key_file, save_botpassword
from glamwiki.publishing import journal as j
from glamwiki.publishing import sandbox
from glamwiki.publishing.api import ApiClient
from glamwiki.publishing.auth import BOTPASSWORD
from glamwiki.publishing.run import Runner, RunOptions
from glamwiki.publishing.upload import UploadSettings
from glamwiki.store import publishing as db
from glamwiki.web.auth import create_user

from .conftest import fast_etiquette, ready_project


def _uploader(api: str, title: str) -> list[str]:
    data = requests.get(api, params={"action": "query", "list": "logevents", "letype": "upload",
                                     "letitle": f"File:{title}", "format": "json", "formatversion": "2"},
                        timeout=30).json()  # fmt: skip
    return [e["user"] for e in data["query"]["logevents"]]


def test_a_residents_own_botpassword_publishes_under_their_name(tmp_path: Path, wiki: sandbox.Sandbox) -> None:
    bot_user, password = sandbox.add_user(wiki, "Rita Resident")
    project = ready_project(tmp_path, 1)
    vault = Vault(key_file(project.root))
    with project.open_store() as store:
        create_user(store, "rita", "resident", "rita-pass-1234")
        save_botpassword(store, vault, "rita", wiki.api, bot_user, password)
        creds = credentials_for_account(store, "rita", wiki.api, vault)
        assert (creds.kind, creds.user) == (BOTPASSWORD, "Rita Resident@glamwiki")
        client = ApiClient(wiki.api, "glamwiki tests <tests@example.org>", creds, fast_etiquette())
        assert client.login() == "Rita Resident" and not client.is_bot
        runner = Runner(store, client, RunOptions(upload=UploadSettings(cache=project.root / "cache")))
        runner.run()
        assert runner.summary.outcomes[j.DONE] == 1
        (item,) = db.iter_plan(store, db.PLANNED)
        state = db.get_state(store, wiki.api, item.item_id)
    assert _uploader(wiki.api, state.title) == ["Rita Resident"]
    assert wiki.user.split("@")[0] == "Uploader"  # the operator's bot, which did not send it
    stored = b"".join(p.read_bytes() for p in project.root.glob("glamwiki.db*"))
    assert password.encode() not in stored
