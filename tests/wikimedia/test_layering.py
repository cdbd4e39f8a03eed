"""The client sits below the stages (shared/design/architecture.md): no HTTP library is imported
outside glamwiki/wikimedia/, and glamwiki/wikimedia/ imports no stage package."""

from __future__ import annotations

import ast
from pathlib import Path

import glamwiki

SRC = Path(glamwiki.__file__).parent
HTTP_LIBRARIES = {"requests", "urllib3", "httpx", "http.client", "urllib.request", "aiohttp"}
STAGES = {"intake", "rights", "linking", "gaps", "publishing", "reach", "report", "books", "cli", "web"}


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


def test_no_http_library_outside_the_client() -> None:
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        if path.parent.name == "wikimedia":
            continue
        for name in _imports(path):
            if any(name == lib or name.startswith(lib + ".") for lib in HTTP_LIBRARIES):
                offenders.append(f"{path.relative_to(SRC)}: {name}")
    assert offenders == []


def test_the_client_imports_no_stage() -> None:
    for path in sorted((SRC / "wikimedia").glob("*.py")):
        stages = {n for n in _imports(path) if n.startswith("glamwiki.") and n.split(".")[1] in STAGES}
        assert stages == set(), path
