"""The login limit's window, password hashes and the session secret file (no server needed)."""

from __future__ import annotations

import time
from pathlib import Path

from glamwiki.store.accounts import Account
from glamwiki.web.auth import LoginLimiter, check_password, hash_password, session_secret


def test_failures_expire_after_the_window_and_are_forgotten() -> None:
    limiter = LoginLimiter(attempts=2, window=0.3)
    for _ in range(2):
        assert not limiter.blocked("ann", "10.0.0.1")
        limiter.failed("ann", "10.0.0.1")
    assert limiter.blocked("ann", "10.0.0.1")
    assert limiter.blocked("someone-else", "10.0.0.1")  # the address is blocked too
    assert not limiter.blocked("bob", "10.0.0.2")
    time.sleep(0.35)
    assert not limiter.blocked("ann", "10.0.0.1")
    assert limiter.tracked() == 0


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
