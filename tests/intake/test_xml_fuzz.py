"""Real files damaged at random (bytes changed, cut, markup inserted): every structured reader
reports problems as issues and never lets an exception escape. Fixed seed, so it is repeatable."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from glamwiki.intake.base import Issue, Read
from glamwiki.intake.stream import read_source

FIXTURES = Path(__file__).parent / "fixtures"
INSERTS = [b"<", b">", b'"', b"&", b"{", b"}", b"[", b"null", b"<x>", b"</lido:lido>", b"\x00", b"\xff\xfe"]


def damaged(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        pos, op = rng.randrange(len(out)), rng.random()
        if op < 0.4:
            out[pos] = rng.randrange(256)
        elif op < 0.7:
            del out[pos : pos + rng.randint(1, 200)]
        else:
            out[pos:pos] = rng.choice(INSERTS)
    return bytes(out)


def sources(shared: Path) -> dict[str, list[Path]]:
    return {
        "lido": sorted((shared / "lido").glob("*.xml"))[:3],
        "tei": sorted((shared / "tei-wellcome").glob("*.xml"))[:4],
        "iiif": sorted((shared / "iiif" / "version-2").glob("*.json"))[:4]
        + sorted((shared / "iiif" / "version-3").glob("*.json"))[:3],
        "ead": sorted(FIXTURES.glob("ead*.xml")),
    }  # fmt: skip


@pytest.mark.parametrize("reader", ["lido", "tei", "iiif", "ead"])
def test_damaged_files_never_crash_a_reader(reader: str, shared_data: Path, tmp_path: Path) -> None:
    rng = random.Random(f"glamwiki-{reader}")
    originals = sources(shared_data)[reader]
    problems = 0
    for n in range(60):
        path = tmp_path / f"damaged-{n}{originals[0].suffix}"
        path.write_bytes(damaged(rng.choice(originals).read_bytes(), rng))
        items = list(read_source(str(path), reader=reader, options={"offline": True}))
        assert all(isinstance(i, Read | Issue) for i in items)
        problems += sum(isinstance(i, Issue) for i in items)
    assert problems > 0  # the damage was noticed, not silently read


def test_an_unknown_encoding_is_an_input_problem(tmp_path: Path) -> None:
    path = tmp_path / "odd.xml"
    path.write_bytes(b'<?xml version="1.0" encoding="UTF-J"?><ead><archdesc level="fonds"/></ead>')
    (issue,) = list(read_source(str(path), reader="ead"))
    assert isinstance(issue, Issue) and "UTF-J" in issue.message
