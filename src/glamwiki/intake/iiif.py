"""IIIF Presentation API 2.1 and 3.0 manifests and collections into object records.

One manifest is one object: its label, descriptive metadata pairs, rights (v3 ``rights`` / v2
``license``), required statement (v3) or attribution (v2), and one image per canvas, as a IIIF
Image API service where the manifest gives one. Collections are followed to their manifests:
embedded ones directly, local references from the collection's folder, remote references over
HTTP (one request at a time) unless the ``offline`` option is set.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import requests

from glamwiki.errors import IntakeFileError
from glamwiki.intake.base import WARNING, Item, Read, ReadContext
from glamwiki.intake.fetch import Limits, fetch, session_for
from glamwiki.intake.iiif_fields import manifest_object
from glamwiki.intake.iiif_values import as_list, ident
from glamwiki.intake.images import check_local
from glamwiki.intake.textio import open_binary

MANIFEST = ("sc:Manifest", "Manifest")
COLLECTION = ("sc:Collection", "Collection")
MAX_DEPTH = 8


class _Walk:
    def __init__(self, ctx: ReadContext) -> None:
        self.ctx = ctx
        self.seen: set[str] = set()
        self.count = 0
        self.unfetched: list[str] = []
        self.visited: set[str] = set()  # references followed (or tried), so none is fetched twice
        self.session: requests.Session | None = None
        self.circa = ctx.int_option("circa_years", 5)


def read_iiif(ctx: ReadContext) -> Iterator[Item]:
    walk = _Walk(ctx)
    yield from _document(walk, load(walk, ctx.path), ctx.path, 0)


def load(walk: _Walk, where: str) -> dict[str, Any]:
    if where.startswith(("http://", "https://")):
        walk.session = walk.session or session_for(walk.ctx.options)
        data = fetch(where, walk.session, what="IIIF server", limits=Limits.from_options(walk.ctx.options))
    else:
        with open_binary(where) as f:
            data = f.read()
    try:
        doc = json.loads(data)
    except ValueError as exc:
        raise IntakeFileError(f"{where}: not valid JSON ({exc}); is this a IIIF manifest?") from None
    if not isinstance(doc, dict):
        raise IntakeFileError(f"{where}: a IIIF manifest or collection is a JSON object, not a {type(doc).__name__}")
    return doc


def _document(walk: _Walk, doc: dict[str, Any], where: str, depth: int) -> Iterator[Item]:
    kind = doc.get("@type") or doc.get("type")
    if kind in MANIFEST:
        yield from _manifest(walk, doc, where)
    elif kind in COLLECTION:
        yield from _collection(walk, doc, where, depth)
    else:
        yield walk.ctx.issue("", "type", f"{where} is a IIIF {kind or 'document of no type'}, not a manifest or "
                             "collection; nothing read from it")  # fmt: skip


def _manifest(walk: _Walk, doc: dict[str, Any], where: str) -> Iterator[Item]:
    walk.count += 1
    record_id = ident(doc)
    locator = f"manifest {walk.count}"
    if not record_id:
        yield walk.ctx.issue(locator, "id", f"the manifest at {where} has no id; skipped")
        return
    if record_id in walk.seen:
        return
    walk.seen.add(record_id)
    locator = f"{locator} ({record_id})"
    obj = manifest_object(doc, record_id, walk.ctx.display, locator, walk.circa)
    warnings = []
    if obj.date.text and not obj.date.is_known:
        warnings.append(walk.ctx.issue(locator, "metadata Date", f"date {obj.date.text!r} could not be read", WARNING))
    if not obj.titles:
        warnings.append(walk.ctx.issue(locator, "label", "the manifest has no label", WARNING))
    yield Read(obj, locator, warnings)


def _collection(walk: _Walk, doc: dict[str, Any], where: str, depth: int) -> Iterator[Item]:
    if depth >= MAX_DEPTH:
        yield walk.ctx.issue("", "collections", f"{where}: collections nested deeper than {MAX_DEPTH}; stopped there")
        return
    members = [*as_list(doc.get("manifests")), *as_list(doc.get("collections")), *as_list(doc.get("members")),
               *as_list(doc.get("items"))]  # fmt: skip
    for n, member in enumerate(members, start=1):
        yield from _member(walk, member, where, depth, f"{where} member {n}")
    if walk.unfetched and depth == 0:
        shown = ", ".join(walk.unfetched[:3]) + (", ..." if len(walk.unfetched) > 3 else "")
        yield walk.ctx.issue("", "manifests", f"{len(walk.unfetched)} member(s) at remote addresses were not fetched "
                             f"(reading offline): {shown}", WARNING)  # fmt: skip


def _member(walk: _Walk, member: Any, where: str, depth: int, locator: str) -> Iterator[Item]:
    ref = ident(member)
    if isinstance(member, dict) and ("items" in member or "sequences" in member or "manifests" in member):
        yield from _document(walk, member, where, depth + 1)
        return
    if not ref or ref in walk.seen or ref in walk.visited:
        return
    walk.visited.add(ref)
    target, problem = _resolve(walk, ref, where)
    if target is None:
        yield walk.ctx.issue(locator, "id", problem)
        return
    if walk.ctx.options.get("offline") and target.startswith("http"):
        walk.unfetched.append(target)
        return
    try:
        doc = load(walk, target)
    except IntakeFileError as exc:
        yield walk.ctx.issue(locator, "id", str(exc))
        return
    yield from _document(walk, doc, target, depth + 1)


def _resolve(walk: _Walk, ref: str, where: str) -> tuple[str | None, str]:
    """Where a member is, or why it is not read: local members are relative paths that stay inside the
    collection's folder (as image paths do); no ``file:`` URLs, absolute paths or ``..`` out of it."""
    if ref.startswith(("http://", "https://")):
        return ref, ""
    unread = f"{ref[:200]!r} is neither a URL nor a file beside {where}; not read"
    if where.startswith(("http://", "https://")):
        return None, unread
    if ":" in ref.split("/", 1)[0] or Path(ref).is_absolute():
        return (
            None,
            f"{ref[:200]!r} is a {ref.split(':', 1)[0]}: address or an absolute path; a local member "
            "must be a path relative to the collection, inside its folder. Refused",
        )
    root = walk.ctx.images_root or Path(walk.ctx.path).parent
    checked = check_local(str((Path(where).parent / ref).absolute()), root)
    if isinstance(checked, str):
        return None, unread if "was not found" in checked else checked.replace("image path", "member path")
    return str(checked), ""
