"""The rights engine: an object record (with its creators' Person records and any facts a curator
supplied) and an evaluation date in, a RightsDecision out. Pure: no store, no network."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from glamwiki.model.records import ObjectRecord, Person
from glamwiki.model.rights import BLOCK, COPYRIGHT, PD, REVIEW, UPLOAD, Reason, RightsDecision
from glamwiki.rights import statements as st
from glamwiki.rights.facts import CROWN, FAITHFUL_2D, PARLIAMENTARY, PHOTO_3D, SCAN, WorkFacts, work_facts
from glamwiki.rights.presumptions import Presumption, apply_all
from glamwiki.rights.reasons import fact_label, layer_reasons, work_reasons
from glamwiki.rights.rules import Settings, cite, default_settings
from glamwiki.rights.scenarios import Evaluation, evaluate
from glamwiki.rights.templates import pd_templates, wikidata_values
from glamwiki.textfit import shorten

_YES = ("yes", "true", "1", "y")


@dataclass(frozen=True)
class Inputs:
    """Everything the combination of layers looks at, for one record and year."""

    wf: WorkFacts
    ev: Evaluation
    statement: st.Statement  # the record's rights statement or licence, as given
    photo_licence: st.Statement | None  # the licence of a photograph of a 3D object
    facts: Mapping[str, str]
    year: int

    def yes(self, fact: str) -> bool:
        return self.facts.get(fact, "").strip().lower() in _YES


def assess(
    record: ObjectRecord,
    as_of: date | str,
    *,
    persons: Mapping[str, Person] | None = None,
    facts: Mapping[str, str] | None = None,
    settings: Settings | None = None,
    dataset: str = "",
    presumptions: Sequence[Presumption] = (),
    candidates: Sequence[Presumption] = (),
) -> RightsDecision:
    """Decide one record. ``presumptions`` are applied; for a review, each of ``candidates`` not applied is
    tried alone and named in ``would_decide`` if it would settle the record."""
    day = as_of if isinstance(as_of, date) else date.fromisoformat(as_of)
    settings = settings or default_settings()
    facts = facts or {}
    base = work_facts(record, persons or {}, facts, settings, day.year)
    wf = apply_all(base, record, presumptions, dataset)
    d = _decide(record, wf, day, facts, settings, dataset)
    d.presumptions = [p.name for p in presumptions if any(x.startswith(p.label()) for x in wf.presumed)]
    if d.decision == REVIEW:
        for p in candidates:
            if p.name in d.presumptions or (tried := p.apply(wf, record, dataset)) is wf:
                continue
            if _decide(record, tried, day, facts, settings, dataset, explain=False).decision != REVIEW:
                d.would_decide.append(p.name)
    return d


def _decide(
    record: ObjectRecord,
    wf: WorkFacts,
    day: date,
    facts: Mapping[str, str],
    settings: Settings,
    dataset: str,
    explain: bool = True,
) -> RightsDecision:
    ev = evaluate(wf, day.year, settings.publication_horizon, settings.max_lifespan)
    statement = st.parse_statement(facts.get("rights_statement") or record.rights_statement or _image_rights(record))
    photo = st.parse_statement(facts["reproduction_licence"]) if facts.get("reproduction_licence") else None
    if photo is None and wf.reproduction == PHOTO_3D and statement.kind in (st.FREE, st.NON_FREE):
        photo = statement  # on a record of a 3D object, a licence is the photograph's
    x = Inputs(wf, ev, statement, photo, facts, day.year)
    d = RightsDecision(dataset=dataset, record_id=record.id, as_of=day.isoformat(), decision=REVIEW)
    if explain and not ev.reasons:
        ev.reasons = (*layer_reasons("uk", ev.uk, day.year), *layer_reasons("us", ev.us, day.year))
    d.reasons = work_reasons(wf, settings) + list(ev.reasons) if explain else []
    d.uk_status, d.uk_expires = ev.uk.status, ev.uk.expiry
    d.us_status, d.us_expires = ev.us.status, ev.us.expiry
    _combine(d, x)
    if d.decision == UPLOAD and _may_be_303a(wf, d, settings.publication_horizon):
        d.flags.append(US_303A_FLAG)
    if wf.problems and not _statement_blocks(statement):
        _data_problem(d, wf)
    d.recheck_on = d.recheck_on or _recheck(ev, day.year)
    return d


US_303A_FLAG = (
    "US: publication not recorded; taken as not first published 1978-2002 (if it was, it is protected to the end "
    "of 2047: 17 USC 303(a))"
)


def _may_be_303a(wf: WorkFacts, d: RightsDecision, horizon: int) -> bool:
    """Publication unrecorded, made before 1978, and (within the publication horizon from its making)
    it could have been first published 1978-2002: the US PD answer assumes it was not."""
    lo, hi = wf.made
    if wf.published != "unknown" or not lo or not hi or lo >= "1978" or hi.startswith("-"):
        return False
    return int(hi[:4]) + horizon >= 1978 and d.us_status == PD and (d.us_expires is None or d.us_expires < 2047)


def _statement_blocks(statement: st.Statement) -> bool:
    """Blocked by a rights statement or licence (not by dates, which a data problem puts in doubt)."""
    blocking = statement.kind == st.RIGHTS_STATEMENT and statement.action == "block"
    return statement.kind == st.ORPHAN_LICENCE or blocking


def _data_problem(d: RightsDecision, wf: WorkFacts) -> None:
    """Dates that cannot all be true: a person checks the record before anything is decided on them."""
    d.decision = REVIEW
    d.templates = []
    d.flags.extend(wf.problems)
    d.missing_facts = ["data_quality", *(m for m in d.missing_facts if m != "data_quality")]
    text = "The record's dates contradict each other (" + "; ".join(wf.problems) + "): checked by a person"
    d.reasons.append(Reason(text, cite("data_quality"), "other"))


def _image_rights(record: ObjectRecord) -> str | None:
    return next((i.rights for i in record.images if i.rights), None)


def _combine(d: RightsDecision, x: Inputs) -> None:
    """Layers (c) reproduction, (d) licence or rights statement and (e) other restrictions."""
    if x.statement.kind == st.RIGHTS_STATEMENT and x.statement.action == "us-pd":
        d.us_status, d.us_expires = PD, None
        d.reasons.append(
            Reason("The institution states the work is PD in the US (NoC-US)", cite("rightsstatements"), "us")
        )
    if _blocked_by_statement(d, x.statement):
        return
    pd_both = d.uk_status == PD and d.us_status == PD
    in_copyright = COPYRIGHT in (d.uk_status, d.us_status)
    d.copyright_status, d.determination_method = wikidata_values(x.wf, x.ev, pd_both, in_copyright, x.year)
    if pd_both:
        _pd_route(d, x)
    elif x.statement.kind == st.FREE and (x.yes("licensor_holds_rights") or _crown_ogl(x)):
        _licensed(d, x.statement)
    elif in_copyright:
        _in_copyright(d, x)
    else:
        _review(d, x.ev.missing, x.statement)


def _blocked_by_statement(d: RightsDecision, statement: st.Statement) -> bool:
    if statement.kind == st.ORPHAN_LICENCE:
        d.decision = BLOCK
        text = "An IPO orphan works licence is UK-only and time-limited: not a free licence"
        d.reasons.append(Reason(text, cite("orphan"), "licence"))
        return True
    if statement.kind == st.RIGHTS_STATEMENT and statement.action == "block":
        d.decision = BLOCK
        orphan = " (orphan or rights holder unknown)" if statement.code in ("InC-RUU", "InC-OW-EU") else ""
        text = f"Rights statement {statement.code}: in copyright{orphan}; Commons needs a free licence from the holder"
        d.reasons.append(Reason(text, cite("rightsstatements") + "; " + cite("precautionary"), "licence"))
        return True
    return False


def _pd_route(d: RightsDecision, x: Inputs) -> None:
    """PD in both countries: the reproduction and the statement decide how (and whether) it goes up."""
    if x.wf.authorship == PARLIAMENTARY:
        text = "Parliamentary copyright has expired, but Commons has no tag for it: a person chooses the tags"
        d.reasons.append(Reason(text, cite("uk_parliament"), "licence"))
        _review(d, ["authorship"], x.statement)
        return
    if x.wf.reproduction == PHOTO_3D:
        _photo_of_3d(d, x)
        return
    glam = x.statement if x.statement.kind == st.FREE else None
    d.templates = pd_templates(x.wf, x.ev, x.year, glam.template if glam else None)
    d.licence = glam.licence_qid if glam else None
    if x.wf.reproduction in (FAITHFUL_2D, SCAN):
        text = "A faithful reproduction of a PD 2D work adds no new copyright (PD-Art / PD-scan route)"
        d.reasons.append(Reason(text, cite("reproduction_2d"), "reproduction"))
    if x.statement.kind == st.NON_FREE:
        d.flags.append(
            "NC/ND licence ignored: faithful reproduction of a PD work (check no contract binds the institution)"
        )
    if x.statement.kind == st.COPYRIGHT_NOTICE and not x.statement.claims_work:
        d.flags.append("copyright claimed in the reproduction only: ignored under PD-Art")
    _upload_pd(d, x)


def _photo_of_3d(d: RightsDecision, x: Inputs) -> None:
    text = "A photograph of a 3D object has its own copyright: the photographer's licence is needed"
    d.reasons.append(Reason(text, cite("reproduction_3d"), "reproduction"))
    photo = x.photo_licence
    if photo is not None and photo.kind == st.FREE:
        d.templates = pd_templates(x.wf, x.ev, x.year, photo.template)
        d.licence = photo.licence_qid
        _upload_pd(d, x)
    elif photo is not None and photo.kind == st.NON_FREE:
        d.decision = BLOCK
        text = f"The photograph's licence ({photo.code}) is NC/ND: not accepted"
        d.reasons.append(Reason(text, cite("commons_licensing"), "licence"))
    else:
        _review(d, ["reproduction_licence"], x.statement)


def _upload_pd(d: RightsDecision, x: Inputs) -> None:
    d.decision = UPLOAD
    if x.wf.authorship == CROWN:
        d.flags.append("US side relies on the HMSO 2005 policy statement ({{PD-UKGov}}), not a statute")
    if any(b.startswith("Crown work: commissioned") for b in x.wf.basis):
        d.flags.append("Crown work read from the credit line: check it was commissioned (a work the committee bought "
                       "keeps its artist's copyright)")  # fmt: skip
    if x.statement.kind == st.PD_MARK:
        d.flags.append("Public Domain Mark given: a label; the specific PD tags above are the reason")
    if any("PD-UK-unknown" in t for t in d.templates) and not x.yes("enquiry_recorded"):
        d.flags.append("{{PD-UK-unknown}} needs a recorded enquiry for the author (s.9(5)): record it with the file")
    if x.wf.published == "no":
        by = "".join(f" (unpublished by {p.split(' (')[0]})" for p in x.wf.presumed if "never published" in p)
        d.flags.append(f"first publication creates a publication right (SI 1996/2967 reg 16): add a CC0 waiver{by}")
    why, fact, source = _statement_caveat(x)
    if why:
        _caveat(d, Reason(why, cite(source), "other"), fact)
    elif (ends := _typography_ends(x)) is not None:
        why = f"The scanned edition's typographical arrangement is protected to end of {ends}"
        _caveat(d, Reason(why, cite("uk_typography"), "reproduction"), "edition_year")
        d.recheck_on = f"{ends + 1:04d}-01-01"


def _caveat(d: RightsDecision, reason: Reason, fact: str) -> None:
    d.decision = REVIEW
    d.reasons.append(reason)
    d.missing_facts = [fact]


def _typography_ends(x: Inputs) -> int | None:
    """A scan also copies the edition's typographical arrangement: publication + 25 (s.15)."""
    if x.wf.reproduction != SCAN:
        return None
    edition = _year_of(x.facts.get("edition_year"))
    if edition is None and x.wf.published == "yes":
        edition = x.wf.publication[1]
    return edition + 25 if edition is not None and edition + 25 >= x.year else None


