"""The login limit's window, password hashes and the session secret file (no server needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from glamwiki.project import Project
from glamwiki.store.accounts import Account
from glamwiki.web.auth import LoginLimiter, check_password, hash_password, session_secret


@pytest.mark.both_backends
def test_failures_expire_after_the_window_and_are_pruned(project: Project) -> None:
    now = [1_800_000_000.0]
    limiter = LoginLimiter(attempts=2, window=900, clock=lambda: now[0])
    with project.open_store() as store:
        for _ in range(2):
            assert not limiter.blocked(store, "ann", "10.0.0.1")
            limiter.failed(store, "ann", "10.0.0.1")
        assert limiter.blocked(store, "ann", "10.0.0.1")
        assert limiter.blocked(store, "someone-else", "10.0.0.1")  # the address is blocked too
        assert not limiter.blocked(store, "bob", "10.0.0.2")
        assert limiter.tracked(store) == 2
        now[0] += 901
        assert not limiter.blocked(store, "ann", "10.0.0.1")
        limiter.failed(store, "bob", "10.0.0.2")  # each failure deletes those older than the window
        assert limiter.tracked(store) == 2  # bob's name and address only: ann's are gone
        limiter.succeeded(store, "bob")
        assert limiter.tracked(store) == 1


def test_password_hash_is_argon2id_and_checks_only_the_right_password() -> None:
    hashed = hash_password("correct horse battery")
    assert hashed.startswith("$argon2id$") and "correct horse" not in hashed
    account = Account(1, "ann", "curator", hashed, "2026-01-01T00:00:00+00:00", "")
    assert check_password(account, "correct horse battery")
    assert not check_password(account, "correct horse battery ")
    assert not check_password(None, "anything")
    assert not check_password(Account(1, "ann", "curator", "not a hash", "", ""), "x")


def test_session_secret_is_made_once(tmp_path: Path) -> None:
    first = session_secret(tmp_path)
    assert session_secret(tmp_path) == first
    assert (tmp_path / "web-session.key").stat().st_mode & 0o077 == 0
