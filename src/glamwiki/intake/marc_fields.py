"""MARC 21 bibliographic fields to the record model (shared by binary MARC and MARCXML).

Field meanings follow the Library of Congress "MARC 21 Format for Bibliographic Data".
"""

from __future__ import annotations

import re
from typing import Any

from pymarc import Field, Record

from glamwiki.dates import parse_date
from glamwiki.intake.names import agent_kind, invert_name
from glamwiki.intake.transforms import qid
from glamwiki.model.dates import UNKNOWN, DateInterval
from glamwiki.model.records import (
    FORM_2D,
    FORM_3D,
    FORM_MOVING_IMAGE,
    FORM_SOUND,
    FORM_TEXT,
    IMAGE_IIIF,
    IMAGE_URL,
    ORGANISATION,
    CreatorRef,
    ImageRef,
    Subject,
    Title,
)

# Leader/06 "type of record" -> (object type as words, form)
RECORD_TYPES = {
    "a": ("language material", FORM_TEXT), "c": ("notated music", FORM_TEXT),
    "d": ("manuscript notated music", FORM_TEXT), "e": ("cartographic material", FORM_2D),
    "f": ("manuscript cartographic material", FORM_2D), "g": ("projected medium", FORM_MOVING_IMAGE),
    "i": ("nonmusical sound recording", FORM_SOUND), "j": ("musical sound recording", FORM_SOUND),
    "k": ("two-dimensional nonprojectable graphic", FORM_2D), "m": ("computer file", None),
    "o": ("kit", None), "p": ("mixed materials", None),
    "r": ("three-dimensional artifact or naturally occurring object", FORM_3D),
    "t": ("manuscript language material", FORM_TEXT),
}  # fmt: skip
UNPUBLISHED_TYPES = {"d", "f", "t"}  # manuscripts
_TRAILING = re.compile(r"[\s/:;,.=]+$")
_IMAGE_EXT = re.compile(r"\.(jpe?g|png|tiff?|gif|jp2|webp)(\?.*)?$", re.IGNORECASE)
_OCLC = re.compile(r"^\(OCoLC\)\D*(\d+)")


def tidy(value: str | None) -> str | None:
    """MARC values end in ISBD punctuation ("Pride and prejudice /"): strip it."""
    if value is None:
        return None
    text = _TRAILING.sub("", value.strip())
    return text.rstrip(".").strip() if not text.endswith(("Jr.", "Sr.", "etc.")) else text


def sub(field: Field | None, code: str) -> str | None:
    if field is None:
        return None
    values = field.get_subfields(code)
    return values[0] if values else None


def subs(field: Field, codes: str) -> str:
    return " ".join(v for c in codes for v in field.get_subfields(c))


def first(record: Record, *tags: str) -> Field | None:
    for tag in tags:
        fields = record.get_fields(tag)
        if fields:
            return fields[0]
    return None


def control_id(record: Record) -> str | None:
    field = first(record, "001")
    if field is not None and field.data and field.data.strip():
        return field.data.strip()
    for f in record.get_fields("035"):
        value = sub(f, "a")
        if value:
            return value.strip()
    return None


def identifiers(record: Record) -> dict[str, str]:
    out: dict[str, str] = {}
    for tag, scheme in (("020", "isbn"), ("022", "issn"), ("010", "lccn")):
        value = sub(first(record, tag), "a")
        if value:
            out[scheme] = value.split(" ")[0].strip()
    for f in record.get_fields("035"):
        m = _OCLC.match(sub(f, "a") or "")
        if m:
            out["oclc"] = m[1]
    return out


def titles(record: Record) -> list[Title]:
    out = []
    main = first(record, "245")
    if main is not None:
        text = tidy(subs(main, "abnp"))
        if text:
            out.append(Title(text))
    for f in record.get_fields("130", "240", "246"):
        text = tidy(subs(f, "abnp"))
        if text:
            out.append(Title(text, kind="alternative"))
    return out


def creators(record: Record, circa: int) -> list[CreatorRef]:
    out = []
    for f in record.get_fields("100", "110", "111", "700", "710", "711"):
        raw = tidy(subs(f, "abc") if f.tag.endswith("00") else subs(f, "ab"))
        if not raw:
            continue
        name = invert_name(raw) if f.tag.endswith("00") and f.indicator1 == "1" else raw
        role = tidy(sub(f, "e")) or sub(f, "4")
        life = parse_life(sub(f, "d"), circa)
        kind = ORGANISATION if not f.tag.endswith("00") else agent_kind(name)
        ids = authority_ids(f)
        out.append(CreatorRef(name=name, role=role, kind=kind, birth=life[0], death=life[1], identifiers=ids))
    return out


