"""The web's PostgreSQL stores lent from a process's open connections (store.db.pooled_store)."""

from __future__ import annotations

import time

import pytest
from tests.conftest import PG_URL

from glamwiki.store import db


@pytest.fixture
def schema(pg_schema: str) -> str:
    for kept in db._idle.values():
        for store in kept:
            store.close()
    db._idle.clear()
    db._open[0] = 0
    return pg_schema


def test_a_store_given_back_is_lent_again(schema: str) -> None:
    with db.pooled_store(PG_URL, schema) as first:
        pid = first.conn.info.backend_pid
        assert first.scalar("SELECT COUNT(*) FROM records") >= 0
    with db.pooled_store(PG_URL, schema) as second:
        assert second is first and second.conn.info.backend_pid == pid
        with db.pooled_store(PG_URL, schema) as third:  # the first is lent out: another connection
            assert third is not second
    assert len(db._idle[(PG_URL, schema)]) == db.POOL_IDLE_PER_STORE


def test_a_store_left_in_a_transaction_or_broken_is_closed_not_kept(schema: str) -> None:
    with db.pooled_store(PG_URL, schema) as store:
        store.conn.execute("BEGIN")
    assert store.conn.closed and not db._idle.get((PG_URL, schema))
    with pytest.raises(ZeroDivisionError), db.pooled_store(PG_URL, schema) as failed:
        raise ZeroDivisionError
    assert failed.conn.closed
    with db.pooled_store(PG_URL, schema) as kept:
        pass
    kept.conn.close()  # the server went away meanwhile
    with db.pooled_store(PG_URL, schema) as fresh:
        assert fresh is not kept and fresh.scalar("SELECT 1") == 1


def test_at_most_so_many_connections_then_a_wait(schema: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db, "POOL_MAX_OPEN", 2)
    monkeypatch.setattr(db, "POOL_WAIT", 0.5)
    elsewhere = PG_URL + ("&" if "?" in PG_URL else "?") + "application_name=other"
    with db.pooled_store(elsewhere, schema) as other:  # an idle store of another place...
        pass
    with db.pooled_store(PG_URL, schema), db.pooled_store(PG_URL, schema) as second:
        assert other.conn.closed  # ...closed to make room for the second
        assert db._open[0] == 2
        start = time.monotonic()
        with db.pooled_store(PG_URL, schema) as third:  # none given back: it waits, then opens one
            assert time.monotonic() - start >= 0.5 and third is not second
        assert db._open[0] == 2
    assert db._open[0] == 2 and len(db._idle[(PG_URL, schema)]) == 2
