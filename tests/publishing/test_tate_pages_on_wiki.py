"""Planned Tate pages parsed by the real MediaWiki (the sandbox fixture).

A plain MediaWiki lacks Commons' templates, so the test creates stand-ins from their documented
parameters (https://commons.wikimedia.org/wiki/Template:Artwork, Template:Size, Template:Circa,
Template:Other_date, Template:Unknown, Commons:Institution_templates, Template:Creator); each
shows which parameters it received, so the parsed page proves the wikitext passes what we mean.
"""

from __future__ import annotations

import html
import re

from glamwiki.publishing.api import ApiClient
from glamwiki.store import Store
from glamwiki.store import publishing as db

from .test_tate_pages import plan, tate  # noqa: F401  (fixtures)

STAND_INS = {
    "Template:Artwork": "ARTIST[{{{artist|}}}] AUTHOR[{{{author|}}}] TITLE[{{{title|}}}] TYPE[{{{object type|}}}] "
    "DATE[{{{date|}}}] SIZE[{{{dimensions|}}}] INSTITUTION[{{{institution|}}}] ACCESSION[{{{accession number|}}}]",
    "Template:Photograph": "PHOTOGRAPHER[{{{photographer|}}}] DATE[{{{date|}}}]",
    "Template:Size": "{{{height}}} × {{{width}}} / {{{depth|-}}} {{{unit}}}",
    "Template:Circa": "circa {{{1}}}/{{{2|-}}}",
    "Template:Other date": "{{{1}}} {{{2}}}/{{{3|-}}}",
    "Template:Unknown": "unknown {{{1}}}",
    "Template:Institution:Tate": "Tate (institution)",
    "Template:En": "{{{1}}}",
    "Template:PD-Art": "public domain ({{{1|}}})",
    "Template:Int:filedesc": "Summary",
    "Template:Int:license-header": "Licensing",
}


def _visible(rendered: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", rendered))


def test_tate_pages_parse_as_intended(client: ApiClient, store: Store, plan: dict[str, db.PlanItem]) -> None:  # noqa: F811
    for title, text in STAND_INS.items():
        client.write({"action": "edit", "title": title, "text": text, "summary": "stand-in"})
    checks = {
        "D01097": ("ARTIST[after Joseph Mallord William Turner (1775–1851)]", "DATE[circa 1797/1798]"),
        "D36666": ("ARTIST[formerly attributed to Joseph Mallord William Turner (1775–1851)]",),
        "N01496": ("ARTIST[John Bettes (active 1531–1570)]", "SIZE[470 × 410 / - mm]", "DATE[1545]"),
        "AR00035": ("SIZE[1550 × 1320 / 1130 mm]", "TYPE[sculpture]"),
        "T06825": ("DATE[between 1957/1958]",),
        "A00001": ("DATE[unknown date]", "INSTITUTION[Tate (institution)]", "SIZE[394 × 419 / - mm]"),
        "D03639": ("DATE[exhibited 1804]",),
        "A01146": ("PHOTOGRAPHER[Joseph Mallord William Turner (1775–1851)]",),
    }
    for acno, expected in checks.items():
        item = plan[acno]
        parsed = client.get(
            action="parse", text=item.wikitext, contentmodel="wikitext", prop="text|categories|templates",
            title=f"File:{item.title}",
        )["parse"]  # fmt: skip
        shown = _visible(parsed["text"])
        for phrase in expected:
            assert phrase in shown, (acno, phrase, shown[:600])
        wanted = {m.replace(" ", "_") for m in re.findall(r"\[\[Category:([^\]]+)\]\]", item.wikitext)}
        assert {c["category"] for c in parsed["categories"]} == wanted, acno
        missing = [t["title"] for t in parsed["templates"] if "exists" not in t]
        assert missing == [], (acno, missing)
