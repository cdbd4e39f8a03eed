"""One file's way from its source to a page on the wiki, step by step, journaled.

Small files go in one POST; larger ones in chunks to the upload stash (``stash=1``, ``filekey`` and
``offset``), read from disk one chunk at a time so memory stays flat. Warnings are answered through
the stash ``filekey`` — content warnings stop the file, title warnings rename it, and the bytes are
never sent again; ``ignorewarnings`` is never sent up front.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from glamwiki.publishing import journal as j
from glamwiki.publishing import sources
from glamwiki.publishing.api import ApiClient
from glamwiki.publishing.errors import ApiError, PreflightError, StashFailed
from glamwiki.publishing.filetypes import extension_for
from glamwiki.publishing.preflight import Preflight, check_local, check_page_size
from glamwiki.publishing.titles import make_title, with_extension
from glamwiki.store import Store
from glamwiki.store import publishing as db
from glamwiki.wikimedia import Http, HttpSettings, ids

CATEGORY_NOTE = "categories that do not exist on the wiki: "
_CATEGORY = re.compile(r"\[\[Category:([^\]|]+)")
CONTENT_WARNINGS = frozenset({"duplicate", "duplicate-archive", "no-change", "duplicate-version", "was-deleted"})
TITLE_WARNINGS = frozenset(
    {"badfilename", "exists", "page-exists", "exists-normalized", "bad-prefix", "thumb", "thumb-name"}
)
ACCEPTED_WARNINGS = frozenset({"large-file"})  # resolved by resending the filekey with ignorewarnings=1
MAX_RENAMES = 5
MAX_RESYNCS = 4  # stash answers in a row that send the upload back (then the file fails with the server's message)
# The stash no longer holds the file (expired, already published, or never finished): send it again.
STASH_GONE = frozenset(
    {
        "stashfailed",
        "stashedfilenotfound",
        "stashnosuchfilekey",
        "stashpathinvalid",
        "stashfilestorage",
        "stashzerolength",
        "stashwrongowner",
        "missingresult",
        "uploadstash-file-not-found",
    }
)


@dataclass
class UploadSettings:
    chunk_size: int = 4 * 1024 * 1024  # bytes per chunk; files up to this size go in one POST
    cache: Path = Path(".glamwiki-cache")
    preflight_titles: bool = True  # ask the title blacklist API before sending
    same_object_search: bool = True  # look for files of the same object (P217 + P195, accession number) first
    institution: str = ""  # the institution's name, which a file page of the same object must name
    taken: set[str] = field(default_factory=set)
    allow_hosts: frozenset[str] = frozenset()  # image hosts allowed to be private ([network] allow_hosts)
    # pixels: a downloaded image whose long side is shorter is held, not sent (0: no check; the project
    # setting [publishing] min_long_side, default 1000, is what `publish run` uses)
    min_long_side: int = 0


class FileUploader:
    def __init__(
        self, client: ApiClient, store: Store, target: str, batch: str, settings: UploadSettings | None = None
    ) -> None:
        self.client = client
        self.store = store
        self.target = target
        self.batch = batch
        self.settings = settings or UploadSettings()
        self.preflight = Preflight(client)
        self.downloads = Http(HttpSettings(contact=client.contact).with_hosts(self.settings.allow_hosts), guard=True)
        self.steps = {
            j.PENDING: self._fetch,
            j.FETCHED: self._check,
            j.READY: self._send,
            j.UPLOADING: self._chunks,
            j.STASHED: self._commit,
        }

    def state_of(self, item: db.PlanItem) -> db.FileState:
        state = db.get_state(self.store, self.target, item.item_id)
        if state is None:
            state = db.FileState(self.target, item.item_id, j.PENDING, title=item.title, batch=self.batch)
        return state

    def advance(self, item: db.PlanItem, state: db.FileState) -> None:
        """Run the next step of this file (raises TransientError when the wiki did not answer)."""
        self.steps[state.state](item, state)

    def summary(self, item: db.PlanItem) -> str:
        return f"Uploading {item.dataset} record {item.record_id} (glamwiki batch {self.batch})"

    # -- steps -----------------------------------------------------------------------------------
    def _fetch(self, item: db.PlanItem, state: db.FileState) -> None:
        j.begin(self.store, state, "fetch", {"source": item.source})
        try:
            got = sources.fetch(
                item.source_kind, item.source, self.settings.cache, f"item-{item.item_id}", self.downloads
            )
        except PreflightError as exc:
            return j.fail(self.store, state, "fetch", str(exc))
        if got.ext and state.title and not state.title.lower().endswith(f".{got.ext}"):
            state.title = with_extension(state.title, got.ext)
        state.sha1, state.size, state.mime, state.local_path = got.sha1, got.size, got.mime, str(got.path)
        small = sources.too_small(got.path, self.settings.min_long_side)
        if small:  # the plan could only go by the size the source documents; the bytes decide
            return j.hold(self.store, state, "fetch", small)
        state.state = j.FETCHED
        j.done(self.store, state, "fetch", {"sha1": got.sha1, "size": got.size, "title": state.title})

    def _check(self, item: db.PlanItem, state: db.FileState) -> None:
        assert state.sha1 and state.title and state.local_path
        j.begin(self.store, state, "preflight", {"title": state.title})
        try:
            check_local(state.title, _fetched(state))
            check_page_size(item.wikitext)
        except PreflightError as exc:
            return j.fail(self.store, state, "preflight", str(exc))
        owner = db.sha1_owner(self.store, self.target, state.sha1, state.item_id)
        if owner:
            return self._duplicate(state, "preflight", owner, "the same bytes as another file in this batch")
        same = self._same_object(item, state)
        if same:
            return self._duplicate(state, "preflight", *same)
        for _ in range(MAX_RENAMES):
            found = self.preflight.on_wiki(state.sha1, state.title, self.settings.preflight_titles,
                                           page_categories(item.wikitext))  # fmt: skip
            if found.title_sha1 == state.sha1:
                return self._uploaded(state, "preflight", {"note": "already on the wiki under its planned title"})
            if found.same_bytes:
                return self._duplicate(state, "preflight", found.same_bytes[0], "already on the wiki")
            if not found.title_page:
                break
            self._rename(item, state)
        if found.refusals:
            kind = "The title blacklist" if any("titleblacklist" in r for r in found.refusals) else "The wiki"
            msg = f"{kind} refuses File:{state.title}: {'; '.join(found.refusals)}. Change the title pattern, re-plan."
            return j.fail(self.store, state, "preflight", msg)
        state.state = j.READY
        if found.missing_categories:  # uploaded all the same; a volunteer creates or fixes them
            state.message = CATEGORY_NOTE + ", ".join(found.missing_categories)
        j.done(self.store, state, "preflight", {"title": state.title, "missing_categories": found.missing_categories})

    def _same_object(self, item: db.PlanItem, state: db.FileState) -> tuple[str, str] | None:
        """A file on the wiki showing the same object, other than this record's own files: structured
        data with the planned P217 + P195, else the accession number in a file page's wikitext; with why."""
        inventory, collection = same_object_keys(item.sdc_data)
        if not (self.settings.same_object_search and inventory):
            return None
        ours = {state.title} | db.record_titles(self.store, self.target, item.dataset, item.record_id)
        if collection:
            hits = [t for t in self.preflight.same_object(inventory, collection) if t not in ours]
            if hits:
                return hits[0], "same object: inventory number in its structured data"
        hits = [t for t in self.preflight.same_accession(inventory, self.settings.institution) if t not in ours]
        return (hits[0], "same object: accession number on its page") if hits else None

    def _send(self, item: db.PlanItem, state: db.FileState) -> None:
        if self._reconciled(state):
            return
        if (state.size or 0) > self.settings.chunk_size:
            state.state, state.offset, state.filekey = j.UPLOADING, 0, None
            return j.done(self.store, state, "chunked", {"size": state.size})
        data = self._verified(state)
        if data is None:
            return
        params = {"action": "upload", "filename": state.title, "text": item.wikitext, "comment": self.summary(item)}
        j.begin(self.store, state, "commit", {"title": state.title, "sha1": state.sha1})
        self._answer(item, state, self._upload(params, {"file": (state.title, data)}))

    def _chunks(self, item: db.PlanItem, state: db.FileState) -> None:
        size = state.size or 0
        resyncs = 0
        if state.offset == 0 and self._verified(state, whole=False) is None:
            return
        with sources.open_exact(Path(state.local_path or "")) as fh:
            while state.state == j.UPLOADING:
                fh.seek(state.offset)
                chunk = fh.read(self.settings.chunk_size)
                params: dict[str, Any] = {
                    "action": "upload",
                    "stash": "1",
                    "filename": state.title,
                    "filesize": str(size),
                    "offset": str(state.offset),
                }
                if state.offset and state.filekey:
                    params["filekey"] = state.filekey
                j.begin(self.store, state, "chunk", {"offset": state.offset, "filekey": state.filekey})
                try:
                    answer = self.client.write(params, {"chunk": ("chunk", chunk)}, edit=False)["upload"]
                except ApiError as exc:
                    resyncs += 1
                    if exc.code not in STASH_GONE or resyncs > MAX_RESYNCS:
                        raise
                    self._resync(state, exc if isinstance(exc, StashFailed) else StashFailed(exc.code, exc.info))
                    continue
                state.filekey = answer.get("filekey", state.filekey)
                if answer.get("result") == "Continue":
                    state.offset, resyncs = int(answer["offset"]), 0
                    j.done(self.store, state, "chunk", {"offset": state.offset, "filekey": state.filekey})
                    continue
                content = CONTENT_WARNINGS & set(answer.get("warnings", {}))
                if content:
                    return self._warned(item, state, answer)
                state.state, state.offset = j.STASHED, size
                j.done(self.store, state, "chunk", {"offset": size, "filekey": state.filekey, "stashed": True})

    def _verified(self, state: db.FileState, whole: bool = True) -> bytes | None:
        """The file's bytes (``whole``) or b"" once it is checked again just before sending: still the
        very file planned (no symbolic link swapped in) with the SHA-1 checked then; else the file fails."""
        try:
            if whole:
                with sources.open_exact(Path(state.local_path or "")) as fh:
                    data = fh.read()
                sha1 = hashlib.sha1(data).hexdigest()
            else:
                data, sha1 = b"", sources.digest_file(Path(state.local_path or "")).sha1
        except PreflightError as exc:
            j.fail(self.store, state, "verify", str(exc))
            return None
        if sha1 != state.sha1:
            j.fail(self.store, state, "verify", f"{state.local_path} changed after it was checked (SHA-1 {sha1}, "
                   f"not {state.sha1}); not sent. Re-plan if the new file is meant.")  # fmt: skip
            return None
        return data

    def _commit_params(self, item: db.PlanItem, state: db.FileState) -> dict[str, str]:
        """Publish the stashed file (by its filekey) under its title with the page text."""
        return {"action": "upload", "filename": state.title or "", "filekey": state.filekey or "",
                "text": item.wikitext, "comment": self.summary(item)}  # fmt: skip

    def _commit(self, item: db.PlanItem, state: db.FileState) -> None:
        if self._reconciled(state):
            return
        params = self._commit_params(item, state)
        j.begin(self.store, state, "commit", {"title": state.title, "filekey": state.filekey})
        try:
            answer = self._upload(params, None)
        except ApiError as exc:
            if exc.code in STASH_GONE:
                if self._reconciled(state, force=True):  # an earlier, unanswered commit took it
                    return
                state.state, state.offset, state.filekey = j.READY, 0, None  # the stash expired: send again
                return j.done(self.store, state, "commit", {"restart": exc.code})
            raise
        self._answer(item, state, answer)

    # -- answers ---------------------------------------------------------------------------------
    def _upload(self, params: dict[str, Any], files: dict[str, Any] | None) -> dict[str, Any] | str:
        try:
            answer: dict[str, Any] | str = self.client.write(params, files)["upload"]
            return answer
        except ApiError as exc:
            if exc.code in (
                "fileexists-no-change",
                "fileexists-forbidden",
                "filename-toolong",
                "illegal-filename",
                "verification-error",
                "file-too-large",
                "empty-file",
                "filetype-banned",
                "titleblacklist-forbidden",
                "permissiondenied",
            ) or exc.code.startswith("abusefilter"):
                return f"{exc.code}: {exc.info}"
            raise

    def _answer(self, item: db.PlanItem, state: db.FileState, answer: dict[str, Any] | str) -> None:
        if isinstance(answer, str):
            if answer.startswith("fileexists-no-change") and self._reconciled(state, force=True):
                return
            return j.fail(self.store, state, "commit", f"The wiki refused File:{state.title}: {answer}")
        if answer.get("result") == "Success":
            state.title = str(answer.get("filename", state.title)).replace("_", " ")
            return self._uploaded(state, "commit", {"title": state.title})
        if answer.get("result") == "Warning":
            return self._warned(item, state, answer)
        j.fail(self.store, state, "commit", f"Unexpected upload answer: {answer.get('result')}")

    def _warned(self, item: db.PlanItem, state: db.FileState, answer: dict[str, Any]) -> None:
        warnings: dict[str, Any] = answer.get("warnings", {})
        state.filekey = answer.get("filekey") or state.filekey
        codes = set(warnings)
        if "duplicate" in codes or "duplicate-archive" in codes:
            dups = [str(d).replace("_", " ") for d in (warnings.get("duplicate") or [])]
            if state.title in dups:
                return self._uploaded(state, "commit", {"note": "the wiki already holds this file under its title"})
            other = dups[0] if dups else str(warnings.get("duplicate-archive", "a deleted file"))
            return self._duplicate(state, "commit", other, "the wiki warned: duplicate")
        if codes & CONTENT_WARNINGS:
            return j.fail(self.store, state, "commit", f"Stopped by the wiki's warning(s): {', '.join(sorted(codes))}")
        if codes & TITLE_WARNINGS:
            if "exists" in codes and self._reconciled(state, force=True):
                return
            if "badfilename" in codes and isinstance(warnings["badfilename"], str):
                state.title = warnings["badfilename"].replace("_", " ")
            else:
                self._rename(item, state)
            state.state = j.STASHED
            return j.done(self.store, state, "rename", {"title": state.title, "warnings": sorted(codes)})
        if codes <= ACCEPTED_WARNINGS:
            params = {**self._commit_params(item, state), "ignorewarnings": "1"}
            j.begin(self.store, state, "commit", {"accepting": sorted(codes), "filekey": state.filekey})
            return self._answer(item, state, self._upload(params, None))
        j.fail(self.store, state, "commit", f"Stopped by unexpected warning(s): {', '.join(sorted(codes))}")

    def _reconciled(self, state: db.FileState, force: bool = False) -> bool:
        """After a lost answer: if the wiki already has our bytes at our title, record it as uploaded."""
        if not force and not j.unfinished_write(self.store, state, "commit"):
            return False
        found = self.preflight.on_wiki(state.sha1 or "", state.title or "")
        if found.title_sha1 and found.title_sha1 == state.sha1:
            self._uploaded(state, "commit", {"note": "found on the wiki after an unanswered commit"})
            return True
        return False

    def _resync(self, state: db.FileState, exc: StashFailed) -> None:
        if exc.offset is not None and state.filekey and exc.offset != state.offset:
            state.offset = exc.offset
        else:
            state.offset, state.filekey = 0, None
        j.done(self.store, state, "chunk", {"resync": exc.code, "offset": state.offset})

    def _rename(self, item: db.PlanItem, state: db.FileState) -> None:
        stem, _, ext = (state.title or "").rpartition(".")
        taken = self.settings.taken | {(state.title or "").lower()}
        state.title = make_title(stem, ext, taken, item.record_id)
        self.settings.taken.add(state.title.lower())

    def _uploaded(self, state: db.FileState, step: str, data: dict[str, Any]) -> None:
        note = state.message if state.message and state.message.startswith(CATEGORY_NOTE) else None
        state.state, state.message = j.UPLOADED, note
        j.done(self.store, state, step, {"title": state.title, **data})
        self._drop_download(state)

    def _drop_download(self, state: db.FileState) -> None:
        """A downloaded copy is not needed once the wiki has the file (its SHA-1 stays in the journal)."""
        path = Path(state.local_path or "")
        if path.is_file() and self.settings.cache.resolve() in path.resolve().parents:
            path.unlink()

    def _duplicate(self, state: db.FileState, step: str, other: str, why: str) -> None:
        state.state, state.duplicate_of = j.DUPLICATE, other
        state.message = f"already on the wiki as File:{other} ({why})"
        j.done(self.store, state, step, {"duplicate_of": other})
        self._drop_download(state)


def _fetched(state: db.FileState) -> sources.Fetched:
    ext = extension_for(state.mime)
    return sources.Fetched(Path(state.local_path or ""), state.sha1 or "", state.size or 0, ext, state.mime)


def same_object_keys(sdc: dict[str, Any]) -> tuple[str | None, str | None]:
    """(inventory number, collection QID) from planned structured data, when both are there."""
    for claim in sdc.get("claims", []):
        snak = claim.get("mainsnak", {})
        if snak.get("property") == ids.INVENTORY_NUMBER and snak.get("datavalue"):
            collections = claim.get("qualifiers", {}).get(ids.COLLECTION, [])
            qid = collections[0]["datavalue"]["value"]["id"] if collections else None
            return str(snak["datavalue"]["value"]), qid
    return None, None


def page_categories(wikitext: str) -> tuple[str, ...]:
    return tuple(m.group(1).strip() for m in _CATEGORY.finditer(wikitext or ""))
