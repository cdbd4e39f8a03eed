"""Share of women among artists and among works, with and without part of the collection picked
out by its credit line (e.g. Tate's Turner Bequest, which alone is some 37,000 works by one man)."""

from __future__ import annotations

from dataclasses import dataclass

from glamwiki.gaps.people import NOT_RECORDED, institution_gender
from glamwiki.model.records import ObjectRecord, Person
from glamwiki.store import Store
from glamwiki.store.records import iter_records

TURNER_BEQUEST = "Turner Bequest"  # Tate: "Accepted by the nation as part of the Turner Bequest 1856"


@dataclass
class GenderShare:
    label: str
    artists: int  # distinct artists of the works counted, gender recorded
    women_artists: int
    works: int  # works with at least one artist of recorded gender
    works_by_women: int  # ... at least one of whom is a woman
    artists_unknown: int = 0
    works_unknown: int = 0

    @property
    def share_artists(self) -> float | None:
        return self.women_artists / self.artists if self.artists else None

    @property
    def share_works(self) -> float | None:
        return self.works_by_women / self.works if self.works else None


def gender_shares(store: Store, credit_contains: str = TURNER_BEQUEST, dataset: str | None = None) -> list[GenderShare]:
    """[all works, works without the credit line ``credit_contains``]; empty if there are no works.
    The second is left out when no work has that credit line (it would repeat the first)."""
    genders: dict[tuple[str, str], str] = {}
    works: list[tuple[str, ObjectRecord]] = []
    for ds, rec in iter_records(store, dataset=dataset):
        if isinstance(rec, Person):
            genders[(ds, rec.id)] = institution_gender(rec.gender)
        elif isinstance(rec, ObjectRecord):
            works.append((ds, rec))
    if not works:
        return []
    everything = _share("all works", works, genders)
    rest = [(ds, w) for ds, w in works if credit_contains.lower() not in (w.credit_line or "").lower()]
    if len(rest) == len(works):
        return [everything]
    return [everything, _share(f"without the {credit_contains}", rest, genders)]


def _share(label: str, works: list[tuple[str, ObjectRecord]], genders: dict[tuple[str, str], str]) -> GenderShare:
    artists: dict[tuple[str, str], str] = {}
    n_works = by_women = unknown_works = 0
    for ds, w in works:
        gs = []
        for c in w.creators:
            key = (ds, c.person_id or f"name:{c.name}")
            g = genders.get(key) or institution_gender(c.gender)
            artists[key] = g
            gs.append(g)
        known = [g for g in gs if g != NOT_RECORDED]
        if known:
            n_works += 1
            by_women += "female" in known
        else:
            unknown_works += 1
    known_artists = [g for g in artists.values() if g != NOT_RECORDED]
    return GenderShare(label, len(known_artists), sum(g == "female" for g in known_artists), n_works, by_women,
                       len(artists) - len(known_artists), unknown_works)  # fmt: skip
