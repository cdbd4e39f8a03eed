"""Property tests: whatever the text, the parser returns a sound interval and keeps the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from glamwiki.dates import parse_date, parse_lifespan
from glamwiki.dates.spans import sort_key
from glamwiki.model.dates import DateInterval

years = st.integers(min_value=1000, max_value=2100)
words = st.sampled_from(["c.", "circa", "ca.", "about", "before", "after", "born", "active", "?", "published", ""])


def ordered(d: DateInterval) -> bool:
    return d.earliest is None or d.latest is None or sort_key(d.earliest) <= sort_key(d.latest)


@settings(max_examples=400)
@given(st.text(max_size=40))
def test_any_text_gives_an_ordered_interval_and_keeps_the_text(text: str) -> None:
    d = parse_date(text)
    assert d.text == text.strip()
    assert ordered(d)


@given(years)
def test_a_plain_year_is_exactly_that_year(y: int) -> None:
    d = parse_date(str(y))
    assert (d.earliest, d.latest) == (f"{y:04d}-01-01", f"{y:04d}-12-31")


@given(years, st.integers(min_value=0, max_value=20))
def test_circa_contains_the_year_and_widens(y: int, width: int) -> None:
    d = parse_date(f"c. {y}", circa_years=width)
    assert d.contains_year(y)
    assert (d.earliest_year, d.latest_year) == (y - width, y + width)
    assert "circa" in d.qualifiers


@given(years, st.integers(min_value=0, max_value=60))
def test_a_range_contains_both_ends(a: int, span: int) -> None:
    b = min(a + span, 2100)
    for sep in ("-", "–", " to ", " - "):
        d = parse_date(f"{a}{sep}{b}")
        assert (d.earliest_year, d.latest_year) == (a, b), sep


@given(st.integers(min_value=100, max_value=209))
def test_a_decade_covers_its_ten_years(decade: int) -> None:
    d = parse_date(f"{decade * 10}s")
    assert (d.earliest_year, d.latest_year) == (decade * 10, decade * 10 + 9)


@given(st.dates())
def test_iso_days_round_trip(day: object) -> None:
    iso = day.isoformat()  # type: ignore[attr-defined]
    d = parse_date(iso)
    assert (d.earliest, d.latest) == (iso, iso)


@given(years)
def test_before_and_after_are_open_ended(y: int) -> None:
    before, after = parse_date(f"before {y}"), parse_date(f"after {y}")
    assert before.earliest is None and before.latest_year == y
    assert after.latest is None and after.earliest_year == y


@given(words, years)
def test_qualified_years_contain_the_year(word: str, y: int) -> None:
    d = parse_date(f"{word} {y}".strip())
    assert d.is_known
    assert d.contains_year(y)
    assert ordered(d)


@given(years, st.integers(min_value=1, max_value=100))
def test_lifespan_birth_and_death(born: int, age: int) -> None:
    died = born + age
    life = parse_lifespan(f"{born}–{died}")
    assert (life.birth.earliest_year, life.death.latest_year) == (born, died)


@settings(max_examples=300)
@given(st.text(max_size=40))
def test_any_lifespan_text_is_safe(text: str) -> None:
    life = parse_lifespan(text)
    for d in (life.birth, life.death, life.active):
        assert ordered(d)
