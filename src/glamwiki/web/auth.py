"""Accounts, passwords, roles, the session secret and the login rate limit of the web workspace."""

from __future__ import annotations

import os
import secrets
import time
from collections import defaultdict, deque
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from glamwiki.errors import ConfigError
from glamwiki.store import Store
from glamwiki.store.accounts import Account, add_account, count_accounts, get_account

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
    if not password and username.startswith("wikimedia:"):  # logs in with Wikimedia only: a password no one knows
        password = new_password()
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
    path = folder / SECRET_FILE
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="ascii").strip()
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(secrets.token_urlsafe(48))
    return path.read_text(encoding="ascii").strip()


class LoginLimiter:
    """At most ``attempts`` failed logins per account and per address within ``window`` seconds."""

    def __init__(self, attempts: int = 5, window: float = 900.0) -> None:
        self.attempts = attempts
        self.window = window
        self._failures: dict[str, deque[float]] = defaultdict(deque)

    def _recent(self, key: str, now: float) -> deque[float]:
        found = self._failures[key]
        while found and found[0] <= now - self.window:
            found.popleft()
        return found

    def blocked(self, username: str, address: str) -> bool:
        now = time.monotonic()
        keys = (f"user:{username}", f"addr:{address}")
        found = any(len(self._recent(k, now)) >= self.attempts for k in keys)
        for key in keys:  # forget names and addresses whose failures have all expired
            if not self._failures[key]:
                del self._failures[key]
        return found

    def tracked(self) -> int:
        """How many names and addresses have recent failures (memory stays bounded by the window)."""
        return len(self._failures)

    def failed(self, username: str, address: str) -> None:
        now = time.monotonic()
        for key in (f"user:{username}", f"addr:{address}"):
            self._recent(key, now).append(now)

    def succeeded(self, username: str) -> None:
        self._failures.pop(f"user:{username}", None)
