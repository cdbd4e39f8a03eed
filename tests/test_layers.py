"""The library's layers, checked over its source: HTML only in the templates of glamwiki.render,
no click or CLI import outside glamwiki.cli, no environment read outside the CLI, and no SQL outside
glamwiki.store: stages call store functions named for what they answer (issue 13, ADR 0001)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import glamwiki

SRC = Path(__file__).resolve().parents[1] / "src" / "glamwiki"

# An HTML tag as it opens, closes or stands alone; `(?P<a>` in a regular expression is not one.
HTML_TAG = re.compile(
    r"(?<!\?P)</?(html|head|body|div|section|nav|article|table|thead|tbody|tr|td|th|p|h[1-6]|ul|ol|li|a|b|i|em|"
    r"strong|small|code|pre|details|summary|img|span|br|meta|style|script|form|input|main)(\s[^<>]*)?/?>"
)  # lower case, as glamwiki writes HTML: "GLAMWIKI_<SECTION>_<KEY>" in a message is not a tag
# Modules whose strings hold markup that is not HTML built for a page: wikitext sent to a wiki
# (`<br />` between catalogue lines) and Wikisource page markup being read, not written.
NOT_HTML = {"publishing/wikitext.py", "books/text.py"}


def modules(skip: str) -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if not rel.startswith(skip):
            yield rel, ast.parse(path.read_text(encoding="utf-8"), filename=rel)


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def html_in_strings(tree: ast.Module) -> list[tuple[int, str]]:
    """(line, tag) of every HTML tag written in a string literal or f-string, docstrings aside."""
    skip = _docstrings(tree)
    hits = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            hits += [(node.lineno, m.group(0)) for m in HTML_TAG.finditer(node.value)]
    return hits


def test_the_scan_finds_html_built_in_python() -> None:
    tree = ast.parse('x = f"<p class=note>{y}</p>"\nz = "<td>" + w\nr = re.compile(r"(?P<a>\\d+)")')
    assert [tag for _, tag in html_in_strings(tree)] == ["<p class=note>", "</p>", "<td>"]


def test_no_html_is_built_outside_the_templates() -> None:
    found = [
        f"{rel}:{line}: {tag}"
        for rel, tree in modules(skip="render/")
        if rel not in NOT_HTML
        for line, tag in html_in_strings(tree)
    ]
    assert not found, "HTML belongs in src/glamwiki/render/templates:\n" + "\n".join(found)


def imported(tree: ast.Module) -> list[tuple[int, str]]:
    """(line, module) of every import, at any depth (a function's late import counts too)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.lineno, node.module))
    return found


def test_no_click_or_cli_import_outside_the_cli() -> None:
    """The library is driven by arguments; `python -m glamwiki` (__main__.py) is the CLI's entry point."""
    found = [
        f"{rel}:{line}: {name}"
        for rel, tree in modules(skip="cli/")
        if rel != "__main__.py"
        for line, name in imported(tree)
        if name.split(".")[0] == "click" or name == "glamwiki.cli" or name.startswith("glamwiki.cli.")
    ]
    assert not found, "only glamwiki.cli may import click or the CLI:\n" + "\n".join(found)


ENV_NAMES = {"environ", "environb", "getenv", "getenvb", "putenv"}


def env_reads(tree: ast.Module) -> list[tuple[int, str]]:
    """(line, name) of every use of os.environ / os.getenv (or the names imported from os)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in ENV_NAMES:
            found.append((node.lineno, node.attr))
        elif isinstance(node, ast.Name) and node.id in ENV_NAMES:
            found.append((node.lineno, node.id))
        elif isinstance(node, ast.ImportFrom) and node.module == "os":
            found += [(node.lineno, a.name) for a in node.names if a.name in ENV_NAMES]
    return found


def test_the_env_scan_finds_every_form() -> None:
    tree = ast.parse("import os\nfrom os import getenv\na = os.environ['X']\nb = getenv('Y')\nc = {**os.environ}")
    assert sorted(env_reads(tree)) == [(2, "getenv"), (3, "environ"), (4, "getenv"), (5, "environ")]


def test_no_environment_read_outside_the_cli() -> None:
    """Settings come in as arguments; the CLI passes os.environ where a GLAMWIKI_* override applies."""
    found = [f"{rel}:{line}: {name}" for rel, tree in modules(skip="cli/") for line, name in env_reads(tree)]
    assert not found, "read the environment in glamwiki.cli and pass it in:\n" + "\n".join(found)


# Where a string may be declared safe HTML: the template helpers and the two SVG chart builders,
# whose every label goes through html.escape (audited; tests/report/test_report.py, tests/render/).
MARKUP_MAKERS = {"render/env.py", "render/blocks.py", "report/svg.py", "report/gaps_charts.py"}


def test_markup_is_made_only_where_its_parts_are_escaped() -> None:
    found = [
        f"{rel}:{node.lineno}"
        for rel, tree in modules(skip="-")
        if rel not in MARKUP_MAKERS
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) == "Markup"
    ]
    assert not found, "Markup() outside the audited modules:\n" + "\n".join(found)


# -- SQL only in the store -------------------------------------------------------------------
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
