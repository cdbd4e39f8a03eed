"""Coverage on Wikimedia, as a funnel: people in the collection → with a Wikidata item → with an
article in each chosen language → with an image → with the key properties for their occupation
(Recoin-style: the properties most items of the same occupation among the linked ones have),
and the share of women (as the collection records gender) at every step."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from glamwiki.gaps.people import NOT_RECORDED, Creator
from glamwiki.wikimedia.ids import KEY_PROPERTIES

RECOIN_SHARE = 0.5  # a property is "key" for an occupation when at least half its items have it
RECOIN_MIN_ITEMS = 5  # fewer items than this: fall back to the fixed KEY_PROPERTIES


@dataclass
class Step:
    label: str
    people: int
    women: int
    gender_known: int

    @property
    def share_women(self) -> float | None:
        return self.women / self.gender_known if self.gender_known else None


def _step(label: str, group: list[Creator]) -> Step:
    known = [c for c in group if c.gender != NOT_RECORDED]
    return Step(label, len(group), sum(c.is_woman for c in known), len(known))


def key_properties(fetched: list[Creator]) -> dict[str, set[str]]:
    """occupation QID -> properties held by at least RECOIN_SHARE of the linked items with it."""
    per_occ: dict[str, Counter[str]] = {}
    n_occ: Counter[str] = Counter()
    for c in fetched:
        wd = c.wd or {}
        for occ in wd.get("occupations", []):
            n_occ[occ] += 1
            per_occ.setdefault(occ, Counter()).update(wd.get("properties", []))
    return {
        occ: {p for p, n in per_occ[occ].items() if n / n_occ[occ] >= RECOIN_SHARE}
        for occ in n_occ
        if n_occ[occ] >= RECOIN_MIN_ITEMS
    }


def missing_properties(c: Creator, keys: dict[str, set[str]]) -> list[str]:
    if not c.wd:
        return []
    have = set(c.wd.get("properties", []))
    wanted: set[str] = set()
    for occ in c.wd.get("occupations", []):
        wanted |= keys.get(occ, set(KEY_PROPERTIES))
    if not c.wd.get("occupations"):
        wanted = set(KEY_PROPERTIES)
    return sorted(wanted - have)


def funnel(creators: list[Creator], languages: list[str]) -> list[Step]:
    people = [c for c in creators if c.kind == "person"]
    linked = [c for c in people if c.qid]
    fetched = [c for c in linked if c.wd is not None]
    steps = [_step("in the collection", people), _step("with a Wikidata item", linked)]
    if len(fetched) < len(linked):  # say so, or the later steps look like gaps on Wikimedia
        steps.append(_step("item facts fetched or recorded", fetched))
    for lang in languages:
        site = f"{lang}wiki"
        with_article = [c for c in fetched if c.wd and site in c.wd.get("sitelinks", [])]
        steps.append(_step(f"with a Wikipedia article ({lang})", with_article))
    steps.append(_step("with an image (P18)", [c for c in fetched if c.wd and c.wd.get("has_image")]))
    keys = key_properties(fetched)
    steps.append(_step("with the key properties", [c for c in fetched if not missing_properties(c, keys)]))
    return steps
