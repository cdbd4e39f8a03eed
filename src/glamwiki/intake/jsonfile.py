"""JSON Lines (one record a line) and JSON files (an array of records, streamed with ijson,
or one object), plain or gzipped."""

from __future__ import annotations

from collections.abc import Iterator

import msgspec

from glamwiki.errors import IntakeFileError
from glamwiki.intake.base import WARNING, Issue, ReadContext
from glamwiki.intake.textio import DecodedLines, mismatch_note, open_binary

Row = tuple[str, dict[str, object], bool]


def iter_jsonl_rows(ctx: ReadContext) -> Iterator[Row | Issue]:
    stream = open_binary(ctx.path)
    decoder = msgspec.json.Decoder()
    try:
        lines = DecodedLines(stream, ctx.encoding)
        for text in lines:
            if not text.strip():
                continue
            locator = f"line {lines.line_no}"
            try:
                obj = decoder.decode(text)
            except msgspec.DecodeError as exc:
                yield ctx.issue(locator, "", f"not valid JSON ({exc}); the line was skipped", value=text[:200])
                continue
            if not isinstance(obj, dict):
                yield ctx.issue(locator, "", "expected a JSON object on this line; skipped", value=text[:200])
                continue
            yield locator, obj, lines.line_no in lines.bad_lines
        if note := mismatch_note(lines, ctx.encoding):
            yield ctx.issue("", "", note, WARNING)
    finally:
        stream.close()


def iter_json_rows(ctx: ReadContext) -> Iterator[Row | Issue]:
    import ijson

    stream = open_binary(ctx.path)
    try:
        first = _first_char(stream)
        if first == b"{":
            try:
                obj = msgspec.json.decode(stream.read())
            except msgspec.DecodeError as exc:
                raise IntakeFileError(f"{ctx.display}: not valid JSON ({exc}).") from exc
            records = obj.get("records") or obj.get("items") or obj.get("data") if isinstance(obj, dict) else None
            if isinstance(records, list):
                for n, item in enumerate(records, start=1):
                    if isinstance(item, dict):
                        yield f"record {n}", item, False
            else:
                yield "record 1", obj, False
            return
        if first != b"[":
            raise IntakeFileError(
                f"{ctx.display}: expected a JSON array or object; "
                "for one record a line, use a .jsonl file or --format jsonl."
            )
        n = 0
        try:
            for n, item in enumerate(ijson.items(stream, "item", use_float=True), start=1):
                if isinstance(item, dict):
                    yield f"record {n}", item, False
                else:
                    yield ctx.issue(f"record {n}", "", "expected a JSON object in the array; skipped")
        except ijson.JSONError as exc:
            yield ctx.issue(f"record {n + 1}", "", f"JSON could not be parsed past this point: {exc}")
    finally:
        stream.close()


def _first_char(stream: object) -> bytes:
    peek = stream.peek(64) if hasattr(stream, "peek") else b""
    stripped = peek.lstrip(b"\xef\xbb\xbf \t\r\n")
    return stripped[:1]
