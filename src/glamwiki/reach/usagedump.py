"""Usage from Commons' ``globalimagelinks`` table dump, instead of one API request per 50 files.

The file is ``commonswiki-YYYYMMDD-globalimagelinks.sql.gz`` (https://dumps.wikimedia.org/commonswiki/):
a MySQL dump whose ``CREATE TABLE`` gives the column order and whose ``INSERT INTO
`globalimagelinks` VALUES (...),(...);`` lines hold the rows. The columns are those of the GlobalUsage
extension's table (https://www.mediawiki.org/wiki/Extension:GlobalUsage, schema in its
``sql/tables.json``): ``gil_wiki`` (database name, e.g. ``enwiki``), ``gil_page`` (page id),
``gil_to`` (file name, underscores), ``gil_page_namespace_id``, ``gil_page_namespace`` (the
namespace's name on that wiki), ``gil_page_title``. The order is read from the dump itself, never assumed.

Lines are read one at a time (bounded memory); only rows for the measured files are kept.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from glamwiki.reach.errors import DumpFileError
from glamwiki.reach.wikis import page_kind
from glamwiki.store import reach as db
from glamwiki.store.db import Store

NAME = re.compile(r"^commonswiki-(\d{4})(\d{2})(\d{2})-globalimagelinks\.sql\.gz$")
_COLUMN = re.compile(r"^\s*`(\w+)`")
_TUPLE = re.compile(r"\(((?:'(?:[^'\\]|\\.)*'|[^'()])*)\)")
_VALUE = re.compile(r"'((?:[^'\\]|\\.)*)'|(NULL)|(-?\d+)")
_ESCAPES = {"0": "\0", "n": "\n", "r": "\r", "t": "\t", "Z": "\x1a", "b": "\b"}
NEEDED = ("gil_wiki", "gil_page", "gil_to", "gil_page_namespace_id", "gil_page_namespace", "gil_page_title")
SPECIAL_DBNAMES = {"commonswiki": "commons.wikimedia", "wikidatawiki": "www.wikidata", "metawiki": "meta.wikimedia",
                   "specieswiki": "species.wikimedia", "mediawikiwiki": "www.mediawiki", "sourceswiki": "wikisource",
                   "incubatorwiki": "incubator.wikimedia"}  # fmt: skip
FAMILIES = ("wikisource", "wikivoyage", "wikibooks", "wikiquote", "wiktionary", "wikinews", "wikiversity")


@dataclass(frozen=True)
class Link:
    file: str
    wiki: str  # project as the REST API names it, e.g. en.wikipedia
    title: str  # with the namespace prefix, underscores (as prop=globalusage gives it)
    ns: int
    page_id: int


def dump_date(path: Path) -> str:
    m = NAME.match(path.name)
    if not m:
        raise DumpFileError(f"{path.name} is not named like commonswiki-YYYYMMDD-globalimagelinks.sql.gz.")
    return f"{m[1]}-{m[2]}-{m[3]}T00:00:00Z"


def project_of_dbname(dbname: str) -> str:
    """'enwiki' -> 'en.wikipedia'; 'frwikisource' -> 'fr.wikisource'; 'zh_yuewiki' -> 'zh-yue.wikipedia'."""
    if dbname in SPECIAL_DBNAMES:
        return SPECIAL_DBNAMES[dbname]
    for family in FAMILIES:
        if dbname.endswith(family):
            return f"{dbname.removesuffix(family).replace('_', '-')}.{family}"
    return f"{dbname.removesuffix('wiki').replace('_', '-')}.wikipedia"


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m[1], m[1]), text)


def links(path: Path, files: set[str], problems: list[str] | None = None) -> Iterator[Link]:
    """The rows of the dump that show one of ``files``."""
    problems = problems if problems is not None else []
    columns: list[str] = []
    in_create = False
    with gzip.open(path, "rt", encoding="utf-8", errors="replace") as fh:
        for number, line in enumerate(fh, 1):
            if line.startswith("CREATE TABLE `globalimagelinks`"):
                in_create, columns = True, []
            elif in_create:
                m = _COLUMN.match(line)
                in_create = bool(m)
                if m:
                    columns.append(m[1])
            elif line.startswith("INSERT INTO `globalimagelinks` VALUES"):
                yield from _rows(line, columns, files, number, path, problems)


def _values(text: str) -> list[str | int | None]:
    out: list[str | int | None] = []
    for m in _VALUE.finditer(text):
        if m[0].startswith("'"):
            out.append(_unescape(m[1]))
        else:
            out.append(None if m[2] else int(m[3]))
    return out


def _rows(
    line: str, columns: list[str], files: set[str], number: int, path: Path, problems: list[str]
) -> Iterator[Link]:
    missing = [c for c in NEEDED if c not in columns]
    if missing:
        raise DumpFileError(f"{path.name}: no CREATE TABLE before line {number} naming {', '.join(missing)}.")
    at = {c: columns.index(c) for c in NEEDED}
    for tup in _TUPLE.finditer(line):
        values = _values(tup[1])
        if len(values) != len(columns):
            problems.append(f"{path.name} line {number}: a row of {len(values)} values, not {len(columns)}")
            continue
        file = str(values[at["gil_to"]])
        if file not in files:
            continue
        ns_name, title = values[at["gil_page_namespace"]] or "", str(values[at["gil_page_title"]] or "")
        yield Link(
            file,
            project_of_dbname(str(values[at["gil_wiki"]])),
            f"{ns_name}:{title}" if ns_name else title,
            int(values[at["gil_page_namespace_id"]] or 0),
            int(values[at["gil_page"]] or 0),
        )


def load_usage_dump(store: Store, path: Path) -> dict[str, object]:
    """Every measured file's usage as of the dump's date (a full snapshot: usage not in it is gone)."""
    when = dump_date(path)
    measured = set(db.all_files(store))
    found: dict[str, list[tuple[str, str, int, int | None, str]]] = {f: [] for f in measured}
    problems: list[str] = []
    rows = 0
    for link in links(path, measured, problems):
        rows += 1
        found[link.file].append((link.wiki, link.title, link.ns, link.page_id, page_kind(link.wiki, link.ns)))
    new = sum(db.record_usage(store, file, uses, when) for file, uses in sorted(found.items()))
    for problem in problems[:100]:
        db.record_problem(store, path.name, "row", problem)
    in_use = sum(1 for uses in found.values() if any(u[4] == "article" for u in uses))
    return {"file": path.name, "as_of": when, "links": rows, "new_usage": new, "files_in_use": in_use,
            "problems": len(problems)}  # fmt: skip
