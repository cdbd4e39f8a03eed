"""Every Wikidata id in one module: a string literal that is a P or Q id anywhere in src/ outside
glamwiki/wikimedia/ids.py fails this test (ids inside doc strings, comments or longer texts, such as a
SPARQL query built from named ids or a settings template, are not literals of their own)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import glamwiki
from glamwiki.wikimedia import ids

SRC = Path(glamwiki.__file__).parent
ID = re.compile(r"[PQ][0-9]+")


def _stray() -> list[str]:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        if path == SRC / "wikimedia" / "ids.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and ID.fullmatch(node.value):
                found.append(f"{path.relative_to(SRC)}:{node.lineno}: {node.value!r}")
    return found


def test_no_wikidata_id_literal_outside_the_ids_module() -> None:
    assert _stray() == []


def test_the_old_ids_modules_are_gone() -> None:
    for old in ("linking/constants.py", "publishing/ids.py", "reach/ids.py", "rights/wikidata.py"):
        assert not (SRC / old).exists(), old


def test_one_literal_per_id() -> None:
    """An id has one name; other names for it are aliases of that name, not a second literal."""
    tree = ast.parse((SRC / "wikimedia" / "ids.py").read_text(encoding="utf-8"))
    names: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            value = node.value.value
            if ID.fullmatch(value):
                target = node.targets[0].id  # type: ignore[attr-defined]
                assert value not in names, f"{value} is both {names[value]} and {target}"
                names[value] = target
    assert ids.TATE_ARTIST_ID == "P2741" and ids.P_SEX_OR_GENDER == ids.SEX_OR_GENDER == "P21"
