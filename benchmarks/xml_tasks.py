"""A large LIDO file made from real records, and the functions bench_xml runs in fresh processes."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from xml.etree.ElementTree import iterparse

LIDO_NS = "{http://www.lido-schema.org}lido"


def generate_lido(source: Path, target: Path, n: int) -> Path:
    """A lidoWrap of ``n`` records: the real records of ``source`` repeated with fresh ids."""
    text = source.read_text(encoding="utf-8")
    bodies = re.findall(r"<lido:lido>.*?</lido:lido>", text, re.DOTALL)
    with open(target, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<lido:lidoWrap xmlns:lido="http://www.lido-schema.org">\n')
        for i in range(n):
            body = bodies[i % len(bodies)]
            out.write(re.sub(r"(<lido:lidoRecID[^>]*>)([^<]+)", rf"\g<1>\g<2>-{i}", body, count=1) + "\n")
        out.write("</lido:lidoWrap>\n")
    return target


def bare_iterparse(path: str) -> int:
    """The baseline: ElementTree.iterparse over the file, clearing each record."""
    n = 0
    for _, elem in iterparse(path, events=("end",)):
        if elem.tag == LIDO_NS:
            n += 1
            elem.clear()
    return n


def ingest_reader(path: str, reader: str) -> dict:
    from glamwiki.intake.ingest import ingest
    from glamwiki.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.db", migrate=True)
        summary = ingest(store, path, dataset="bench", reader=reader)
        store.close()
    return {"items": summary.objects + summary.people, "extra": {"errors": summary.errors}}
