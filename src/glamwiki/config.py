"""Project settings: ``glamwiki.toml`` (no secrets), each value overridable from the
environment as ``GLAMWIKI_<SECTION>_<KEY>`` (e.g. ``GLAMWIKI_INTAKE_CIRCA_YEARS=10``).

The environment is an argument (``env``): the CLI passes ``os.environ``; the library never reads it."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from glamwiki.errors import ConfigError

CONFIG_NAME = "glamwiki.toml"
STORE_PATH_LINE = 'path = "glamwiki.db"\n'

TEMPLATE = """\
# glamwiki project settings. Keep secrets out of this file: credentials are read from the
# environment or the system keyring. Any value can be overridden by an environment variable
# GLAMWIKI_<SECTION>_<KEY>, e.g. GLAMWIKI_INTAKE_CIRCA_YEARS=10.

[project]
name = {name!r}
institution = {institution!r}

[store]
# The embedded default: a SQLite file in this folder. A shared PostgreSQL database instead:
# url = "postgresql://user@host/dbname" and schema = "name" (credentials in ~/.pgpass, never here).
path = "glamwiki.db"

[intake]
# "c. 1850" is read as 1850 plus or minus this many years.
circa_years = 5
"""


class Config:
    """Settings from the file, each overridable by ``GLAMWIKI_<SECTION>_<KEY>`` in ``env``."""

    def __init__(self, data: dict[str, Any], path: Path | None = None, env: Mapping[str, str] | None = None) -> None:
        self.data = data
        self.path = path
        self.env: Mapping[str, str] = {} if env is None else env

    @classmethod
    def load(cls, path: Path, env: Mapping[str, str] | None = None) -> Config:
        try:
            return cls(tomllib.loads(path.read_text(encoding="utf-8")), path, env)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path} is not valid TOML: {exc}. Fix the file and retry.") from exc

    def get(self, section: str, key: str, default: Any = None) -> Any:
        env = self.env.get(f"GLAMWIKI_{section}_{key}".upper())
        if env is not None:
            return _coerce(env, default)
        return self.data.get(section, {}).get(key, default)

    def section(self, section: str) -> dict[str, Any]:
        merged = dict(self.data.get(section, {}))
        prefix = f"GLAMWIKI_{section.upper()}_"
        for name, value in self.env.items():
            if name.startswith(prefix):
                key = name[len(prefix) :].lower()
                merged[key] = _coerce(value, merged.get(key))
        return merged


def _coerce(text: str, like: Any) -> Any:
    if isinstance(like, bool):
        return text.strip().lower() in ("1", "true", "yes", "on")
    if isinstance(like, int):
        try:
            return int(text)
        except ValueError:
            raise ConfigError(f"Expected a whole number in the environment, got {text!r}.") from None
    if isinstance(like, float):
        return float(text)
    return text