def parse_life(text: str | None, circa: int) -> tuple[DateInterval, DateInterval]:
    from glamwiki.dates import parse_lifespan

    if not text:
        return UNKNOWN, UNKNOWN
    life = parse_lifespan(tidy(text), circa)
    return life.birth, life.death


def authority_ids(field: Field) -> dict[str, str]:
    """$0/$1 authority links: VIAF, LC names, Wikidata, ISNI."""
    out: dict[str, str] = {}
    for value in field.get_subfields("0", "1"):
        low = value.lower()
        if "viaf.org" in low or low.startswith("(viaf)"):
            out["viaf"] = re.sub(r"\D", "", value.rsplit("/", 1)[-1]) or value
        elif "wikidata.org" in low and qid(value):
            out["wikidata"] = qid(value) or value
        elif "id.loc.gov" in low or low.startswith("(dlc)"):
            out["lcnaf"] = value.rstrip("/").rsplit("/", 1)[-1].replace("(DLC)", "").strip()
        elif "isni" in low:
            out["isni"] = re.sub(r"\D", "", value)
    return out


def publication(record: Record, circa: int) -> tuple[DateInterval, str | None]:
    """The publication (or production) date and the place/publisher text, from 264, 260 or 008."""
    for f in record.get_fields("264", "260"):
        if f.tag == "264" and f.indicator2 not in ("1", " ", "0"):
            continue
        raw = tidy(sub(f, "c"))
        if raw:
            return parse_date(raw.strip("[]"), circa), tidy(subs(f, "ab"))
    return fixed_date(record), None


def fixed_date(record: Record) -> DateInterval:
    """008/06-14: type of date, Date 1 and Date 2 ("u" digits unknown)."""
    field = first(record, "008")
    data = field.data if field is not None and field.data else ""
    if len(data) < 15:
        return UNKNOWN
    kind, one, two = data[6], data[7:11], data[11:15]
    if not re.fullmatch(r"[0-9u]{4}", one) or one == "uuuu":
        return UNKNOWN
    lo = int(one.replace("u", "0"))
    hi = int(one.replace("u", "9"))
    if kind in "ikmq" and re.fullmatch(r"[0-9u]{4}", two) and two not in ("9999", "uuuu"):
        hi = int(two.replace("u", "9"))
    return DateInterval(text=data[6:15], earliest=f"{lo:04d}-01-01", latest=f"{max(lo, hi):04d}-12-31")


def subjects(record: Record) -> list[Subject]:
    out = []
    for f in record.get_fields("600", "610", "611", "630", "650", "651", "655"):
        text = tidy(" -- ".join(v for v in (subs(f, "abcdq"), *f.get_subfields("x", "y", "z")) if v))
        if not text:
            continue
        kind = {"600": "person", "651": "place"}.get(f.tag, "topic")
        out.append(Subject(text, kind=kind, id=sub(f, "0")))
    return out


def links(record: Record) -> tuple[list[ImageRef], str | None]:
    """856 electronic locations: image files and IIIF services, and the first other link."""
    images: list[ImageRef] = []
    page = None
    for f in record.get_fields("856"):
        for url in f.get_subfields("u"):
            if "/iiif/" in url.lower() or url.endswith("info.json"):
                images.append(ImageRef(IMAGE_IIIF, url.removesuffix("/info.json"), label=sub(f, "3")))
            elif _IMAGE_EXT.search(url):
                images.append(ImageRef(IMAGE_URL, url, label=sub(f, "3")))
            elif page is None:
                page = url
    return images, page


def notes(record: Record, tags: str) -> str | None:
    values = [tidy(subs(f, "abcdu")) for tag in tags.split() for f in record.get_fields(tag)]
    return "; ".join(v for v in values if v) or None


def languages(record: Record) -> list[str]:
    found = [v for f in record.get_fields("041") for v in f.get_subfields("a")]
    if not found:
        field = first(record, "008")
        code = field.data[35:38] if field is not None and field.data and len(field.data) >= 38 else ""
        found = [code] if code.strip() and code not in ("   ", "|||", "zxx", "und") else []
    return found


def type_of(record: Record) -> tuple[str | None, str | None, bool | None]:
    code = str(record.leader)[6] if len(str(record.leader)) > 6 else ""
    words, form = RECORD_TYPES.get(code, (None, None))
    return words, form, (False if code in UNPUBLISHED_TYPES else None)


def extra(record: Record) -> dict[str, Any]:
    out = {}
    for tag, name in (("542", "copyright_information"), ("561", "provenance"), ("541", "acquisition"),
                      ("506", "access_restrictions"), ("250", "edition"), ("300", "extent")):  # fmt: skip
        value = notes(record, tag)
        if value:
            out[name] = value
    return out
