"""People to link, read from an export through a profile (no project needed) or from the store."""

from __future__ import annotations

from collections.abc import Iterator

from glamwiki.errors import ConfigError
from glamwiki.intake.base import Read
from glamwiki.intake.registry import FORMAT_READERS, load_mapping, load_named_profile
from glamwiki.intake.stream import read_source
from glamwiki.model.records import CreatorRef, ObjectRecord, Person, Subject
from glamwiki.store import Store
from glamwiki.store.records import iter_records


def read_people(
    path: str, profile: str | None = None, mapping: str | None = None, depicted: bool = False
) -> list[Person]:
    """Every Person in an export; creators named only on objects become people too (by id or name),
    and, with ``depicted``, people the records are about (subjects of kind person)."""
    if profile and profile in FORMAT_READERS:
        chosen, reader = None, profile
    else:
        chosen = load_mapping(mapping) if mapping else load_named_profile(profile) if profile else None
        reader = None
    if chosen is None and reader is None and not path.endswith((".jsonl", ".jsonl.gz", ".json")):
        raise ConfigError(f"Say how to read {path}: --profile NAME (tate, moma, nga, cmoa) or --mapping FILE.")
    people: dict[str, Person] = {}
    creators: dict[str, Person] = {}
    for item in read_source(path, profile=chosen, reader=reader):
        if not isinstance(item, Read):
            continue
        rec = item.record
        if isinstance(rec, Person):
            people.setdefault(rec.id, rec)
        elif isinstance(rec, ObjectRecord):
            for c in rec.creators:
                creators.setdefault(creator_key(c), person_from_creator(c))
            if depicted:
                for subject in rec.subjects:
                    if subject.kind == "person":
                        creators.setdefault(f"depicted:{subject.id or subject.text}", person_from_subject(subject))
    for key, person in creators.items():
        people.setdefault(key, person)
    return list(people.values())


def store_people(store: Store, dataset: str | None = None) -> Iterator[tuple[str, Person]]:
    for ds, rec in iter_records(store, kind="person", dataset=dataset):
        if isinstance(rec, Person):
            yield ds, rec


def creator_key(c: CreatorRef) -> str:
    return c.person_id or f"name:{c.name}"


def person_from_subject(s: Subject) -> Person:
    ids = {}
    if s.id and s.id.rsplit("/", 1)[-1].startswith("Q"):
        ids["wikidata"] = s.id.rsplit("/", 1)[-1]
    elif s.id and "ulan" in s.id:
        ids["ulan"] = s.id.rsplit("/", 1)[-1]
    return Person(id=f"depicted:{s.id or s.text}", name=s.text, identifiers=ids, extra={"role": "depicted"})


def person_from_creator(c: CreatorRef) -> Person:
    return Person(
        id=creator_key(c), name=c.name, kind=c.kind, birth=c.birth, death=c.death, gender=c.gender,
        nationality=c.nationality, identifiers=dict(c.identifiers),
    )  # fmt: skip
