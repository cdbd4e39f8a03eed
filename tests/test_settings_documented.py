"""Every setting glamwiki reads from glamwiki.toml is documented (README or docs/), as every command
has help (tests/test_cli_help.py): a user finds each knob without reading the code."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import glamwiki

ROOT = Path(__file__).resolve().parents[1]
SECTIONS = {"project", "store", "intake", "network", "publishing", "reach", "rights", "linking", "gaps", "books"}


def settings_read(tree: ast.AST) -> set[tuple[str, str]]:
    """(section, key) of every ``config.get("section", "key", ...)`` and ``_setting(config, "s", "k", ...)``."""
    found = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        args = node.args
        if isinstance(node.func, ast.Attribute) and node.func.attr == "get":
            pair = args[:2]
        elif isinstance(node.func, ast.Name) and node.func.id == "_setting":
            pair = args[1:3]
        else:
            continue
        if len(pair) == 2 and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in pair):
            section, key = (a.value for a in pair)  # type: ignore[union-attr]
            if section in SECTIONS:
                found.add((section, key))
    return found


def test_the_scan_finds_both_forms() -> None:
    tree = ast.parse('a = cfg.get("publishing", "target", "")\nb = _setting(config, "reach", "backoff", "2")')
    assert settings_read(tree) == {("publishing", "target"), ("reach", "backoff")}


def test_every_setting_is_documented() -> None:
    package = Path(glamwiki.__file__).parent
    read: set[tuple[str, str]] = set()
    for path in package.rglob("*.py"):
        read |= settings_read(ast.parse(path.read_text(encoding="utf-8")))
    assert len(read) > 20  # the scan sees the settings (publishing alone has more)
    docs = "\n".join(p.read_text(encoding="utf-8") for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))])
    missing = sorted(f"[{s}] {k}" for s, k in read if not re.search(rf"\b{re.escape(k)}\b", docs))
    assert not missing, "settings read from glamwiki.toml but documented nowhere: " + ", ".join(missing)
