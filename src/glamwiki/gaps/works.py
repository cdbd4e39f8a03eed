"""The works of the collection as the gap worklists need them: who is credited, whether the rights
stage cleared them (its stored decisions), how many of their files are already on Commons (the
publishing stage's state), and what they are (medium, type, title) for filtering and portraits."""

from __future__ import annotations

from dataclasses import dataclass

from glamwiki.model.records import CreatorRef, ObjectRecord
from glamwiki.model.rights import UPLOAD
from glamwiki.publishing.connect import COMMONS_API
from glamwiki.store import Store
from glamwiki.store.gaps import published_files
from glamwiki.store.records import iter_records
from glamwiki.store.rights import iter_decisions


@dataclass(slots=True)
class WorkInfo:
    creators: list[CreatorRef]
    cleared: bool  # the rights stage decided `upload`
    files: int  # image files the record has
    on_commons: int  # of which already on Commons
    url: str
    medium: str
    object_type: str
    title: str
    subjects: list[str]
    credit_line: str

    @property
    def files_to_upload(self) -> int:
        return max(self.files - self.on_commons, 0) if self.cleared else 0

    def matches_medium(self, text: str) -> bool:
        t = text.casefold()
        return t in self.medium.casefold() or t in self.object_type.casefold()


def collection_works(
    store: Store, dataset: str | None = None, target: str = COMMONS_API
) -> dict[tuple[str, str], WorkInfo]:
    cleared = {(d.dataset, d.record_id) for d in iter_decisions(store, dataset=dataset, decision=UPLOAD)}
    published = published_files(store, target)
    out: dict[tuple[str, str], WorkInfo] = {}
    for ds, rec in iter_records(store, kind="object", dataset=dataset):
        if not isinstance(rec, ObjectRecord):
            continue
        key = (ds, rec.id)
        out[key] = WorkInfo(
            creators=list(rec.creators),
            cleared=key in cleared,
            files=len(rec.images),
            on_commons=published[key],
            url=rec.url or "",
            medium=rec.medium or "",
            object_type=rec.object_type or "",
            title=rec.title,
            subjects=[s.text for s in rec.subjects],
            credit_line=rec.credit_line or "",
        )
    return out
