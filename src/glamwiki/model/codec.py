"""JSON encoding of records: one encoder/decoder pair shared by the store and exports."""

from __future__ import annotations

from typing import Any

import msgspec

from glamwiki.model.records import ObjectRecord, Person, Record

_encoder = msgspec.json.Encoder()
_decoder = msgspec.json.Decoder(ObjectRecord | Person)


def encode(record: Record) -> bytes:
    return _encoder.encode(record)


def decode(data: bytes | str) -> Record:
    return _decoder.decode(data)


def to_builtins(record: Record) -> dict[str, Any]:
    out: dict[str, Any] = msgspec.to_builtins(record)  # a Struct becomes a dict
    return out
