# ruff: noqa: E501
"""Records for the 36 worked cases of the copyright rules (evaluated 1 Jan 2026)."""

from __future__ import annotations

from glamwiki.model.dates import DateInterval
from glamwiki.model.records import (
    FORM_2D,
    FORM_3D,
    FORM_PHOTOGRAPH,
    FORM_SOUND,
    FORM_TEXT,
    UNKNOWN_AGENT,
    CreatorRef,
    ObjectRecord,
)

AS_OF = "2026-01-01"


def years(lo: int, hi: int | None = None) -> DateInterval:
    hi = lo if hi is None else hi
    return DateInterval(text=f"{lo}-{hi}", earliest=f"{lo:04d}-01-01", latest=f"{hi:04d}-12-31")


def person(name: str = "Ann Artist", died: int | None = None, born: int | None = None) -> CreatorRef:
    return CreatorRef(
        name=name,
        death=years(died) if died else DateInterval(),
        birth=years(born) if born else DateInterval(),
    )


ANON = CreatorRef(name="Unknown artist", kind=UNKNOWN_AGENT)
ANON_PHOTO = CreatorRef(name="Unknown photographer", kind=UNKNOWN_AGENT)


def work(
    made: DateInterval,
    creators: list[CreatorRef],
    form: str = FORM_2D,
    medium: str | None = "Oil paint on canvas",
    object_type: str | None = "painting",
    rights: str | None = None,
) -> ObjectRecord:
    return ObjectRecord(
        id="case", creators=creators, date=made, form=form, medium=medium, object_type=object_type,
        rights_statement=rights,
    )  # fmt: skip


def photo(made: DateInterval, creators: list[CreatorRef], rights: str | None = None) -> ObjectRecord:
    return work(made, creators, FORM_PHOTOGRAPH, "Gelatin silver print", "photograph", rights)


def text(made: DateInterval, creators: list[CreatorRef]) -> ObjectRecord:
    return work(made, creators, FORM_TEXT, "ink on paper", "manuscript")


PRINT = {"medium": "Engraving on paper", "object_type": "print"}

