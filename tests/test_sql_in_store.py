"""The store is the only place with SQL (issue 13, ADR 0001): no module of ``src/glamwiki`` outside
``glamwiki/store/`` holds an SQL statement in a string or calls the Store's query methods or its
connection. Stages call store functions named for what they answer."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import glamwiki

PACKAGE = Path(glamwiki.__file__).parent
STORE_METHODS = frozenset({"execute", "executemany", "query", "query_one", "scalar", "stream", "conn"})
SQL = re.compile(
    r"\bSELECT\b.+\bFROM\b|\bINSERT\s+(OR\s+\w+\s+)?INTO\b|\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b"
    r"|\bCREATE\s+(TABLE|INDEX)\b|\bDROP\s+TABLE\b|\bPRAGMA\b",
    re.IGNORECASE | re.DOTALL,
)
# Strings that look like SQL but are not statements on the project store, each with its reason.
NOT_THE_STORE = {
    "reach/engines.py": "DuckDB aggregating a dump file in memory (issue 13: DuckDB stays for dumps)",
    "reach/plan.py": "DuckDB aggregation of a dump file",
    "reach/usagedump.py": "parses the MySQL text of Wikimedia's globalimagelinks dump",
    "linking/wikidata/authority.py": "SPARQL sent to the Wikidata Query Service",
    "linking/wikidata/client.py": "SPARQL results format in a docstring",
}


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _receiver_is_store(node: ast.expr) -> bool:
    """``store.x``, ``self.store.x``, ``project_store.x``: anything whose last name mentions the store."""
    name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""
    return "store" in name.lower()


def offences(path: Path, relative: str) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    skip = _docstrings(tree) | {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in STORE_METHODS and _receiver_is_store(node.value):
            found.append(
                (node.lineno, f"{relative}:{node.lineno}: calls the Store's .{node.attr} outside glamwiki.store")
            )
        if isinstance(node, ast.JoinedStr):
            text = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            text = node.value
        else:
            continue
        if relative not in NOT_THE_STORE and SQL.search(text):
            found.append((node.lineno, f"{relative}:{node.lineno}: SQL outside glamwiki.store: {text[:60]!r}"))
    return [message for _, message in sorted(found)]


def scan(root: Path) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root).as_posix()
        if not relative.startswith("store/"):
            found.extend(offences(path, relative))
    return found


def test_no_sql_outside_the_store() -> None:
    found = scan(PACKAGE)
    assert not found, "\n".join(found)


def test_the_scan_finds_each_kind_of_offence(tmp_path: Path) -> None:
    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "ok.py").write_text('def f(store):\n    return store.query("SELECT 1 FROM t")\n')
    (tmp_path / "stage.py").write_text(
        '"""Reads SELECT x FROM y in a docstring: allowed."""\n'
        'def a(store):\n    return store.scalar("SELECT COUNT(*) FROM rights_facts")\n'
        "def b(self):\n    self.store.conn.rollback()\n"
        'def c(store, t):\n    store.write(f"INSERT OR REPLACE INTO {t} VALUES (?)")\n'
        'def d(con):\n    return con.fetch("select max(as_of) from rights_decisions")\n'
    )
    found = scan(tmp_path)
    assert [f.split(":")[1] for f in found] == ["3", "3", "5", "7", "9"], found
    assert all(f.startswith("stage.py:") for f in found)


def test_every_exemption_names_a_module_that_exists() -> None:
    missing = [name for name in NOT_THE_STORE if not (PACKAGE / name).is_file()]
    assert not missing
