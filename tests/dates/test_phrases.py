"""Date phrases as museums and libraries write them, each from a real export (source named per
case), and the hyphenated ranges of issue 18: catalogue text reads "1905-06" as two years."""

from __future__ import annotations

import pytest

from glamwiki.dates import parse_date, parse_date_events, parse_lifespan

PHRASES = [
    # text, earliest, latest, source
    ("Middle 17th century", "1630-01-01", "1670-12-31", "Wellcome TEI origDate (Japanese_2.xml)"),
    ("Mid 15th Century", "1430-01-01", "1470-12-31", "Wellcome TEI origDate"),
    ("mid nineteenth century", "1830-01-01", "1870-12-31", "Wellcome TEI origDate"),
    ("[last half 18 cent.", "1750-01-01", "1800-12-31", "Wellcome TEI origDate"),
    ("later 18th century", "1750-01-01", "1800-12-31", "CMoA creation_date"),
    ("first half of the 19th century", "1800-01-01", "1850-12-31", "common catalogue phrase"),
    ("2nd quarter 18th century", "1725-01-01", "1750-12-31", "common catalogue phrase"),
    ("third quarter of the 19th c.", "1850-01-01", "1875-12-31", "common catalogue phrase"),
    ("fl. 1850", "1850-01-01", "1850-12-31", "common catalogue phrase"),
    ("ca. 1850", "1845-01-01", "1855-12-31", "common catalogue phrase"),
    ("2nd millennium BC", "-1999-01-01", "-1000-12-31", "common catalogue phrase"),
    ("1st millennium", "0001-01-01", "1000-12-31", "common catalogue phrase"),
    ("1146 A.H.", "1733-01-01", "1734-12-31", "Wellcome TEI origDate calendar=Hijri (MS_Arabic)"),
    ("1250 AH / 1834 CE", "1834-01-01", "1834-12-31", "dual-calendar catalogue text"),
    ("AH 1250 (1834)", "1834-01-01", "1834-12-31", "dual-calendar catalogue text"),
    ("Undated. Estimated 12th century A.H.", "1689-01-01", "1786-12-31", "Wellcome TEI origDate"),
    ("Autumn 1916", "1916-09-01", "1916-11-30", "CMoA creation_date"),
    ("May - June 1944", "1944-05-01", "1944-06-30", "CMoA creation_date"),
    ("possibly 1940s", "1940-01-01", "1949-12-31", "CMoA creation_date"),
    ("after 1945, before 1957", "1945-01-01", "1957-12-31", "CMoA creation_date"),
    ("Western Zhou Dynasty (1027-711 BCE), 10th century BCE", "-1026-01-01", "-0710-12-31", "CMoA creation_date"),
    ("1500-1200 BC, Bronze Age", "-1499-01-01", "-1199-12-31", "issue 18"),
    ("1500-1200 BC Bronze Age", "-1499-01-01", "-1199-12-31", "issue 18"),
    ("Late Bronze Age, 1500–1200 B.C.", "-1499-01-01", "-1199-12-31", "issue 18"),
    ("15. Mai 2014", "2014-05-15", "2014-05-15", "LIDO displayDate (German Digital Library)"),
    ("25.10.1923", "1923-10-25", "1923-10-25", "LIDO displayDate (German Digital Library)"),
    ("10.1923", "1923-10-01", "1923-10-31", "LIDO displayDate (German Digital Library)"),
    ("2. Halfte 20. Jahrhundert", "1950-01-01", "2000-12-31", "LIDO displayDate (German Digital Library)"),
    ("Ende 19. Jahrhundert/Anfang 20. Jahrhundert", "1865-01-01", "1935-12-31", "LIDO displayDate (DDB)"),
    ("1. Viertel 19. Jahrhundert", "1800-01-01", "1825-12-31", "German catalogue phrase"),
    ("3. Jh. v. Chr.", "-0299-01-01", "-0200-12-31", "German catalogue phrase"),
    ("Meiji period", "1868-01-01", "1912-12-31", "CMoA creation_date"),
    ("Edo period", "1603-01-01", "1868-12-31", "Wellcome TEI origDate (Japanese manuscripts)"),
    ("Han Dynasty", "-0206-01-01", "0220-12-31", "CMoA creation_date (Han Dynasty, 202 BCE-220 CE)"),
    ("1878 (patented)", "1878-01-01", "1878-12-31", "CMoA creation_date"),
    ("?late 1810s to mid–1820s", "1815-01-01", "1827-12-31", "Tate dateText (an en dash as a word hyphen)"),
    ("1957–c.66", "1957-01-01", "1971-12-31", "Tate dateText"),
    ("1828 (or 1836)", "1828-01-01", "1836-12-31", "Tate dateText"),
    ("1966 (repaired 2009)", "1966-01-01", "1966-12-31", "Tate dateText"),
]


@pytest.mark.parametrize(("text", "earliest", "latest", "source"), PHRASES, ids=[p[0] for p in PHRASES])
def test_catalogue_phrases(text: str, earliest: str, latest: str, source: str) -> None:
    d = parse_date(text)
    assert (d.earliest, d.latest) == (earliest, latest), source
    said = "ossibly" in text or "stimated" in text or text.startswith("?")
    assert "uncertain" not in d.qualifiers or said, "read properly, not by picking years out"


def test_a_period_name_needs_to_be_the_date_not_a_word_in_it() -> None:
    assert parse_date("late Qing?").latest_year == 1912 and "uncertain" in parse_date("late Qing?").qualifiers
    assert not parse_date("song of the sea").is_known


@pytest.mark.parametrize("text", ["Undated", "Undated.", "n.d.", "N.D.", "s.d.", "date not known"])
def test_undated_is_unknown_not_unread(text: str) -> None:
    assert not parse_date(text).is_known


