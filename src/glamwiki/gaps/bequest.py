"""Share of women among artists and among works, with and without part of the collection picked
out by its credit line (e.g. Tate's Turner Bequest, which alone is some 37,000 works by one man).

Counted over the same people as the rest of the audit (people, not organisations or "British
School"): an artist counts when credited on at least one of the works and their gender is
recorded; a work counts when at least one such person is credited on it."""

from __future__ import annotations

from dataclasses import dataclass

from glamwiki.gaps.people import NOT_RECORDED, Creator
from glamwiki.gaps.works import WorkInfo
from glamwiki.model.records import PERSON

TURNER_BEQUEST = "Turner Bequest"  # Tate: "Accepted by the nation as part of the Turner Bequest 1856"


@dataclass
class GenderShare:
    label: str
    artists: int  # distinct people credited on the works counted, gender recorded
    women_artists: int
    works: int  # works with at least one credited person of recorded gender
    works_by_women: int  # ... at least one of whom is a woman
    artists_unknown: int = 0
    works_unknown: int = 0

    @property
    def share_artists(self) -> float | None:
        return self.women_artists / self.artists if self.artists else None

    @property
    def share_works(self) -> float | None:
        return self.works_by_women / self.works if self.works else None


def gender_shares(
    creators: list[Creator], works: dict[tuple[str, str], WorkInfo], credit_contains: str = TURNER_BEQUEST
) -> list[GenderShare]:
    """[all works, works without the credit line ``credit_contains``]; empty if there are no works.
    The second is left out when no work has that credit line (it would repeat the first)."""
    if not works:
        return []
    credited: dict[tuple[str, str], list[Creator]] = {}
    for c in creators:
        if c.kind == PERSON:
            for w in c.work_ids:
                credited.setdefault((c.dataset, w), []).append(c)
    everything = _share("all works", list(works), credited)
    needle = credit_contains.lower()
    rest = [k for k, w in works.items() if needle not in w.credit_line.lower()]
    if len(rest) == len(works):
        return [everything]
    return [everything, _share(f"without the {credit_contains}", rest, credited)]


def _share(label: str, keys: list[tuple[str, str]], credited: dict[tuple[str, str], list[Creator]]) -> GenderShare:
    artists: dict[int, Creator] = {}
    n_works = by_women = unknown_works = 0
    for key in keys:
        people = credited.get(key, [])
        artists.update((id(c), c) for c in people)
        known = [c for c in people if c.gender != NOT_RECORDED]
        if known:
            n_works += 1
            by_women += any(c.is_woman for c in known)
        else:
            unknown_works += 1
    known_artists = [c for c in artists.values() if c.gender != NOT_RECORDED]
    return GenderShare(
        label,
        len(known_artists),
        sum(c.is_woman for c in known_artists),
        n_works,
        by_women,
        len(artists) - len(known_artists),
        unknown_works,
    )
