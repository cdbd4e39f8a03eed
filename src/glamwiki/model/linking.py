"""The closed sets of words linking stores: the matcher's answer for a person and a curator's verdict
on it. The values are the text the store, the review sheets and the reports hold."""

from __future__ import annotations

from enum import StrEnum


class MatchDecision(StrEnum):
    """The matcher's answer for one source person against one authority."""

    MATCH = "match"
    REVIEW = "review"
    NO_MATCH = "none"


class Verdict(StrEnum):
    """A person's decision on a proposed link; it overrides the matcher."""

    ACCEPT = "accept"
    REJECT = "reject"
