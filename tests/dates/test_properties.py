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


@given(years, st.integers(min_value=1, max_value=99), st.sampled_from(["", "c.", "c. ", "ca. ", "about "]))
def test_hyphen_and_en_dash_read_alike(y: int, tail: int, prefix: str) -> None:
    """ "1905-06" and "1905–06", "c.1900-10" and "c.1900–10": one reading (issue 18)."""
    short = f"{tail:02d}" if tail < 10 or tail % 3 else str(tail % 10 or 1)
    for end in (short, str(y + tail)):
        hyphen, dash = parse_date(f"{prefix}{y}-{end}"), parse_date(f"{prefix}{y}–{end}")
        assert (hyphen.earliest, hyphen.latest) == (dash.earliest, dash.latest), end
        assert hyphen.contains_year(y)


@given(st.integers(min_value=1, max_value=3000), st.sampled_from(["BC", "B.C.", "BCE", "b.c.e."]),
       st.sampled_from(["", ", Bronze Age", " (Bronze Age)", "; Iron Age", " Neolithic"]))  # fmt: skip
def test_an_era_is_kept_whatever_follows(y: int, era: str, tail: str) -> None:
    d = parse_date(f"{y} {era}{tail}")
    assert (d.earliest_year, d.latest_year) == (1 - y, 1 - y)


@given(st.integers(min_value=1000, max_value=2100), st.integers(min_value=1, max_value=12))
def test_a_year_month_is_a_month_only_where_declared_edtf(y: int, m: int) -> None:
    text = f"{y}-{m:02d}"
    edtf = parse_date(text, form="edtf")
    assert (edtf.earliest or "")[:7] == text and (edtf.latest or "")[:7] == text
    catalogue = parse_date(text)
    assert catalogue.contains_year(y)
    assert catalogue.earliest_year == y and (catalogue.latest_year or 0) - y in range(0, 100)
    ambiguous = "ambiguous" in catalogue.qualifiers
    assert ambiguous == (int(str(y)[:2] + f"{m:02d}") < y)
