"""Accounts, passwords, roles, the session secret and the login rate limit of the web workspace."""

from __future__ import annotations

import os
import secrets
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from glamwiki.errors import ConfigError
from glamwiki.store import Store
from glamwiki.store.accounts import Account, add_account, count_accounts, get_account
from glamwiki.store.site import (
    add_login_failures,
    count_login_failure_keys,
    delete_login_failures_before,
    delete_login_failures_of,
    most_login_failures_since,
)

ADMIN, RESIDENT, CURATOR, VIEWER = "admin", "resident", "curator", "viewer"
ROLES = {
    ADMIN: "programme admin: everything, and adds users",
    RESIDENT: "resident: runs the project, answers reviews, publishes",
    CURATOR: "curator: answers reviews, cannot publish",
    VIEWER: "viewer: reads the dashboards and queues",
}
# What each role may do (reading needs only a login).
PERMISSIONS = {
    "answer_reviews": {ADMIN, RESIDENT, CURATOR},
    "publish": {ADMIN, RESIDENT},
    "run_jobs": {ADMIN, RESIDENT},
    "manage_users": {ADMIN},
}
SECRET_FILE = "web-session.key"  # in the project folder, mode 0600
_hasher = PasswordHasher()  # Argon2id with the library's recommended parameters


def may(role: str, permission: str) -> bool:
    return role in PERMISSIONS[permission]


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_password(account: Account | None, password: str) -> bool:
    """True when the password is the account's; the time taken does not tell whether the account exists."""
    if account is None:
        _hasher.hash(password)
        return False
    try:
        return _hasher.verify(account.password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def new_password() -> str:
    return secrets.token_urlsafe(15)


def create_user(store: Store, username: str, role: str, password: str, created_by: str = "") -> None:
    username = username.strip()
    if role not in ROLES:
        raise ConfigError(f"role {role!r} is not one of {', '.join(ROLES)}")
    if not username or len(username) > 64 or any(c.isspace() or not c.isprintable() for c in username):
        raise ConfigError(f"user name {username!r}: 1 to 64 printable characters, no spaces")
    if len(password) < 10:
        raise ConfigError("the password needs at least 10 characters")
    if get_account(store, username) is not None:
        raise ConfigError(f"there is already a user named {username!r}")
    with store.transaction():
        add_account(store, username, role, hash_password(password), created_by)


def first_admin(store: Store, username: str = "admin") -> str | None:
    """On first start (no account yet): an admin account with a generated password, returned ONCE
    for the caller to print; None when accounts exist."""
    if count_accounts(store):
        return None
    password = new_password()
    create_user(store, username, ADMIN, password, created_by="first start")
    return password


def session_secret(folder: Path) -> str:
    """The project's session-signing secret, made once (mode 0600) and read back afterwards."""
    return session_secret_file(folder / SECRET_FILE)


def session_secret_file(path: Path) -> str:
    """The session-signing secret kept in ``path``: made once (mode 0600) if absent, read back after.
    Every worker process of a site reads the same file, so a cookie signed by one is valid in all."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        found = path.read_text(encoding="ascii").strip()
        if len(found) < 32:
            raise ConfigError(f"{path}: a session secret under 32 characters; delete it to make one.") from None
        return found
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(secrets.token_urlsafe(48))
    return path.read_text(encoding="ascii").strip()


class LoginLimiter:
    """At most ``attempts`` failed logins per account and per address within ``window`` seconds,
    counted in the site's store (table web_login_failures) so that every worker process of the site
    shares them; failures older than the window are deleted at each new failure."""

    def __init__(self, attempts: int = 5, window: float = 900.0, clock: Callable[[], float] = time.time) -> None:
        self.attempts = attempts
        self.window = window
        self.clock = clock

    def _time(self, offset: float = 0.0) -> str:
        return datetime.fromtimestamp(self.clock() - offset, UTC).isoformat(timespec="microseconds")

    def blocked(self, store: Store, username: str, address: str) -> bool:
        keys = (f"user:{username}", f"addr:{address}")
        return most_login_failures_since(store, keys, self._time(self.window)) >= self.attempts

    def failed(self, store: Store, username: str, address: str) -> None:
        with store.transaction():
            delete_login_failures_before(store, self._time(self.window))
            add_login_failures(store, (f"user:{username}", f"addr:{address}"), self._time())

    def succeeded(self, store: Store, username: str) -> None:
        delete_login_failures_of(store, f"user:{username}")

    def tracked(self, store: Store) -> int:
        """How many names and addresses have failures kept (bounded by the window: pruned at each failure)."""
        return count_login_failure_keys(store)