# id -> (record, curator facts, expected)
# expected: decision, uk status, us status, and optionally templates (exact), contains, recheck, missing
CASES: dict[str, tuple[ObjectRecord, dict[str, str], dict]] = {
    "01-painting-d1900": (work(years(1880), [person(died=1900)]), {},
        {"decision": "upload", "uk": "pd", "us": "pd", "templates": ["{{PD-Art|PD-old-auto-expired|deathyear=1900}}"]}),
    "02-painting-d1955-book-1925": (work(years(1920), [person(died=1955)]), {"publication_year": "1925"},
        {"decision": "upload", "uk": "pd", "us": "pd", "uk_expires": 2025,
         "templates": ["{{PD-Art|PD-old-auto-expired|deathyear=1955}}"]}),
    "03-painting-d1956": (work(years(1930), [person(died=1956)]), {},
        {"decision": "block", "uk": "copyright", "uk_expires": 2026, "recheck": "2027-01-01"}),
    "04-canvas-d1960-unpublished": (work(years(1950), [person(died=1960)]), {"published": "no"},
        {"decision": "block", "uk": "copyright", "us": "copyright", "uk_expires": 2030, "us_expires": 2030,
         "recheck": "2031-01-01"}),
    "05-painting-d1950-catalogue-1935": (work(years(1930), [person(died=1950)]), {"publication_year": "1935"},
        {"decision": "block", "uk": "pd", "us": "copyright", "us_expires": 2030, "recheck": "2031-01-01"}),
    "06-drawing-d1890-unpublished": (
        work(years(1870), [person(died=1890)], medium="Graphite on paper", object_type="drawing"), {"published": "no"},
        {"decision": "upload", "uk": "pd", "us": "pd", "templates": ["{{PD-Art|PD-old-100}}", "{{PD-US-unpublished}}"]}),
    "07-anonymous-watercolour-c1850": (
        work(years(1840, 1860), [ANON], medium="Watercolour on paper", object_type="drawing"), {"published": "no"},
        {"decision": "block", "uk": "copyright", "us": "pd", "uk_expires": 2039, "recheck": "2040-01-01"}),
    "08-engraving-1790-d1800": (work(years(1790), [person(died=1800)], **PRINT), {"publication_year": "1790"},
        {"decision": "upload", "uk": "pd", "us": "pd", "templates": ["{{PD-Art|PD-old-auto-expired|deathyear=1800}}"]}),
    "09-unpublished-engraving-proof-d1800": (work(years(1795), [person(died=1800)], **PRINT), {"published": "no"},
        {"decision": "block", "uk": "copyright", "us": "pd", "uk_expires": 2039, "recheck": "2040-01-01"}),
    "10-letter-1880-d1900-unpublished": (text(years(1880), [person(died=1900)]), {"published": "no"},
        {"decision": "block", "uk": "copyright", "us": "pd", "uk_expires": 2039, "recheck": "2040-01-01"}),
    "11-diary-1940-d1975-unpublished": (text(years(1940), [person(died=1975)]), {"published": "no"},
        {"decision": "block", "uk": "copyright", "us": "copyright", "uk_expires": 2045, "us_expires": 2045,
         "recheck": "2046-01-01"}),
    "12-book-1880-d1890-scan": (text(years(1880), [person(died=1890)]), {"publication_year": "1880"},
        {"decision": "upload", "uk": "pd", "us": "pd", "templates": ["{{PD-scan|PD-old-auto-expired|deathyear=1890}}"]}),
    "13-photo-1920-unknown-unpublished": (photo(years(1920), [ANON_PHOTO]), {"published": "no", "enquiry_recorded": "yes"},
        {"decision": "block", "uk": "pd", "us": "copyright", "us_expires": 2040, "recheck": "2041-01-01"}),
    "14-photo-1920-unknown-newspaper-1921": (photo(years(1920), [ANON_PHOTO]), {"publication_year": "1921"},
        {"decision": "upload", "uk": "pd", "us": "pd", "uk_expires": 1991,
         "templates": ["{{PD-UK-unknown}}", "{{PD-US-expired}}"]}),
    "15-anonymous-photo-published-1955": (photo(years(1955), [ANON_PHOTO]), {"publication_year": "1955"},
        {"decision": "block", "uk": "pd", "us": "copyright", "uk_expires": 2025, "us_expires": 2050}),
    "16-anonymous-photo-1965-unpublished": (photo(years(1965), [ANON_PHOTO]), {"published": "no"},
        {"decision": "block", "uk": "copyright", "us": "copyright", "uk_expires": 2039, "us_expires": 2085}),
    "17-photo-1930-d1940-published-1930": (photo(years(1930), [person(died=1940)]), {"publication_year": "1930"},
        {"decision": "upload", "uk": "pd", "us": "pd", "templates": ["{{PD-old-auto-expired|deathyear=1940}}"]}),
    "18-photo-1950-d1980-published-1950": (photo(years(1950), [person(died=1980)]), {"publication_year": "1950"},
        {"decision": "block", "uk": "copyright", "us": "copyright", "uk_expires": 2050, "us_expires": 2045,
         "recheck": "2051-01-01"}),
    "19-photo-1935-d1980-revival": (photo(years(1935), [person(died=1980)]), {"publication_year": "1935"},
        {"decision": "review", "uk": "unknown", "missing": "legal:photo-revival"}),
    "20-hmso-report-1950": (text(years(1950), [CreatorRef(name="HMSO")]), {"publication_year": "1950"},
        {"decision": "upload", "uk": "pd", "us": "pd", "contains": "PD-UKGov", "flag": "HMSO"}),
    "21-crown-letter-1950-unpublished": (text(years(1950), [person("A Civil Servant")]),
        {"authorship": "crown", "published": "no"},
        {"decision": "block", "uk": "copyright", "uk_expires": 2075}),
    "22-ministry-of-information-photo-1944": (photo(years(1944), [CreatorRef(name="Ministry of Information")]), {},
        {"decision": "upload", "uk": "pd", "us": "pd", "templates": ["{{PD-UKGov}}"]}),
    "23-crown-report-1980-ogl": (text(years(1980), [CreatorRef(name="HMSO")]),
        {"publication_year": "1980", "rights_statement": "Open Government Licence v3.0"},
        {"decision": "upload", "uk": "copyright", "uk_expires": 2030, "templates": ["{{OGL3}}"]}),
    "24-anonymous-pamphlet-1950": (text(years(1950), [ANON]), {"publication_year": "1950"},
        {"decision": "block", "uk": "pd", "us": "copyright", "uk_expires": 2020, "us_expires": 2045}),
    "25-us-book-1925-d1960": (text(years(1925), [person(died=1960)]), {"publication_year": "1925", "country_of_origin": "US"},
        {"decision": "upload", "uk": "pd", "us": "pd", "contains": "PD-US-expired"}),
    "26-nasa-photo-1969": (photo(years(1969), [CreatorRef(name="NASA")]), {"country_of_origin": "US"},
        {"decision": "upload", "uk": "pd", "us": "pd", "templates": ["{{PD-USGov-NASA}}"]}),
    "27-uk-78rpm-1924-composer-d1934": (
        work(years(1924), [person("A Composer", died=1934)], FORM_SOUND, "shellac disc", "sound recording"),
        {"publication_year": "1924"},
        {"decision": "upload", "uk": "pd", "us": "pd",
         "templates": ["{{PD-US-record-expired}}", "{{PD-old-auto-expired|deathyear=1934}}"]}),
    "28-uk-recording-1963": (work(years(1963), [ANON], FORM_SOUND, "vinyl disc", "sound recording"),
        {"publication_year": "1963"},
        {"decision": "block", "uk": "copyright", "us": "copyright", "uk_expires": 2033, "us_expires": 2067}),
    "29-glam-photo-of-bust-d1850-cc-by-sa": (
        work(years(1840), [person("A Sculptor", died=1850)], FORM_3D, "Marble", "sculpture",
             "https://creativecommons.org/licenses/by-sa/4.0/"), {},
        {"decision": "upload", "uk": "pd", "us": "pd",
         "templates": ["{{Cc-by-sa-4.0}}", "{{PD-old-auto-expired|deathyear=1850}}"]}),
    "30-modern-photo-cc-by-nc": (photo(years(2020), [person("A Photographer", born=1980)], "CC BY-NC 4.0"), {},
        {"decision": "block", "uk": "copyright"}),
    "31-third-party-photo-of-1890-painting-nc": (work(years(1890), [person(died=1895)], rights="© Gallery, CC BY-NC"), {},
        {"decision": "upload", "uk": "pd", "us": "pd", "templates": ["{{PD-Art|PD-old-auto-expired|deathyear=1895}}"],
         "flag": "NC/ND"}),
    "32-inc-ruu-photo-c1970": (photo(years(1968, 1972), [ANON_PHOTO],
                                     "http://rightsstatements.org/vocab/InC-RUU/1.0/"), {},
        {"decision": "block"}),
    "33-noc-us-anonymous-photo-1925": (photo(years(1925), [ANON_PHOTO], "http://rightsstatements.org/vocab/NoC-US/1.0/"),
        {"publication_year": "1925"},
        {"decision": "upload", "uk": "pd", "us": "pd", "templates": ["{{PD-UK-unknown}}", "{{PD-US-expired}}"]}),
    "34-pdm-1890-print-no-creator": (work(years(1890), [], rights="https://creativecommons.org/publicdomain/mark/1.0/",
                                          **PRINT), {},
        {"decision": "review", "uk": "unknown"}),
    "35-named-author-death-unknown-published-1900": (text(years(1900), [person("A Writer")]), {"publication_year": "1900"},
        {"decision": "review", "uk": "unknown", "us": "pd", "missing": "creator_death_year"}),
    "36-orphan-photo-ipo-licence": (photo(years(1960), [ANON_PHOTO], "IPO orphan works licence OWLS000123"), {},
        {"decision": "block"}),
}  # fmt: skip
