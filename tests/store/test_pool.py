"""The web's PostgreSQL stores lent from a process's open connections (store.db.pooled_store)."""

from __future__ import annotations

import pytest
from tests.conftest import PG_URL

from glamwiki.store import db


@pytest.fixture
def schema(pg_schema: str) -> str:
    db._idle.clear()
    return pg_schema


def test_a_store_given_back_is_lent_again(schema: str) -> None:
    with db.pooled_store(PG_URL, schema) as first:
        pid = first.conn.info.backend_pid
        assert first.scalar("SELECT COUNT(*) FROM records") == 0
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
