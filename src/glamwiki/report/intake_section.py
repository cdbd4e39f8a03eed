"""The report's intake section: what was read and the data-quality problems found."""

from __future__ import annotations

from collections import Counter
from typing import Any

from glamwiki.dates import parse_date
from glamwiki.dates.words import says_no_date
from glamwiki.model.dates import AMBIGUOUS, DateInterval
from glamwiki.model.records import ObjectRecord, Person
from glamwiki.render.blocks import Block, Code, Heading, Table, note, para
from glamwiki.report.page import Section, figures, message_kinds, table
from glamwiki.report.svg import bar_chart
from glamwiki.store import Store
from glamwiki.store.records import datasets, iter_records
from glamwiki.store.runs import issue_messages


def intake_section(store: Store) -> Section | None:
    sets = datasets(store)
    if not sets:
        return None
    stats = _scan(store)
    messages = issue_messages(store)
    n_err = sum(int(r["n"]) for r in messages if r["severity"] == "error")
    errors = _issue_kinds(messages)
    blocks: list[Block] = [
        figures(
            [
                ("objects", stats["objects"]),
                ("people and bodies", stats["people"]),
                ("datasets", len({d for d, _, _ in sets})),
                ("input errors", n_err),
            ]
        ),
        table(["dataset", "kind", "records"], [[d, k, n] for d, k, n in sets], {2}),
        bar_chart(sorted(stats["forms"].items(), key=lambda kv: -kv[1]), "Objects by form"),
        bar_chart(sorted(stats["centuries"].items()), "Objects by century of making (earliest date)"),
        Heading("Data quality"),
    ]
    quality = [[label, n, f"{100 * n / max(stats[base], 1):.0f}%"] for label, n, base in stats["quality"]]
    blocks.append(table(["problem", "records", "share"], quality, {1}))
    if errors:
        blocks += [Heading("Issues found while reading"), table(["severity", "field", "message", "count"], errors, {3})]
        blocks.append(note("Every issue names its file, row and field: glamwiki export errors"))
    blocks += unread_dates(stats["unread"], stats["ambiguous"])
    return Section("intake", "What was read", blocks)


def _issue_kinds(messages: list[dict[str, Any]], shown: int = 12) -> list[list[object]]:
    """The commonest kinds of issue per severity and field (values quoted in messages set aside)."""
    groups: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for r in messages:
        groups.setdefault((str(r["severity"]), str(r["field"])), []).append((str(r["message"]), int(r["n"])))
    rows = [(sev, field, kind, n) for (sev, field), found in groups.items() for kind, n in message_kinds(found)]
    return [list(r) for r in sorted(rows, key=lambda r: -r[3])[:shown]]


def unread_dates(unread: Counter[tuple[str, str]], ambiguous: Counter[str]) -> list[Block]:
    """Every date text that was not read, most frequent first, so a user sees what to map."""
    if not unread and not ambiguous:
        return [note("Every date text was read (or says there is no date).")]
    blocks: list[Block] = [Heading("Date texts not understood")]
    if unread:
        blocks.append(
            para(
                f"Dates glamwiki could not read: {_records(sum(unread.values()))}, {len(unread):,} different texts."
                " The text is kept; unless a bounds column filled in (see where), the record has no date for rights,"
                " gaps or Commons. Map such a column differently, fix the texts at the source, or report a phrase"
                " the parser should know."
            )
        )
        rows = [[text, where, n] for (where, text), n in sorted(unread.items(), key=lambda kv: (-kv[1], kv[0]))]
        blocks.append(_listing(rows, ["date text", "where", "records"], numeric={2}))
    if ambiguous:
        blocks.append(
            para(
                f'Dates that could be a month or a range of years ("1985-04"): {_records(sum(ambiguous.values()))},'
                " each read as its year. If the column holds ISO/EDTF dates, map it with ",
                Code('format = "edtf"'),
                " (docs/mapping.md).",
            )
        )
        rows = [[text, n] for text, n in sorted(ambiguous.items(), key=lambda kv: (-kv[1], kv[0]))]
        blocks.append(_listing(rows, ["ambiguous date text", "records"], numeric={1}))
    return blocks


