"""What ``publish plan`` reads, in one pass: every object record with its stored rights decision.

One streamed query (a LEFT JOIN on the decisions' primary key) instead of one decision lookup per
record; rows come in insertion order, in constant memory, as ``iter_records`` gives them."""

from __future__ import annotations

from collections.abc import Iterator

import msgspec

from glamwiki.model.codec import decode
from glamwiki.model.records import Record
from glamwiki.model.rights import RightsDecision
from glamwiki.store.db import Store

_decision = msgspec.json.Decoder(RightsDecision)


def objects_with_decisions(
    store: Store, dataset: str | None = None
) -> Iterator[tuple[str, Record, RightsDecision | None]]:
    """(dataset, object record, its rights decision or None) for every object record (of ``dataset``)."""
    where, params = (
        ("WHERE r.kind = 'object' AND r.dataset = ?", (dataset,)) if dataset else ("WHERE r.kind = 'object'", ())
    )
    sql = (
        "SELECT r.dataset, r.data, d.data FROM records r LEFT JOIN rights_decisions d"
        f" ON d.dataset = r.dataset AND d.record_id = r.local_id {where} ORDER BY r.uid"
    )
    for row in store.stream(sql, params):
        yield row[0], decode(row[1]), None if row[2] is None else _decision.decode(row[2])