def _year_of(text: str | None) -> int | None:
    return int(text.strip()[:4]) if text and text.strip()[:4].isdigit() else None


def _statement_caveat(x: Inputs) -> tuple[str, str, str]:
    """(why, fact, citation key) when the statement adds a contract, other restrictions or a conflicting claim."""
    s, rs = x.statement, "rightsstatements"
    if s.kind == st.RIGHTS_STATEMENT and s.action == "contract" and not x.yes("contract_allows_upload"):
        return f"{s.code}: PD, but the institution may be bound by a contract", "contract_allows_upload", rs
    if s.kind == st.RIGHTS_STATEMENT and s.action == "other-restrictions" and not x.yes("other_restrictions_checked"):
        why = "NoC-OKLR: check personality, trademark and cultural-sensitivity restrictions"
        return why, "other_restrictions_checked", rs
    if s.kind == st.COPYRIGHT_NOTICE and s.claims_work:
        return (
            f"The catalogue claims copyright in the work ({shorten(s.text, 80)}) but the dates say PD",
            "rights_statement",
            rs,
        )
    return "", "", ""


def _crown_ogl(x: Inputs) -> bool:
    """The Crown releases its own works under the OGL: the licensor holds the rights."""
    return x.statement.code == "ogl3" and x.wf.authorship == CROWN


