"""Load the rules data (rules.toml): settings, citations, licence templates, statement actions."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Settings:
    max_lifespan: int
    max_lifespan_source: str
    publication_horizon: int


@cache
def rules() -> dict[str, Any]:
    return tomllib.loads((resources.files("glamwiki.rights") / "rules.toml").read_text(encoding="utf-8"))


def default_settings(max_lifespan: int | None = None) -> Settings:
    s = rules()["settings"]
    return Settings(
        max_lifespan=max_lifespan or s["max_lifespan"],
        max_lifespan_source=s["max_lifespan_source"] if not max_lifespan else "set by the user",
        publication_horizon=s["publication_horizon"],
    )


def cite(key: str) -> str:
    citation: str = rules()["citations"][key]
    return citation


def licence(key: str) -> dict[str, Any] | None:
    found: dict[str, Any] | None = rules()["licences"].get(key)
    return found


def statement_action(code: str) -> str | None:
    action: str | None = rules()["statements"].get(code)
    return action
