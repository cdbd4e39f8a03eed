"""Structured data (MediaInfo) for a file: captions and statements, as ``wbeditentity`` data."""

from __future__ import annotations

import re
from typing import Any

from glamwiki.model.records import ObjectRecord
from glamwiki.model.rights import COPYRIGHT, PD, RightsDecision
from glamwiki.publishing.creators import caption_credit, creator_statement, qid_of
from glamwiki.publishing.datefields import inception
from glamwiki.publishing.pages import is_untitled, readable_title
from glamwiki.publishing.snaks import item, snak, statement_of
from glamwiki.publishing.vocab import object_type
from glamwiki.publishing.wikitext import clean_text
from glamwiki.publishing.wikitext import language as lang_code
from glamwiki.wikimedia import ids

CAPTION_MAX = 250
_QID = re.compile(r"^Q[1-9]\d*$")
_QID_IN = re.compile(r"(?:wikidata\.org/(?:wiki|entity)/)?(Q[1-9]\d*)$")


def statement(
    prop: str, value: dict[str, Any] | None, qualifiers: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    return statement_of(snak(prop, value), qualifiers)


def string(text: str) -> dict[str, Any]:
    return {"type": "string", "value": text}


def captions(record: ObjectRecord, default_lang: str) -> dict[str, dict[str, str]]:
    """Plain-text captions (https://commons.wikimedia.org/wiki/Commons:File_captions): the title and,
    in English, who made it in words ("after Turner"); never "by British School 18th century"."""
    out: dict[str, dict[str, str]] = {}
    credit = caption_credit(list(record.creators))
    kind = object_type(record)
    for title in record.titles:
        lang = lang_code(title.lang, default_lang)
        text = readable_title(clean_text(title.text)).replace("\n", " ").strip()
        if is_untitled(text):
            text = f"Untitled {kind}" if kind else "Untitled"
        if text and lang not in out:
            caption = f"{text} {credit}" if credit and lang == "en" else text
            out[lang] = {"language": lang, "value": caption[:CAPTION_MAX]}
    return out


def copyright_statement(decision: RightsDecision) -> dict[str, Any] | None:
    """P6216 with its determination method (P459) and always the jurisdiction it applies to (P1001), as
    https://commons.wikimedia.org/wiki/Commons:Structured_data/Modeling/Copyright models a public-domain
    status: the method's jurisdiction when the method has one, else the jurisdictions (UK, US) whose
    status in the rights decision is the one stated."""
    if not (decision.copyright_status and _QID.match(decision.copyright_status)):
        return None
    quals = []
    method = decision.determination_method
    jurisdictions: list[str] = []
    if method and _QID.match(method):
        quals.append(snak(ids.DETERMINATION_METHOD, item(method)))
        jurisdictions = [j for j in (ids.JURISDICTION_OF_METHOD.get(method),) if j]
    for qid in jurisdictions or decided_jurisdictions(decision):
        quals.append(snak(ids.APPLIES_TO_JURISDICTION, item(qid)))
    return statement(ids.COPYRIGHT_STATUS, item(decision.copyright_status), quals)


def decided_jurisdictions(decision: RightsDecision) -> list[str]:
    """The jurisdictions whose status in the decision is the P6216 stated (public domain or copyrighted)."""
    wanted = {ids.PUBLIC_DOMAIN: PD, ids.COPYRIGHTED: COPYRIGHT}.get(decision.copyright_status or "")
    pairs = ((decision.uk_status, ids.UNITED_KINGDOM), (decision.us_status, ids.UNITED_STATES))
    return [qid for status, qid in pairs if wanted and status == wanted]


def rights_to_review(decision: RightsDecision) -> str | None:
    """Why a file must be held for a person to review its rights decision before it is published: a
    public-domain status with no determination method (P459) says nothing checkable about why."""
    if decision.copyright_status != ids.PUBLIC_DOMAIN or decision.determination_method:
        return None
    where = " and ".join(
        q for q in ("the UK" if decision.uk_status == PD else "", "the US" if decision.us_status == PD else "") if q
    )
    return (
        f"rights to review: public domain ({', '.join(decision.templates) or 'no licence tag'}"
        f"{', in ' + where if where else ''}) without a determination method (P459); check the decision "
        "(`glamwiki rights explain`) before uploading"
    )


def collection_of(record: ObjectRecord, collection: str | None) -> str | None:
    """The collection item for P195: the settings' (``[publishing] collection_qid``), else the profile's."""
    for qid in (collection, record.extra.get("collection_qid")):
        if qid and _QID.match(qid):
            return qid
    return None


def structured_data(
    record: ObjectRecord,
    decision: RightsDecision,
    *,
    language: str = "en",
    collection: str | None = None,
    depicts: list[str] | None = None,
) -> dict[str, Any]:
    """``{"labels": captions, "claims": statements}`` for ``wbeditentity``'s ``data``."""
    claims: list[dict[str, Any]] = [s for c in record.creators if (s := creator_statement(c)) is not None]
    seen_depicts: set[str] = set()
    for subject in record.subjects:
        match = _QID_IN.search(subject.id or "")
        if match and match.group(1) not in seen_depicts:
            seen_depicts.add(match.group(1))
            claims.append(statement(ids.DEPICTS, item(match.group(1))))
    for qid in depicts or []:
        if _QID.match(qid) and qid not in seen_depicts:
            seen_depicts.add(qid)
            claims.append(statement(ids.DEPICTS, item(qid)))
    when = inception(record.date)
    if when:
        claims.append(when)
    rights = copyright_statement(decision)
    if rights:
        claims.append(rights)
    if decision.licence and _QID.match(decision.licence):
        claims.append(statement(ids.COPYRIGHT_LICENCE, item(decision.licence)))
    work = qid_of(record.identifiers)
    if work:
        claims.append(statement(ids.DIGITAL_REPRESENTATION_OF, item(work)))
    coll = collection_of(record, collection)
    if coll:
        claims.append(statement(ids.COLLECTION, item(coll)))
    if record.accession_number:
        quals = [snak(ids.COLLECTION, item(coll))] if coll else []
        claims.append(statement(ids.INVENTORY_NUMBER, string(clean_text(record.accession_number)), quals))
    source_quals = []
    if record.url and record.url.startswith(("http://", "https://")):
        source_quals.append(snak(ids.DESCRIBED_AT_URL, string(record.url)))
    if coll:
        source_quals.append(snak(ids.OPERATOR, item(coll)))
    if source_quals:
        claims.append(statement(ids.SOURCE_OF_FILE, item(ids.FILE_AVAILABLE_ON_INTERNET), source_quals))
    return {"labels": captions(record, language), "claims": claims}


def properties_in(data: dict[str, Any]) -> set[str]:
    return {c["mainsnak"]["property"] for c in data.get("claims", [])}
