"""Records and rights decisions for the publishing tests, saved straight into a store."""

from __future__ import annotations

from pathlib import Path

import msgspec

from glamwiki.model.dates import DateInterval
from glamwiki.model.records import FORM_2D, CreatorRef, Dimensions, ImageRef, ObjectRecord, Subject, Title
from glamwiki.model.rights import BLOCK, UPLOAD, Reason, RightsDecision
from glamwiki.store import Store
from glamwiki.store.records import Pending, digest, write_batch
from glamwiki.store.rights import save_decisions

HOSTILE = [
    "}}{{Delete|reason=x}}",
    "a | b = c",
    "[[Category:Spam]] [[:File:X.jpg]]",
    "<script>alert(1)</script><b>bold</b>",
    "signed ~~~~ and ~~~",
    "{{subst:CURRENTYEAR}}",
    "key=value",
    "line one\n== Heading ==\n* list\n{| table",
    "__NOTOC__ '''bold''' ''it''",
    "&lt;not a tag&gt; &amp;",
    "\u202eevil bidi\u202c and\u00a0nbsp and \x07 bell",
]


def png_bytes(seed: int, size: int = 0) -> bytes:
    """A small valid PNG whose pixels depend on ``seed`` (different bytes, different SHA-1)."""
    import struct
    import zlib

    width = height = 4
    raw = b"".join(b"\x00" + bytes((seed * 7 + x * 13 + y * 31) % 256 for x in range(width * 3)) for y in range(height))
    if size:  # pad the image data so the file is about `size` bytes (for chunked uploads)
        import random

        rnd = random.Random(seed)
        width = max(4, int((size / 3) ** 0.5))
        height = width
        raw = b"".join(b"\x00" + rnd.randbytes(width * 3) for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    # The pixels repeat every 256 seeds; a tEXt chunk with the seed makes every seed's bytes (and SHA-1) its own.
    seed_text = chunk(b"tEXt", b"seed\x00" + str(seed).encode())
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + seed_text + chunk(b"IDAT", zlib.compress(raw, 0))
            + chunk(b"IEND", b""))  # fmt: skip


def make_record(n: int, image: Path | str | None, *, title: str | None = None, kind: str = "file") -> ObjectRecord:
    images = [ImageRef(kind=kind, location=str(image))] if image else []
    return ObjectRecord(
        id=f"R{n:04d}",
        accession_number=f"N{n:05d}",
        titles=[Title(title or f"Study of a tree number {n}", "en")],
        creators=[
            CreatorRef(
                name="Jane Painter",
                birth=DateInterval("1801", "1801-01-01", "1801-12-31"),
                death=DateInterval("1870", "1870-01-01", "1870-12-31"),
                identifiers={"wikidata": "Q42"} if n % 2 else {},
            )
        ],
        date=DateInterval("1850", "1850-01-01", "1850-12-31"),
        form=FORM_2D,
        object_type="Painting",
        medium="Oil paint on canvas",
        dimensions=Dimensions("support: 600 x 400 mm", 600, 400, None, "mm"),
        credit_line="Presented by a friend 1900",
        images=images,
        subjects=[Subject("trees", id="http://www.wikidata.org/entity/Q10884")],
        institution="Test Museum",
        url=f"https://museum.example/art/{n}?a=b&c=d",
    )


def upload_decision(record: ObjectRecord, dataset: str = "test", decision: str = UPLOAD) -> RightsDecision:
    return RightsDecision(
        dataset=dataset,
        record_id=record.id,
        as_of="2026-01-01",
        decision=decision,
        uk_status="pd",
        us_status="pd",
        templates=["{{PD-Art|PD-old-100-expired}}"] if decision == UPLOAD else [],
        copyright_status="Q19652",
        determination_method="Q29940705",
        reasons=[Reason("The creator died in 1870, more than 70 years ago.", "CDPA 1988 s.12(2)", "uk")],
    )


def save(store: Store, records: list[ObjectRecord], dataset: str = "test", blocked: set[str] = frozenset()) -> None:
    rows = []
    for r in records:
        data = msgspec.json.encode(r)
        rows.append(Pending("object", r.id, data, digest(data), r.id))
    run_id = store.scalar(
        "INSERT INTO ingest_runs(source, reader, dataset, profile) VALUES ('test', 'test', ?, 'test') RETURNING id",
        (dataset,),
    )
    with store.transaction():
        write_batch(store, run_id, dataset, rows)
        save_decisions(store, [upload_decision(r, dataset, BLOCK if r.id in blocked else UPLOAD) for r in records])


def write_images(folder: Path, count: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        path = folder / f"img{n:04d}.png"
        path.write_bytes(png_bytes(n))
        paths.append(path)
    return paths
