"""Parts of a TEI msDesc: titles, authors, origin dates and dimensions."""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from glamwiki.dates import parse_date
from glamwiki.dates.spans import sort_key
from glamwiki.intake.authorities import authority_ids
from glamwiki.intake.names import agent_kind, split_attribution
from glamwiki.intake.xmldates import bounded
from glamwiki.intake.xmlsafe import XML_LANG, text_of
from glamwiki.model.dates import UNKNOWN, DateInterval
from glamwiki.model.records import CreatorRef, Dimensions, Title

TEI = "http://www.tei-c.org/ns/1.0"
_AH = re.compile(r"\b(?:a\.?\s?h\b|hijri\b)", re.IGNORECASE)
NS = {"tei": TEI}
MAX_ITEM_TITLES = 10


def titles(tei: Element, ms: Element) -> list[Title]:
    out: list[Title] = []
    for t in tei.iterfind("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title", NS):
        if t.get("type") not in ("collection", "sub") and text_of(t):
            out.append(Title(text_of(t) or "", t.get(XML_LANG), "main" if not out else "alternative"))
    for t in ms.iterfind(".//tei:msItem/tei:title", NS):
        text = text_of(t)
        if text and len(out) < MAX_ITEM_TITLES and all(o.text != text for o in out):
            out.append(Title(text, t.get(XML_LANG), "main" if not out else "alternative"))
    return out


def creators(ms: Element) -> list[CreatorRef]:
    out: dict[str, CreatorRef] = {}
    for a in ms.iterfind(".//tei:msItem/tei:author", NS):
        raw = text_of(a)
        if not raw or raw in out:
            continue
        attribution, name = split_attribution(raw)
        ids = authority_ids([v for v in (a.get("ref") or "").split() if v])
        if a.get("key"):
            ids["key"] = a.get("key") or ""
        out[raw] = CreatorRef(name=name, role="author", attribution=attribution, kind=agent_kind(name),
                              identifiers=ids)  # fmt: skip
    return list(out.values())


def origin_date(ms: Element, circa: int) -> DateInterval:
    """The span of every Gregorian origDate in the description (its parts included); a Hijri
    origDate ("1146 A.H.", "20 Ramaḍān 960") counts in Common Era years when no Gregorian one is given."""
    found: list[DateInterval] = []
    texts: list[str] = []
    hijri: list[DateInterval] = []
    for d in ms.iterfind(".//tei:origin/tei:origDate", NS):
        calendar = (d.get("calendar") or "gregorian").lower().lstrip("#")
        text = text_of(d)
        if calendar == "hijri" and text:
            hijri.append(parse_date(text if _AH.search(text) else f"{text} AH", circa))
        if calendar != "gregorian":
            continue
        low = d.get("when") or d.get("notBefore") or d.get("from")
        high = d.get("when") or d.get("notAfter") or d.get("to")
        interval = bounded(text, low, high, circa)
        if text:
            texts.append(text)
        if interval.is_known:
            found.append(interval)
    if not found and any(h.is_known for h in hijri):
        found = [h for h in hijri if h.is_known]
        texts = [h.text for h in found]
    if not found:
        return DateInterval(text=texts[0]) if texts else UNKNOWN
    lo = min((i.earliest for i in found if i.earliest), key=sort_key, default=None)
    hi = max((i.latest for i in found if i.latest), key=sort_key, default=None)
    return DateInterval(text="; ".join(dict.fromkeys(texts)), earliest=lo, latest=hi)


def dimensions(ms: Element) -> Dimensions | None:
    dims = ms.find(".//tei:extent/tei:dimensions", NS)
    if dims is None:
        return None
    values: dict[str, float] = {}
    for key in ("height", "width", "depth"):
        v = _number(text_of(dims.find(f"tei:{key}", NS)))
        if v is not None:
            values[key] = v
    parts = [f"{text_of(d)}" for d in dims if text_of(d)]
    unit = dims.get("unit")
    text = " × ".join(parts) + (f" {unit}" if unit and parts and not any(unit in p for p in parts) else "")
    return Dimensions(text=text, unit=unit, **values) if text or values else None


def _number(text: str | None) -> float | None:
    try:
        return float(text) if text else None
    except ValueError:
        return None