def test_an_era_after_more_text_is_never_lost() -> None:
    """Bronze Age dates must not become AD dates, three thousand years late."""
    texts = ("1500-1200 BC, Bronze Age", "c. 1500 BC (Late Bronze Age)", "1500 BC; Bronze Age", "Bronze Age 1500 BC")
    for text in texts:
        d = parse_date(text)
        assert d.latest_year is not None and d.latest_year < 0, text
    mixed = parse_date("1500-1200 B.C. and some 1800 notes")  # never AD years picked out of a BC text
    assert mixed.latest_year is None or mixed.latest_year < 0


HYPHENATED = [
    # the cases: catalogue text, with a hyphen, reads as with an en dash
    ("c.1900-10", "1895-01-01", "1915-12-31"),
    ("1905-06", "1905-01-01", "1906-12-31"),
    ("1911-12", "1911-01-01", "1912-12-31"),
    ("1966-80", "1966-01-01", "1980-12-31"),  # CMoA
    ("c. 1920-30", "1915-01-01", "1935-12-31"),  # CMoA
]


@pytest.mark.parametrize(("text", "earliest", "latest"), HYPHENATED, ids=[h[0] for h in HYPHENATED])
def test_hyphenated_year_ranges(text: str, earliest: str, latest: str) -> None:
    d = parse_date(text)
    assert (d.earliest, d.latest) == (earliest, latest)
    dash = parse_date(text.replace("-", "–"))
    assert (dash.earliest, dash.latest) == (d.earliest, d.latest)
    assert "ambiguous" not in d.qualifiers


def test_a_catalogue_year_month_that_cannot_be_a_range_is_ambiguous() -> None:
    d = parse_date("1985-04")
    assert "ambiguous" in d.qualifiers
    assert d.contains_year(1985)
    assert parse_date("1985-04", form="edtf").qualifiers == ()
    assert parse_date("1985-04-12").earliest == "1985-04-12"  # a full day is a day in any field


LIVES = [
    ("he: 1914 - 2004", (1914, 1914), (2004, 2004), "NGA displaydate"),
    ("c. 1545 - died after 1602", (1540, 1550), (1602, None), "NGA displaydate"),
    ("French, 1813 - in or after 1879", (1813, 1813), (1879, None), "NGA displaydate"),
    ("American, 1890 - unknown", (1890, 1890), None, "NGA displaydate"),
    ("American, 1906–pre-2007", (1906, 1906), (None, 2007), "MoMA ArtistBio"),
    ("American, born Germany 1918", (1918, 1918), None, "MoMA ArtistBio"),
    ("American, born probably 1854", (1854, 1854), None, "NGA displaydate"),
]


@pytest.mark.parametrize(("text", "birth", "death", "source"), LIVES, ids=[x[0] for x in LIVES])
def test_lifespans_with_labels_and_places(text: str, birth: tuple, death: tuple | None, source: str) -> None:
    life = parse_lifespan(text)
    assert (life.birth.earliest_year, life.birth.latest_year) == birth, source
    if death is None:
        assert not life.death.is_known
    else:
        assert (life.death.earliest_year, life.death.latest_year) == death


ACTIVE = [
    ("American, active c. 1935 - active c. 1942", (1930, 1947), "NGA displaydate"),
    ("German, mentioned 1555 - 1583", (1555, 1583), "NGA displaydate"),
    ("British, alive in 1851", (1851, 1851), "NGA displaydate"),
    ("built c. 1685", (1680, 1690), "NGA displaydate (a building's maker)"),
]


@pytest.mark.parametrize(("text", "active", "source"), ACTIVE, ids=[x[0] for x in ACTIVE])
def test_active_spans(text: str, active: tuple, source: str) -> None:
    life = parse_lifespan(text)
    assert (life.active.earliest_year, life.active.latest_year) == active, source
    assert not life.birth.is_known


def test_a_doubtful_death() -> None:
    life = parse_lifespan("French, probably died c. 1850")  # NGA displaydate
    assert (life.death.earliest_year, life.death.latest_year) == (1845, 1855)
    assert "uncertain" in life.death.qualifiers and not life.birth.is_known


def test_active_in_a_place() -> None:
    life = parse_lifespan("active 1959–1964 in Padua, Italy")  # MoMA ArtistBio
    assert (life.active.earliest_year, life.active.latest_year) == (1959, 1964)
    assert not life.birth.is_known


EVENTS = [
    # CMoA creation_date texts with more than one dated event and no comma between them
    ("1991 (produced 1987-91)", [(None, 1991, 1991), ("produced", 1987, 1991)]),
    ("1848 (designed 1847)", [(None, 1848, 1848), ("designed", 1847, 1847)]),
    ("1953 (designed) c. 1977 (manufactured)", [("designed", 1953, 1953), ("manufactured", 1972, 1982)]),
    ("modelled 1884-1887 cast 1912", [("modelled", 1884, 1887), ("cast", 1912, 1912)]),
    ("Project: 1891-1895; Drawn January 25, 1894", [("project", 1891, 1895), (None, 1894, 1894)]),
    # Tate dateText: a later event named by words the parser does not know is not the making
    ("1828, reworked 1837", [(None, 1828, 1828), ("reworked", 1837, 1837)]),
    ("1936, replica 1968", [(None, 1936, 1936), ("replica", 1968, 1968)]),
]


@pytest.mark.parametrize(("text", "events"), EVENTS, ids=[e[0] for e in EVENTS])
def test_events_without_commas(text: str, events: list) -> None:
    found = [(e.event, e.date.earliest_year, e.date.latest_year) for e in parse_date_events(text)]
    assert found == events
