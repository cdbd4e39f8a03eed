"""A checker of QuickStatements v1 syntax, written from its help page
(https://www.wikidata.org/wiki/Help:QuickStatements, "Command sequence syntax"):

- one command a line, fields separated by tabs; `CREATE` alone; `MERGE<TAB>Qx<TAB>Qy`;
- otherwise `ITEM<TAB>WHAT<TAB>VALUE…` where ITEM is `Q…`, `LAST` (the item just created) or, on
  Commons, `M…` (a file's MediaInfo entity: M and its page id);
- WHAT is a property `P…` (then qualifier pairs `P…<TAB>value` and source pairs `S…<TAB>value`),
  or `L<lang>` label, `D<lang>` description, `A<lang>` alias (each with a quoted string), or
  `S<site>` sitelink (a quoted title);
- values: an item `Q…`; a string in double quotes (no double quote inside: v1 has no escape);
  a time `+YYYY-MM-DDT00:00:00Z/precision` (precision 0-14, month and day 00 below day precision);
  a location `@lat/lon`; a quantity `amount`, optionally `~tolerance` or `[lower,upper]`, and `U<unit item
  number>`; a monolingual text `lang:"text"`; `somevalue` or `novalue`.
"""

from __future__ import annotations

import re

ITEM = re.compile(r"^Q[1-9]\d*$")
MEDIAINFO = re.compile(r"^M[1-9]\d*$")
PROP = re.compile(r"^P[1-9]\d*$")
SOURCE = re.compile(r"^S[1-9]\d*$")
STRING = re.compile(r'^"[^"\t\n]*"$')
TIME = re.compile(r"^[+-]\d{1,16}-(\d\d)-(\d\d)T00:00:00Z/(\d{1,2})$")
LOCATION = re.compile(r"^@-?\d+(\.\d+)?/-?\d+(\.\d+)?$")
NUMBER = r"[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?"
QUANTITY = re.compile(rf"^{NUMBER}(?:~{NUMBER}|\[{NUMBER},{NUMBER}\])?(?:U[1-9]\d*)?$")
MONOLINGUAL = re.compile(r'^[a-z]{2,3}(?:-[a-z0-9]+)*:"[^"\t\n]*"$')
TERM = re.compile(r"^([LDA])([a-z]{2,3}(?:-[a-z0-9]+)*)$")
SITELINK = re.compile(r"^S[a-z_]+wiki[a-z]*$")


def value_problem(value: str) -> str | None:
    if value in ("somevalue", "novalue") or ITEM.match(value) or STRING.match(value) or LOCATION.match(value):
        return None
    if MONOLINGUAL.match(value) or QUANTITY.match(value):
        return None
    t = TIME.match(value)
    if t:
        precision = int(t.group(3))
        if precision > 14:
            return f"time precision {precision} is above 14"
        if precision < 11 and t.group(2) != "00" and precision < 10:
            return f"time {value}: a day is given below month precision"
        return None
    return f"not a v1 value: {value!r}"


def line_problems(line: str) -> list[str]:
    fields = line.split("\t")
    if fields == ["CREATE"]:
        return []
    if fields[0] == "MERGE":
        return [] if len(fields) == 3 and all(ITEM.match(f) for f in fields[1:]) else ["MERGE needs two items"]
    if len(fields) < 3:
        return [f"too few fields: {line!r}"]
    subject, what, value, rest = fields[0], fields[1], fields[2], fields[3:]
    ok = subject == "LAST" or ITEM.match(subject) or MEDIAINFO.match(subject)
    problems = [] if ok else [f"subject {subject!r} is not LAST, an item or a MediaInfo entity"]
    term = TERM.match(what)
    if term or SITELINK.match(what):
        if not STRING.match(value):
            problems.append(f"{what} needs a quoted string, not {value!r}")
        return problems + ([f"{what} takes no qualifiers"] if rest else [])
    if not PROP.match(what):
        return [*problems, f"{what!r} is not a property, label, description, alias or sitelink"]
    problems += [p for p in (value_problem(value),) if p]
    if len(rest) % 2:
        problems.append("qualifiers and sources come in property/value pairs")
    seen_source = False
    for prop, v in zip(rest[::2], rest[1::2], strict=False):
        if SOURCE.match(prop):
            seen_source = True
        elif not PROP.match(prop):
            problems.append(f"{prop!r} is not a qualifier (P…) or a source (S…)")
        elif seen_source:
            problems.append(f"qualifier {prop} after a source")
        problems += [p for p in (value_problem(v),) if p]
    return problems


def check_quickstatements(text: str) -> list[str]:
    """Every problem, as "line N: why"; [] for a valid command sequence."""
    out = []
    if text and not text.endswith("\n"):
        out.append("the last line has no line break")
    for n, line in enumerate(text.splitlines(), 1):
        out += [f"line {n}: {p}" for p in line_problems(line)]
    return out
