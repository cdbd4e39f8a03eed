"""A worklist three ways: CSV (cells neutralised against spreadsheet formulas), a sortable
wikitable for a WikiProject or event page, and a list of titles for the Programs & Events
Dashboard ("Add available articles" takes one title per line:
https://meta.wikimedia.org/wiki/Programs_%26_Events_Dashboard ; WikiEduDashboard's
add_available_articles.jsx splits the input on line breaks). Articles are titled by the person's
name; lists about Wikidata items (missing properties, portraits) give the item ids instead, for a
Dashboard event tracking Wikidata."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from glamwiki.cells import neutralise
from glamwiki.gaps.worklist import MISSING_PROPERTIES, PORTRAIT, Entry
from glamwiki.publishing.wikitext import escape, external_link
from glamwiki.wikimedia.ids import WIKIDATA

# The last four columns make the sheet a `glamwiki link review --import` file: once an item exists for
# her (made at the event), put its QID in `qid` and "accept" in `verdict`, and import it.
COLUMNS = (
    "rank",
    "name",
    "qid",
    "gender",
    "born",
    "died",
    "country",
    "nation",
    "works",
    "works_cleared",
    "files_to_upload",
    "sitelinks",
    "missing",
    "missing_properties",
    "works_listed",
    "record_url",
    "record_says",
    "source",
    "dataset",
    "person_id",
    "authority",
    "verdict",
)
# The last four columns make the sheet a `glamwiki link review --import` file: once an item exists for
# her (made at the event), put its QID in `qid` and "accept" in `verdict`, and import it.
_PLAIN_NAME = re.compile(r"^[^\W\d_][\w .,'’()-]*$")
# Titles: https://www.mediawiki.org/wiki/Manual:Page_title (no # < > [ ] | { }, no "~~~"); a narrower set here.


def rows(entries: list[Entry]) -> list[dict[str, str]]:
    out = []
    for i, e in enumerate(entries, 1):
        c = e.creator
        row = {
            "rank": str(i),
            "name": c.name,
            "qid": c.qid,
            "gender": c.gender,
            "born": str(c.birth_year or ""),
            "died": str(c.death_year or ""),
            "country": c.place.country if c.place else "",
            "nation": c.place.nation if c.place else "",
            "works": str(c.works),
            "works_cleared": str(c.works_cleared),
            "files_to_upload": str(c.files_to_upload),
            "sitelinks": str(e.sitelinks) if c.wd else "",
            "missing": e.missing,
            "missing_properties": " ".join(e.missing_properties),
            "works_listed": " ".join(e.works[:20]),
            "record_url": c.url,
            "record_says": c.record_says,
            "source": c.origin,
            "dataset": c.dataset,
            "person_id": c.id,
            "authority": WIKIDATA,
            "verdict": "",
        }
        out.append({k: neutralise(v) for k, v in row.items()})
    return out


def write_csv(entries: list[Entry], path: str | Path) -> int:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows(rows(entries))
    return len(entries)


def _plain(name: str) -> bool:
    """Plainly a name (letters, spaces, . , ' ( ) -), so safe as a link and a page title."""
    return bool(_PLAIN_NAME.match(name)) and "''" not in name and "__" not in name


def _name_link(name: str) -> str:
    """A (red or blue) link to the article named after her when the name is plainly a name;
    anything else (markup, "~~~~", a formula) is shown as escaped text."""
    clean = " ".join(name.split())
    return f"[[{clean}]]" if _plain(clean) else escape(clean)


def wikitext(entries: list[Entry], title: str, note: str = "") -> str:
    """A sortable wikitable: item links as {{Q|…}} (https://www.wikidata.org/wiki/Template:Q), missing
    properties as {{P|…}} (https://www.wikidata.org/wiki/Template:P), the institution's record cited."""
    lines = [
        f"== {escape(title)} ==",
        *([escape(note)] if note else []),
        '{| class="wikitable sortable"',
        "! # !! Name !! Wikidata !! Born !! Died !! Where !! Works held !! Cleared !! Files to upload"
        " !! Articles !! Missing !! Institution's record",
    ]
    for i, e in enumerate(entries, 1):
        c = e.creator
        item = f"{{{{Q|{c.qid}}}}}" if c.qid else "—"
        missing = ", ".join(f"{{{{P|{p}}}}}" for p in e.missing_properties) or escape(e.missing)
        record = external_link(c.url, "record") if c.url else ""
        says = escape(c.record_says)
        where = escape(c.place.where) if c.place else ""
        cells = [
            str(i),
            _name_link(c.name),
            item,
            str(c.birth_year or ""),
            str(c.death_year or ""),
            where,
            str(c.works),
            str(c.works_cleared),
            str(c.files_to_upload),
            str(e.sitelinks) if c.wd else "",
            missing,
            f"{record} {says}".strip(),
        ]
        lines += ["|-", "| " + " || ".join(cells)]
    lines.append("|}")
    return "\n".join(lines) + "\n"


def dashboard_titles(entries: list[Entry], kind: str) -> str:
    """One title a line, in rank order, for the Dashboard's "Add available articles" box."""
    wikidata = kind in (MISSING_PROPERTIES, PORTRAIT)
    seen: list[str] = []
    for e in entries:
        t = e.creator.qid if wikidata else " ".join(e.creator.name.split())
        if t and t not in seen and (wikidata or _plain(t)):
            seen.append(t)
    return "".join(t + "\n" for t in seen)
