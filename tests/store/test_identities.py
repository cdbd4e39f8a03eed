"""store/identities.py on SQLite and PostgreSQL: a Wikimedia user name opens one account, sealed
credentials per (account, wiki) replaced in place, connected_at kept while only the tokens change."""

from __future__ import annotations

import time

import pytest

from glamwiki.errors import ConfigError
from glamwiki.identities import Vault, account_for_wikimedia_user, link_account, save_botpassword
from glamwiki.store import Store
from glamwiki.store.identities import (
    credentials_of,
    delete_credential,
    save_credential,
    wikimedia_link_of,
    wikimedia_links,
)
from glamwiki.web.auth import create_user

pytestmark = pytest.mark.both_backends


def test_links_and_sealed_credentials(store: Store, backend: str) -> None:
    create_user(store, "rita", "resident", "rita-pass-1234")
    create_user(store, "sam", "curator", "sam-pass-12345")
    create_user(store, "wikimedia:Wendy_Wiki", "viewer", "")
    assert link_account(store, "rita", "rita_Resident", "admin") == "Rita Resident"
    assert account_for_wikimedia_user(store, "Rita_Resident") == "rita"
    assert account_for_wikimedia_user(store, "wendy_Wiki") == "wikimedia:Wendy_Wiki"
    assert account_for_wikimedia_user(store, "Wendy wiki") is None  # MediaWiki names: only the first letter folds
    assert account_for_wikimedia_user(store, "Nobody") is None
    with pytest.raises(ConfigError, match="already opens the account 'rita'"):
        link_account(store, "sam", "Rita Resident", "admin")
    with pytest.raises(ConfigError, match="not a Wikimedia user name"):
        link_account(store, "sam", "a|b", "admin")
    link_account(store, "rita", "Rita R", "admin")  # the account's link is replaced
    assert wikimedia_links(store) == {"rita": "Rita R"} and account_for_wikimedia_user(store, "Rita Resident") is None
    assert wikimedia_link_of(store, "rita").linked_by == "admin"  # type: ignore[union-attr]

    with store.transaction():
        save_credential(
            store, "rita", "meta.wikimedia.org", "oauth2", "Rita R", "sealed-1", "2026-01-01T00:00:00+00:00"
        )
    (first,) = credentials_of(store, "rita")
    time.sleep(1.1)
    with store.transaction():
        save_credential(
            store, "rita", "meta.wikimedia.org", "oauth2", "Rita R", "sealed-2", "2026-01-01T04:00:00+00:00"
        )
    (renewed,) = credentials_of(store, "rita")
    assert renewed.sealed == "sealed-2" and renewed.connected_at == first.connected_at
    assert renewed.updated_at > first.updated_at
    vault = Vault(b"ZmVybmV0LWtleS1mb3ItdGVzdHMtMDEyMzQ1Njc4OTA=")
    save_botpassword(store, vault, "rita", "https://test.wiki.example/w/api.php", "Rita@glamwiki", "q" * 32)
    assert {c.site for c in credentials_of(store, "rita")} == {"meta.wikimedia.org", "test.wiki.example"}
    assert "q" * 32 not in credentials_of(store, "rita")[0].sealed + credentials_of(store, "rita")[1].sealed
    with store.transaction():
        assert delete_credential(store, "rita", "meta.wikimedia.org") == 1
        assert delete_credential(store, "rita", "meta.wikimedia.org") == 0
    assert [c.site for c in credentials_of(store, "rita")] == ["test.wiki.example"]
