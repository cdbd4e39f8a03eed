"""Reader options that must be numbers (``circa_years``, fetch limits): the default when absent, a clear
error naming the option when they are not numbers."""

from __future__ import annotations

import pytest

from glamwiki.errors import ConfigError
from glamwiki.intake.base import ReadContext
from glamwiki.intake.fetch import Limits


def test_circa_years_defaults_reads_numbers_and_text_and_refuses_anything_else() -> None:
    assert ReadContext("a.xml", "a.xml").int_option("circa_years", 5) == 5
    assert ReadContext("a.xml", "a.xml", options={"circa_years": 0}).int_option("circa_years", 5) == 5  # empty
    assert ReadContext("a.xml", "a.xml", options={"circa_years": "10"}).int_option("circa_years", 5) == 10
    with pytest.raises(ConfigError, match="'circa_years' must be a number"):
        ReadContext("a.xml", "a.xml", options={"circa_years": [10]}).int_option("circa_years", 5)


def test_fetch_limits_from_options() -> None:
    limits = Limits.from_options({"max_response_mb": "2", "response_seconds": 30})
    assert (limits.max_bytes, limits.seconds, limits.stall) == (2 * 1024 * 1024, 30.0, 30.0)
    assert Limits.from_options({}) == Limits()
    with pytest.raises(ConfigError, match="response_seconds"):
        Limits.from_options({"response_seconds": {"s": 1}})
