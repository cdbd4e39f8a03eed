"""Structured data (MediaInfo) for a file: captions and statements, as ``wbeditentity`` data."""

from __future__ import annotations

import re
from typing import Any

from glamwiki.model.dates import DateInterval
from glamwiki.model.records import ObjectRecord
from glamwiki.model.rights import RightsDecision
from glamwiki.publishing import ids
from glamwiki.publishing.pages import qid_of
from glamwiki.publishing.wikitext import clean_text
from glamwiki.publishing.wikitext import language as lang_code

CAPTION_MAX = 250
_QID = re.compile(r"^Q[1-9]\d*$")
_QID_IN = re.compile(r"(?:wikidata\.org/(?:wiki|entity)/)?(Q[1-9]\d*)$")


def item(qid: str) -> dict[str, Any]:
    return {"type": "wikibase-entityid", "value": {"entity-type": "item", "numeric-id": int(qid[1:]), "id": qid}}


def snak(prop: str, value: dict[str, Any] | None) -> dict[str, Any]:
    if value is None:
        return {"snaktype": "somevalue", "property": prop}
    return {"snaktype": "value", "property": prop, "datavalue": value}


def statement(prop: str, value: dict[str, Any] | None, qualifiers: list[dict[str, Any]] | None = None) -> dict:
    out: dict[str, Any] = {"mainsnak": snak(prop, value), "type": "statement", "rank": "normal"}
    if qualifiers:
        out["qualifiers"] = {q["property"]: [q] for q in qualifiers}
    return out


def string(text: str) -> dict[str, Any]:
    return {"type": "string", "value": text}


def time_value(interval: DateInterval) -> dict[str, Any] | None:
    lo, hi = interval.earliest_year, interval.latest_year
    if lo is None or hi is None:
        return None
    if lo == hi:
        if interval.earliest and interval.earliest == interval.latest and len(interval.earliest.lstrip("-")) == 10:
            return _time(interval.earliest.lstrip("-"), ids.PRECISION_DAY, negative=interval.earliest.startswith("-"))
        return _time(f"{abs(lo):04d}-00-00", ids.PRECISION_YEAR, negative=lo < 0)
    if lo // 10 == hi // 10 and lo % 10 == 0 and hi % 10 == 9:
        return _time(f"{abs(lo):04d}-00-00", ids.PRECISION_DECADE, negative=lo < 0)
    if (lo - 1) // 100 == (hi - 1) // 100 and lo % 100 == 1 and hi % 100 == 0:
        return _time(f"{abs(hi):04d}-00-00", ids.PRECISION_CENTURY, negative=lo < 0)
    return None


def _time(date: str, precision: int, *, negative: bool) -> dict[str, Any]:
    sign = "-" if negative else "+"
    return {
        "type": "time",
        "value": {
            "time": f"{sign}{date}T00:00:00Z",
            "timezone": 0,
            "before": 0,
            "after": 0,
            "precision": precision,
            "calendarmodel": ids.GREGORIAN,
        },
    }


def captions(record: ObjectRecord, default_lang: str) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for title in record.titles:
        lang = lang_code(title.lang, default_lang)
        text = clean_text(title.text).replace("\n", " ").strip()
        if text and lang not in out:
            creator = next((c.name for c in record.creators if c.name), "")
            caption = f"{text} by {creator}" if creator and lang == "en" else text
            out[lang] = {"language": lang, "value": caption[:CAPTION_MAX]}
    return out


def structured_data(
    record: ObjectRecord, decision: RightsDecision, *, language: str = "en", collection: str | None = None
) -> dict[str, Any]:
    """``{"labels": captions, "claims": statements}`` for ``wbeditentity``'s ``data``."""
    claims: list[dict[str, Any]] = []
    for creator in record.creators:
        qid = qid_of(creator.identifiers)
        if qid:
            claims.append(statement(ids.CREATOR, item(qid)))
        elif creator.name:
            claims.append(
                statement(ids.CREATOR, None, [snak(ids.AUTHOR_NAME_STRING, string(clean_text(creator.name)[:400]))])
            )
    for subject in record.subjects:
        match = _QID_IN.search(subject.id or "")
        if match:
            claims.append(statement(ids.DEPICTS, item(match.group(1))))
    when = time_value(record.date)
    if when:
        claims.append(statement(ids.INCEPTION, when))
    if decision.copyright_status and _QID.match(decision.copyright_status):
        method = decision.determination_method
        quals = [snak(ids.DETERMINATION_METHOD, item(method))] if method and _QID.match(method) else []
        claims.append(statement(ids.COPYRIGHT_STATUS, item(decision.copyright_status), quals))
    if decision.licence and _QID.match(decision.licence):
        claims.append(statement(ids.COPYRIGHT_LICENCE, item(decision.licence)))
    if collection and _QID.match(collection):
        claims.append(statement(ids.COLLECTION, item(collection)))
    if record.accession_number:
        quals = [snak(ids.COLLECTION, item(collection))] if collection and _QID.match(collection) else []
        claims.append(statement(ids.INVENTORY_NUMBER, string(clean_text(record.accession_number)), quals))
    source_quals = []
    if record.url and record.url.startswith(("http://", "https://")):
        source_quals.append(snak(ids.DESCRIBED_AT_URL, string(record.url)))
    if collection and _QID.match(collection):
        source_quals.append(snak(ids.OPERATOR, item(collection)))
    if source_quals:
        claims.append(statement(ids.SOURCE_OF_FILE, item(ids.FILE_AVAILABLE_ON_INTERNET), source_quals))
    return {"labels": captions(record, language), "claims": claims}


def properties_in(data: dict[str, Any]) -> set[str]:
    return {c["mainsnak"]["property"] for c in data.get("claims", [])}
