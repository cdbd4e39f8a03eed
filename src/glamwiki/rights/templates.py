"""Commons licence templates and Wikidata copyright values for a work that is PD in both layers."""

from __future__ import annotations

from glamwiki.rights.facts import CROWN, FAITHFUL_2D, NAMED, PHOTO_3D, SCAN, SOUND, US_FEDERAL, WorkFacts
from glamwiki.rights.scenarios import Evaluation
from glamwiki.wikimedia import ids as wd


def pd_templates(wf: WorkFacts, ev: Evaluation, year: int, licence_tpl: str | None = None) -> list[str]:
    """The tags for a PD work: the work's tags, wrapped for the reproduction route."""
    uk_tag, us_tag = _tags(wf, ev, year)
    if wf.reproduction == PHOTO_3D:
        return [t for t in (licence_tpl, _wrap(uk_tag), _wrap(us_tag)) if t]
    if wf.reproduction in (FAITHFUL_2D, SCAN) and uk_tag:
        name = "PD-Art" if wf.reproduction == FAITHFUL_2D else "PD-scan"
        if licence_tpl and wf.reproduction == FAITHFUL_2D:
            first, _, params = uk_tag.partition("|")
            lic = licence_tpl.strip("{}").lower().replace("cc-zero", "cc-zero")
            tag = "{{Licensed-PD-Art|" + first + "|" + lic + ("|" + params if params else "") + "}}"
        else:
            tag = "{{" + name + "|" + uk_tag + "}}"
        return [tag] + (["{{" + us_tag + "}}"] if us_tag else [])
    return [t for t in (_wrap(uk_tag), _wrap(us_tag)) if t]


def _wrap(tag: str | None) -> str | None:
    return "{{" + tag + "}}" if tag else None


def _us_route(wf: WorkFacts, ev: Evaluation, year: int) -> str:
    routes = ev.us.routes
    made_hi = _made_hi(wf)
    pub_hi = wf.publication[1] if wf.published == "yes" else None
    if pub_hi is not None and pub_hi + 95 < year and routes <= {"expired", "1996"}:
        return "expired"
    old = made_hi is not None and made_hi + 95 < year and routes <= {"expired", "1996", "unpublished", "life"}
    if routes == {"expired"} or (old and wf.published != "no"):
        return "expired"
    for route in ("unpublished", "1996", "life", "record", "federal", "crown"):
        if route in routes:
            return route
    return "expired"


def _tags(wf: WorkFacts, ev: Evaluation, year: int) -> tuple[str | None, str | None]:
    """(the source-country tag, a separate US tag or None when the first covers both)."""
    route = _us_route(wf, ev, year)
    us = {"expired": "PD-US-expired", "unpublished": "PD-US-unpublished", "1996": "PD-1996"}.get(route)
    if wf.authorship == US_FEDERAL:
        return ("PD-USGov-NASA" if wf.nasa else "PD-USGov"), None
    if wf.authorship == CROWN:
        return "PD-UKGov", None
    if wf.origin == "US":
        return us or "PD-US-expired", None
    if wf.category == SOUND:
        lo, hi = wf.death
        comp = f"PD-old-auto-expired|deathyear={hi}" if wf.authorship == NAMED and lo == hi and hi else None
        return "PD-US-record-expired", comp
    if wf.authorship != NAMED:
        return "PD-UK-unknown", us
    lo, hi = wf.death
    if route == "expired":
        if lo == hi and hi is not None:
            return f"PD-old-auto-expired|deathyear={hi}", None
        return ("PD-old-100-expired" if hi is not None and hi + 100 < year else "PD-old-70-expired"), None
    return ("PD-old-100" if hi is not None and hi + 100 < year else "PD-old-70"), us


def _made_hi(wf: WorkFacts) -> int | None:
    iso = wf.made[1] or wf.made[0]
    return int(iso[:4]) if iso and not iso.startswith("-") else (-1 if iso else None)


def wikidata_values(
    wf: WorkFacts, ev: Evaluation, pd_both: bool, in_copyright: bool, year: int
) -> tuple[str | None, str | None]:
    """(P6216 copyright status, P459 determination method)."""
    if in_copyright:
        return wd.COPYRIGHTED, None
    if not pd_both:
        return None, None
    if wf.authorship == NAMED and wf.death[1] is not None:
        if wf.death[1] + 100 < year:
            return wd.PUBLIC_DOMAIN, wd.DEATH_PLUS_100
        return wd.PUBLIC_DOMAIN, wd.DEATH_PLUS_70
    if _us_route(wf, ev, year) == "expired":
        return wd.PUBLIC_DOMAIN, wd.PUBLISHED_95_YEARS_AGO
    return wd.PUBLIC_DOMAIN, None
