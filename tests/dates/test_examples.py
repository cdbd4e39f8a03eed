"""Catalogue date texts as real exports write them (Tate, CMoA, NGA, MoMA) and their intervals."""

from __future__ import annotations

import pytest

from glamwiki.dates import parse_date, parse_date_events, parse_lifespan, parse_year_value

CASES = [
    # text, earliest, latest, a qualifier that must be present (or None)
    ("1870", "1870-01-01", "1870-12-31", None),
    ("c. 1850", "1845-01-01", "1855-12-31", "circa"),
    ("c.1800", "1795-01-01", "1805-12-31", "circa"),
    ("1850s", "1850-01-01", "1859-12-31", "decade"),
    ("1762–1787", "1762-01-01", "1787-12-31", None),
    ("1843–4", "1843-01-01", "1844-12-31", None),
    ("c.1801–10", "1796-01-01", "1815-12-31", "circa"),
    ("born 1936", "1936-01-01", "1936-12-31", "born"),
    ("active 1389", "1389-01-01", "1389-12-31", "active"),
    ("1491/1492", "1491-01-01", "1492-12-31", None),
    ("1491/2", "1491-01-01", "1492-12-31", "one-of"),
    ("before 1600", None, "1600-12-31", "before"),
    ("after 1836", "1836-01-01", None, "after"),
    ("?1863", "1863-01-01", "1863-12-31", "uncertain"),
    ("1786 or 1800", "1786-01-01", "1800-12-31", "one-of"),
    ("published 1881", "1881-01-01", "1881-12-31", "published"),
    ("19th century", "1800-01-01", "1900-12-31", "century"),
    ("early 17th century", "1600-01-01", "1635-12-31", "century"),
    ("18th-19th century", "1700-01-01", "1900-12-31", "century"),
    ("late 18th C", "1765-01-01", "1800-12-31", "century"),
    ("early 1620s", "1620-01-01", "1624-12-31", "decade"),
    ("October 1960", "1960-10-01", "1960-10-31", None),
    ("12 May 1850", "1850-05-12", "1850-05-12", None),
    ("September 1, 1851", "1851-09-01", "1851-09-01", None),
    ("3/24/1929", "1929-03-24", "1929-03-24", None),
    ("3/6/1930", "1930-03-06", "1930-06-03", None),  # US or UK order: cover both
    ("Qianlong period (1736-1795)", "1736-01-01", "1795-12-31", None),
    ("500 BC", "-0499-01-01", "-0499-12-31", None),
    ("3rd century BC", "-0299-01-01", "-0200-12-31", "century"),
    ("1st century AD", "0001-01-01", "0100-12-31", "century"),
    # EDTF forms that catalogue text cannot mean otherwise
    ("1985-04-12", "1985-04-12", "1985-04-12", None),
    ("198X", "1980-01-01", "1989-12-31", None),
    ("19XX", "1900-01-01", "1999-12-31", None),
    ("1985/1990", "1985-01-01", "1990-12-31", None),
    ("../1985", None, "1985-12-31", None),
    ("1985/..", "1985-01-01", None, None),
    ("[1667,1668]", "1667-01-01", "1668-12-31", "one-of"),
    ("1984?", "1984-01-01", "1984-12-31", "uncertain"),
    ("1984~", "1984-01-01", "1984-12-31", "circa"),
    ("-0500", "-0500-01-01", "-0500-12-31", None),
]


@pytest.mark.parametrize(("text", "earliest", "latest", "qualifier"), CASES, ids=[c[0] for c in CASES])
def test_date_interval(text: str, earliest: str | None, latest: str | None, qualifier: str | None) -> None:
    d = parse_date(text)
    assert (d.earliest, d.latest) == (earliest, latest)
    assert d.text == text
    if qualifier:
        assert qualifier in d.qualifiers


EDTF_ONLY = [
    # text as an EDTF field reads it; as catalogue text reads it
    ("1985-04", ("1985-04-01", "1985-04-30"), ("1985-01-01", "1985-12-31")),
    ("1905-06", ("1905-06-01", "1905-06-30"), ("1905-01-01", "1906-12-31")),
    ("1911-12", ("1911-12-01", "1911-12-31"), ("1911-01-01", "1912-12-31")),
    ("2001-21", ("2001-03-01", "2001-05-31"), ("2001-01-01", "2021-12-31")),
]


@pytest.mark.parametrize(("text", "as_edtf", "as_catalogue"), EDTF_ONLY, ids=[c[0] for c in EDTF_ONLY])
def test_months_and_seasons_only_in_declared_edtf_fields(text: str, as_edtf: tuple, as_catalogue: tuple) -> None:
    d = parse_date(text, form="edtf")
    assert (d.earliest, d.latest) == as_edtf
    c = parse_date(text)
    assert (c.earliest, c.latest) == as_catalogue


@pytest.mark.parametrize("text", ["date not known", "", "0", "no date", "n.d.", "undated", "unknown"])
def test_unknown_dates_keep_their_text(text: str) -> None:
    d = parse_date(text)
    assert not d.is_known
    assert d.text == text


def test_zero_in_a_year_column_means_unknown() -> None:
    assert not parse_year_value(0).is_known
    assert not parse_year_value("0").is_known
    assert parse_year_value(1930).earliest == "1930-01-01"
    assert parse_year_value(1930.0).latest == "1930-12-31"


def test_secondary_events_do_not_move_the_making_date() -> None:
    d = parse_date("1978, printed 2005")
    assert (d.earliest_year, d.latest_year) == (1978, 1978)
    events = parse_date_events("1978, printed 2005")
    assert [(e.event, e.date.earliest_year) for e in events] == [(None, 1978), ("printed", 2005)]


LIVES = [
    # text, birth (lo, hi), death (lo, hi), active (lo, hi)
    ("1852–1911", (1852, 1852), (1911, 1911), None),
    ("born 1930", (1930, 1930), None, None),
    ("c.1744–c.1783", (1739, 1749), (1778, 1788), None),
    ("1767 or 9–1818", (1767, 1769), (1818, 1818), None),
    ("active 1787–1808", None, None, (1787, 1808)),
    ("active c.1645–died 1679", None, (1679, 1679), (1640, 1650)),
    ("before 1730–1788", (None, 1730), (1788, 1788), None),
    ("American, born Germany. 1899–1994", (1899, 1899), (1994, 1994), None),
    ("American, active c. 1780", None, None, (1775, 1785)),
    ("Florentine, 1474 - c. 1554", (1474, 1474), (1549, 1559), None),
    ("died 1900", None, (1900, 1900), None),
    ("19th century", None, None, (1800, 1900)),
]


@pytest.mark.parametrize(("text", "birth", "death", "active"), LIVES, ids=[c[0] for c in LIVES])
def test_lifespans(text: str, birth: tuple | None, death: tuple | None, active: tuple | None) -> None:
    life = parse_lifespan(text)
    for got, want in ((life.birth, birth), (life.death, death), (life.active, active)):
        if want is None:
            assert not got.is_known
        else:
            assert (got.earliest_year, got.latest_year) == want


def test_founded_bodies_are_flagged() -> None:
    assert parse_lifespan("established 1999").founded
    assert parse_lifespan("est. 1851").birth.earliest_year == 1851
    assert not parse_lifespan("born 1930").founded
