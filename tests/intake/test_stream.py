"""read_source streams records from an export without a project."""

from __future__ import annotations

from glamwiki.demo import sample_folder
from glamwiki.intake.base import Issue, Read
from glamwiki.intake.registry import load_named_profile
from glamwiki.intake.stream import read_source
from glamwiki.model.records import ObjectRecord, Person


def test_reads_demo_sample_without_a_store() -> None:
    items = list(read_source(str(sample_folder()), profile=load_named_profile("tate")))
    reads = [i for i in items if isinstance(i, Read)]
    objects = [r.record for r in reads if isinstance(r.record, ObjectRecord)]
    people = [r.record for r in reads if isinstance(r.record, Person)]
    assert len(objects) == 300
    assert len(people) == 144
    assert all(o.id for o in objects)
    assert not [i for i in items if isinstance(i, Issue) and i.severity == "error"]
