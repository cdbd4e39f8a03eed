"""Rights statements and licences as the institution gave them: rightsstatements.org and
Creative Commons URIs, and the common free-text forms ("CC BY-NC", "© The estate of ...")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from glamwiki.rights.rules import licence, statement_action

NONE = "none"
FREE = "free"  # CC0, CC BY, CC BY-SA, OGL: accepted on Commons
NON_FREE = "non-free"  # NC or ND: rejected on Commons (COM:L)
PD_MARK = "pdm"
RIGHTS_STATEMENT = "rightsstatement"
COPYRIGHT_NOTICE = "copyright-notice"
ORPHAN_LICENCE = "orphan-licence"
NKC_TEXT = "nkc"


@dataclass(frozen=True)
class Statement:
    kind: str = NONE
    text: str = ""
    code: str = ""  # rightsstatements.org code (InC, NoC-US...) or licence key (by-sa-4.0, cc0, ogl3)
    action: str = ""  # for rights statements: block | contract | other-restrictions | us-pd | engine
    claims_work: bool = False  # a © notice naming the artist or estate (a claim on the work itself)

    @property
    def template(self) -> str | None:
        data = licence(self.code) if self.kind == FREE else None
        return "{{" + data["template"] + "}}" if data else None

    @property
    def licence_qid(self) -> str | None:
        data = licence(self.code) if self.kind == FREE else None
        return data.get("qid") if data else None

    @property
    def label(self) -> str:
        data = licence(self.code) if self.kind == FREE else None
        return data["label"] if data else (self.code or self.kind)


_RS = re.compile(r"rightsstatements\.org/(?:vocab|page)/([A-Za-z-]+)/", re.I)
_CC_URI = re.compile(r"creativecommons\.org/(licenses|publicdomain)/([a-z-]+)/(\d\.\d)?", re.I)
_CC_TEXT = re.compile(r"\bCC[\s-]*(0|zero|BY(?:[\s-]+(?:NC|ND|SA))*)(?:[\s-]*(\d\.\d))?\b", re.I)
_OGL = re.compile(r"open government licen[cs]e|\bOGL\b", re.I)
_PDM = re.compile(r"public domain mark", re.I)
_NKC = re.compile(r"no known copyright restrictions", re.I)
_ORPHAN = re.compile(r"orphan works? licen[cs]e|\bIPO orphan", re.I)
_NOTICE = re.compile(r"©|\(c\)|\bcopyright\b", re.I)
# A © line is a claim on the work (the artist, an estate, a foundation) unless it names the photography
# or the institution that made the reproduction.
_REPRO_CLAIM = re.compile(r"\b(photo|photograph(y|er)?|image|reproduction|digiti[sz]ation|museum|gallery|tate|library|"
                          r"archive|institution|collection)\b", re.I)  # fmt: skip


def parse_statement(text: str | None) -> Statement:
    """Read a rights statement or licence; anything not recognised is kept as a © notice or none."""
    if not text or not text.strip():
        return Statement()
    t = text.strip()
    if m := _RS.search(t):
        code = _canonical_rs(m[1])
        return Statement(RIGHTS_STATEMENT, t, code, statement_action(code) or "engine")
    if m := _CC_URI.search(t):
        return _cc(t, m[2].lower(), m[3])
    if m := _CC_TEXT.search(t):
        return _cc(t, m[1].lower().replace(" ", "-"), m[2])
    if _ORPHAN.search(t):
        return Statement(ORPHAN_LICENCE, t)
    if _OGL.search(t):
        return Statement(FREE, t, "ogl3")
    if _PDM.search(t):
        return Statement(PD_MARK, t)
    if _NKC.search(t):
        return Statement(RIGHTS_STATEMENT, t, "NKC", "engine")
    if _NOTICE.search(t):
        return Statement(COPYRIGHT_NOTICE, t, claims_work=not _REPRO_CLAIM.search(t))
    return Statement(NONE, t)


def _canonical_rs(code: str) -> str:
    known = {k.lower(): k for k in ("InC", "InC-EDU", "InC-NC", "InC-RUU", "InC-OW-EU", "NoC-CR", "NoC-NC")}
    known |= {k.lower(): k for k in ("NoC-OKLR", "NoC-US", "CNE", "UND", "NKC")}
    return known.get(code.lower(), code)


def _cc(text: str, name: str, version: str | None) -> Statement:
    name = re.sub(r"-+", "-", name)
    if name in ("zero", "0", "cc0"):
        return Statement(FREE, text, "cc0")
    if name == "mark":
        return Statement(PD_MARK, text)
    if "nc" in name.split("-") or "nd" in name.split("-"):
        return Statement(NON_FREE, text, name)
    if name in ("by", "by-sa"):
        return Statement(FREE, text, f"{name}-{version or '4.0'}")
    return Statement(NONE, text, name)
