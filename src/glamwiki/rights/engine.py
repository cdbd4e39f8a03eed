"""The rights engine: an object record (with its creators' Person records and any facts a curator
supplied) and an evaluation date in, a RightsDecision out. Pure: no store, no network."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from glamwiki.model.records import ObjectRecord, Person
from glamwiki.model.rights import BLOCK, COPYRIGHT, PD, REVIEW, UPLOAD, Reason, RightsDecision
from glamwiki.rights import statements as st
from glamwiki.rights.facts import CROWN, FAITHFUL_2D, NAMED, PHOTO_3D, SCAN, WorkFacts, work_facts
from glamwiki.rights.reasons import fact_label, layer_reasons, work_reasons
from glamwiki.rights.rules import Settings, cite, default_settings
from glamwiki.rights.scenarios import Evaluation, evaluate
from glamwiki.rights.templates import pd_templates, wikidata_values

_YES = ("yes", "true", "1", "y")


def assess(
    record: ObjectRecord,
    as_of: date | str,
    *,
    persons: Mapping[str, Person] | None = None,
    facts: Mapping[str, str] | None = None,
    settings: Settings | None = None,
    dataset: str = "",
) -> RightsDecision:
    day = as_of if isinstance(as_of, date) else date.fromisoformat(as_of)
    settings = settings or default_settings()
    facts = facts or {}
    wf = work_facts(record, persons or {}, facts, settings)
    ev = evaluate(wf, day.year, settings.publication_horizon)
    statement = st.parse_statement(facts.get("rights_statement") or record.rights_statement or _image_rights(record))
    repro_licence = st.parse_statement(facts.get("reproduction_licence")) if facts.get("reproduction_licence") else None
    d = RightsDecision(dataset=dataset, record_id=record.id, as_of=day.isoformat(), decision=REVIEW)
    d.reasons = work_reasons(wf, settings) + layer_reasons("uk", ev.uk, day.year) + layer_reasons("us", ev.us, day.year)
    d.uk_status, d.uk_expires = ev.uk.status, ev.uk.expiry
    d.us_status, d.us_expires = ev.us.status, ev.us.expiry
    _combine(d, wf, ev, statement, repro_licence, facts, day.year)
    d.recheck_on = _recheck(ev, day.year)
    return d


def _image_rights(record: ObjectRecord) -> str | None:
    return next((i.rights for i in record.images if i.rights), None)


def _combine(d, wf, ev, statement, repro_licence, facts, year) -> None:  # type: ignore[no-untyped-def]
    """Layers (c) reproduction, (d) licence or rights statement and (e) other restrictions."""
    if statement.kind == st.RIGHTS_STATEMENT and statement.action == "us-pd":
        d.us_status, d.us_expires = PD, None
        d.reasons.append(
            Reason("The institution states the work is PD in the US (NoC-US)", cite("rightsstatements"), "us")
        )
    uk, us = d.uk_status, d.us_status
    if _blocked_by_statement(d, statement, facts):
        return
    pd_both = uk == PD and us == PD
    in_copyright = COPYRIGHT in (uk, us)
    d.copyright_status, d.determination_method = wikidata_values(wf, ev, pd_both, in_copyright, year)
    if pd_both:
        _pd_route(d, wf, ev, statement, repro_licence, facts, year)
    elif statement.kind == st.FREE and _holder_licensed(wf, statement, facts):
        _licensed(d, statement)
    elif in_copyright:
        d.decision = BLOCK
        layer = "UK" if uk == COPYRIGHT else "US"
        d.reasons.append(
            Reason(
                f"In copyright in the {layer} and no free licence from the rights holder",
                cite("commons_licensing"),
                "licence",
            )
        )
        if statement.kind == st.FREE:
            d.missing_facts = ["licensor_holds_rights"]
            d.flags.append("free licence given, but not shown to come from the rights holder")
    else:
        _review(d, ev.missing, statement)


def _blocked_by_statement(d: RightsDecision, statement: st.Statement, facts: Mapping[str, str]) -> bool:
    if statement.kind == st.ORPHAN_LICENCE:
        d.decision = BLOCK
        d.reasons.append(
            Reason(
                "An IPO orphan works licence is UK-only and time-limited: not a free licence", cite("orphan"), "licence"
            )
        )
        return True
    if statement.kind == st.RIGHTS_STATEMENT and statement.action == "block":
        d.decision = BLOCK
        text = f"Rights statement {statement.code}: in copyright" + (
            " (orphan or rights holder unknown)" if statement.code in ("InC-RUU", "InC-OW-EU") else ""
        )
        d.reasons.append(
            Reason(
                text + "; Commons needs a free licence from the holder",
                cite("rightsstatements") + "; " + cite("precautionary"),
                "licence",
            )
        )
        return True
    return False


def _pd_route(d, wf: WorkFacts, ev: Evaluation, statement, repro_licence, facts, year) -> None:  # type: ignore[no-untyped-def]
    photo_licence = repro_licence or (statement if wf.reproduction == PHOTO_3D else None)
    free_photo = photo_licence is not None and photo_licence.kind == st.FREE
    glam_licence = statement.template if statement.kind == st.FREE and wf.reproduction != PHOTO_3D else None
    d.templates = pd_templates(wf, ev, year, photo_licence.template if free_photo else glam_licence)
    if wf.reproduction == PHOTO_3D:
        d.reasons.append(
            Reason(
                "A photograph of a 3D object has its own copyright: the photographer's licence is needed",
                cite("reproduction_3d"),
                "reproduction",
            )
        )
        if not free_photo:
            if photo_licence is not None and photo_licence.kind == st.NON_FREE:
                d.decision = BLOCK
                d.reasons.append(
                    Reason(
                        f"The photograph's licence ({photo_licence.code}) is NC/ND: not accepted",
                        cite("commons_licensing"),
                        "licence",
                    )
                )
            else:
                _review(d, ["reproduction_licence"], statement)
            return
        d.licence = photo_licence.licence_qid
    elif wf.reproduction in (FAITHFUL_2D, SCAN):
        d.reasons.append(
            Reason(
                "A faithful reproduction of a PD 2D work adds no new copyright (PD-Art / PD-scan route)",
                cite("reproduction_2d"),
                "reproduction",
            )
        )
    if wf.reproduction != PHOTO_3D:
        if statement.kind == st.NON_FREE:
            d.flags.append(
                "NC/ND licence ignored: faithful reproduction of a PD work (check no contract binds the institution)"
            )
        if statement.kind == st.COPYRIGHT_NOTICE and not statement.claims_work:
            d.flags.append("copyright claimed in the reproduction only: ignored under PD-Art")
        if glam_licence:
            d.licence = statement.licence_qid
    d.decision = UPLOAD
    if wf.authorship == CROWN:
        d.flags.append("US side relies on the HMSO 2005 policy statement ({{PD-UKGov}}), not a statute")
    _statement_caveats(d, statement, facts)


def _statement_caveats(d: RightsDecision, statement: st.Statement, facts: Mapping[str, str]) -> None:
    """A PD work whose statement adds a contract, other restrictions or a conflicting claim."""
    why, fact = "", ""
    if (
        statement.kind == st.RIGHTS_STATEMENT
        and statement.action == "contract"
        and facts.get("contract_allows_upload", "").lower() not in _YES
    ):
        why, fact = f"{statement.code}: PD, but the institution may be bound by a contract", "contract_allows_upload"
    elif (
        statement.kind == st.RIGHTS_STATEMENT
        and statement.action == "other-restrictions"
        and facts.get("other_restrictions_checked", "").lower() not in _YES
    ):
        why, fact = (
            "NoC-OKLR: check personality, trademark and cultural-sensitivity restrictions",
            "other_restrictions_checked",
        )
    elif statement.kind == st.COPYRIGHT_NOTICE and statement.claims_work:
        why, fact = (
            f"The catalogue claims copyright in the work ({statement.text[:80]}) but the dates say PD",
            "rights_statement",
        )
    if why:
        d.decision = REVIEW
        d.reasons.append(Reason(why, cite("rightsstatements"), "other"))
        d.missing_facts = [fact]
    if statement.kind == st.PD_MARK:
        d.flags.append("Public Domain Mark given: a label; the specific PD tags above are the reason")


def _holder_licensed(wf: WorkFacts, statement: st.Statement, facts: Mapping[str, str]) -> bool:
    if facts.get("licensor_holds_rights", "").lower() in _YES:
        return True
    return statement.code == "ogl3" and wf.authorship == CROWN


def _licensed(d: RightsDecision, statement: st.Statement) -> None:
    d.decision = UPLOAD
    d.templates = [statement.template] if statement.template else []
    d.licence = statement.licence_qid
    d.reasons.append(
        Reason(
            f"Released by the rights holder under {statement.label}, a licence Commons accepts",
            cite("commons_licensing"),
            "licence",
        )
    )


def _review(d: RightsDecision, missing: list[str], statement: st.Statement) -> None:
    d.decision = REVIEW
    d.missing_facts = list(missing) or ["rights_statement"]
    text = "Needs a person: " + "; ".join(fact_label(m) for m in d.missing_facts)
    d.reasons.append(Reason(text, cite("precautionary"), "other"))
    if statement.kind == st.PD_MARK:
        d.reasons.append(
            Reason("Public Domain Mark alone is not enough: Commons needs a specific PD reason", cite("pdm"), "licence")
        )
    if statement.kind == st.RIGHTS_STATEMENT and statement.code == "NKC":
        d.reasons.append(
            Reason(
                "'No known copyright restrictions' alone is not enough: a specific tag is needed",
                cite("rightsstatements"),
                "licence",
            )
        )


def _recheck(ev: Evaluation, year: int) -> str | None:
    """1 Jan after the later layer's next expiry: when the decision may change."""
    changes = [layer.next_change for layer in (ev.uk, ev.us) if layer.status != PD and layer.next_change is not None]
    return f"{max(changes) + 1:04d}-01-01" if changes else None


__all__ = ["NAMED", "assess"]