def _licensed(d: RightsDecision, statement: st.Statement) -> None:
    d.decision = UPLOAD
    d.templates = [statement.template] if statement.template else []
    d.licence = statement.licence_qid
    text = f"Released by the rights holder under {statement.label}, a licence Commons accepts"
    d.reasons.append(Reason(text, cite("commons_licensing"), "licence"))


def _in_copyright(d: RightsDecision, x: Inputs) -> None:
    layer = "UK" if d.uk_status == COPYRIGHT else "US"
    if x.statement.kind == st.FREE:  # a licence from someone not shown to hold the rights: a person checks
        d.decision = REVIEW
        d.missing_facts = ["licensor_holds_rights"]
        text = f"In copyright in the {layer}; {x.statement.label} given, but not shown to come from the rights holder"
        d.reasons.append(Reason(text, cite("commons_licensing") + "; " + cite("rightsstatements"), "licence"))
        return
    d.decision = BLOCK
    text = f"In copyright in the {layer} and no free licence from the rights holder"
    d.reasons.append(Reason(text, cite("commons_licensing"), "licence"))


def _review(d: RightsDecision, missing: list[str], statement: st.Statement) -> None:
    d.decision = REVIEW
    d.missing_facts = list(missing) or ["rights_statement"]
    text = "Needs a person: " + "; ".join(fact_label(m) for m in d.missing_facts)
    d.reasons.append(Reason(text, cite("precautionary"), "other"))
    if statement.kind == st.PD_MARK:
        text = "Public Domain Mark alone is not enough: Commons needs a specific PD reason"
        d.reasons.append(Reason(text, cite("pdm"), "licence"))
    if statement.kind == st.RIGHTS_STATEMENT and statement.code == "NKC":
        text = "'No known copyright restrictions' alone is not enough: a specific tag is needed"
        d.reasons.append(Reason(text, cite("rightsstatements"), "licence"))


def _recheck(ev: Evaluation, year: int) -> str | None:
    """1 Jan after the later layer's next expiry: when the decision may change."""
    changes = [layer.next_change for layer in (ev.uk, ev.us) if layer.status != PD and layer.next_change is not None]
    return f"{max(changes) + 1:04d}-01-01" if changes else None
