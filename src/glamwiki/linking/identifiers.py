"""Identifier evidence: an agreement on a shared identifier decides, a conflict vetoes."""

from __future__ import annotations

from dataclasses import dataclass

from glamwiki.linking.entity import Entity

AGREE = "agree"
CONFLICT = "conflict"
MIXED = "mixed"  # agrees on one scheme, conflicts on another: a person must look


@dataclass(frozen=True, slots=True)
class IdentifierEvidence:
    status: str  # "" (nothing shared) | agree | conflict | mixed
    agree: tuple[str, ...] = ()
    conflict: tuple[str, ...] = ()

    def __str__(self) -> str:
        parts = [f"agree:{s}" for s in self.agree] + [f"conflict:{s}" for s in self.conflict]
        return " ".join(parts)


NONE = IdentifierEvidence("")


def compare_identifiers(a: Entity, b: Entity) -> IdentifierEvidence:
    shared = sorted(set(a.identifiers) & set(b.identifiers))
    if not shared:
        return NONE
    agree = tuple(s for s in shared if _norm(a.identifiers[s]) == _norm(b.identifiers[s]))
    conflict = tuple(s for s in shared if s not in agree)
    if agree and conflict:
        return IdentifierEvidence(MIXED, agree, conflict)
    return IdentifierEvidence(AGREE if agree else CONFLICT, agree, conflict)


def _norm(value: str) -> str:
    return value.strip().upper().removeprefix("HTTP://WWW.WIKIDATA.ORG/ENTITY/")
