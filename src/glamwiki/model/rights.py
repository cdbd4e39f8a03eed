"""A rights decision for one object record: the contract between the rights stage (which
writes it) and publishing and reports (which read it)."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

import msgspec


class Decision(StrEnum):
    """What the rights stage decided for a record; the value is what the store and sheets hold."""

    UPLOAD = "upload"
    BLOCK = "block"
    REVIEW = "review"


class LayerStatus(StrEnum):
    """The copyright status of a record in one jurisdiction (the UK or the US layer)."""

    PD = "pd"
    COPYRIGHT = "copyright"
    UNKNOWN = "unknown"


UPLOAD = Decision.UPLOAD
BLOCK = Decision.BLOCK
REVIEW = Decision.REVIEW
DECISIONS = tuple(Decision)

PD = LayerStatus.PD
COPYRIGHT = LayerStatus.COPYRIGHT
UNKNOWN_STATUS = LayerStatus.UNKNOWN


ReasonLayer = Literal["", "uk", "us", "reproduction", "licence", "other"]  # which part of the decision


class Reason(msgspec.Struct, frozen=True, omit_defaults=True):
    text: str  # what was concluded, in words a curator can check
    citation: str = ""  # the legal or policy source: "CDPA 1988 s.12(2)", "COM:PDART"
    layer: ReasonLayer = ""


class RightsDecision(msgspec.Struct, omit_defaults=True):
    dataset: str
    record_id: str
    as_of: str  # the evaluation date, ISO
    decision: Decision
    uk_status: LayerStatus = LayerStatus.UNKNOWN
    uk_expires: int | None = None  # last year of protection (PD from 1 Jan of the next year)
    us_status: LayerStatus = LayerStatus.UNKNOWN
    us_expires: int | None = None
    templates: list[str] = []  # Commons licence tags as wikitext, e.g. "{{PD-Art|PD-old-auto-expired|deathyear=1900}}"
    copyright_status: str | None = None  # Wikidata QID for P6216
    determination_method: str | None = None  # Wikidata QID for P459
    licence: str | None = None  # Wikidata QID for P275 when a free licence applies
    reasons: list[Reason] = []
    flags: list[str] = []
    missing_facts: list[str] = []  # for REVIEW: the facts that would decide it
    recheck_on: str | None = None  # ISO date to look again (1 Jan after the later expiry)
    presumptions: list[str] = []  # names of the presumptions applied to this record
    would_decide: list[str] = []  # for REVIEW: presumptions (not applied) that would decide it