def _records(n: int) -> str:
    return f"{n:,} record" if n == 1 else f"{n:,} records"


def _listing(rows: list[list[object]], header: list[str], numeric: set[int], shown: int = 25) -> Table:
    """The first rows in view; all of them one click away."""
    if len(rows) > shown:
        return table(header, rows[:shown], numeric, all_rows=rows, summary=f"All {len(rows):,} texts")
    return table(header, rows, numeric)


def _has_digit(text: str) -> bool:
    """Life dates with no digit ("American", as NGA's displaydate often is) give no date to map."""
    return any(c.isdigit() for c in text)


def _unread(date: DateInterval) -> bool:
    return bool(date.text) and not date.is_known and not says_no_date(date.text)


def _count_dates(record: ObjectRecord, unread: Counter[tuple[str, str]], ambiguous: Counter[str]) -> bool:
    """Count an object's date texts that were not read (True if its own date is one of them)."""
    date, own = record.date, False
    if _unread(date):
        unread[("object date", date.text)] += 1
        own = True
    elif date.is_known and date.text and not says_no_date(date.text) and not parse_date(date.text).is_known:
        unread[("object date (its bounds columns used)", date.text)] += 1  # CMoA: creation_date_earliest
        own = True
    elif AMBIGUOUS in date.qualifiers:
        ambiguous[date.text] += 1
    for c in record.creators:  # life dates given with the creator in the object's row
        if not c.death.is_known and _unread(c.birth) and _has_digit(c.birth.text):
            unread[("creator's life dates", c.birth.text)] += 1
    return own


def _scan(store: Store) -> dict[str, Any]:
    forms: Counter[str] = Counter()
    centuries: Counter[str] = Counter()
    q: Counter[str] = Counter()
    unread: Counter[tuple[str, str]] = Counter()  # (where, text)
    ambiguous: Counter[str] = Counter()
    objects = people = 0
    for _, record in iter_records(store):
        if isinstance(record, ObjectRecord):
            objects += 1
            forms[record.form or "not known"] += 1
            year = record.date.earliest_year
            centuries[_century(year)] += 1
            q["no date"] += not record.date.is_known
            q["date text not understood"] += _count_dates(record, unread, ambiguous)
            q["no creator"] += not record.creators
            q["no image"] += not record.images
            q["no title"] += not record.titles
            q["placeholder title"] += bool(record.titles) and _placeholder(record.title)
        elif isinstance(record, Person):
            people += 1
            q["person: no gender recorded"] += not record.gender
            q["person: no birth or death date"] += not (record.birth.is_known or record.death.is_known)
            life = [d for d in (record.birth, record.death, record.active) if d.text]
            if life and not any(d.is_known for d in life) and _unread(life[0]) and _has_digit(life[0].text):
                unread[("person's life dates", life[0].text)] += 1
            q["person: died before born"] += bool(
                record.birth.earliest_year
                and record.death.latest_year
                and record.death.latest_year < record.birth.earliest_year
            )
    quality = [
        (k, q[k], "objects") for k in ("no title", "no creator", "no date", "date text not understood", "no image")
    ]
    quality += [
        (k, q[k], "people")
        for k in ("person: no gender recorded", "person: no birth or death date", "person: died before born")
    ]
    return {"objects": objects, "people": people, "forms": forms, "centuries": centuries, "quality": quality,
            "unread": unread, "ambiguous": ambiguous}  # fmt: skip


def _century(year: int | None) -> str:
    if year is None:
        return "date not known"
    if year < 1000:
        return "before 1000"
    n = year // 100 + 1
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix} c. ({year // 100}00s)"


def _placeholder(title: str) -> bool:
    """ "[title not known]", "[no title]": a catalogue's stand-in, not a title."""
    t = title.strip().lower()
    return (t.startswith("[") and t.endswith("]")) or t in ("title not known", "no title", "unknown")
