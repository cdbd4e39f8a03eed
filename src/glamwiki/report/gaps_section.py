"""The report's gap section: who is in the collection, who is covered on Wikimedia, what to do,
and how the gap changed over time. Every share says what it is a share of."""

from __future__ import annotations

from pathlib import Path

from glamwiki.gaps.audit import SMALL_CELL
from glamwiki.gaps.summary import GapReport, gap_report
from glamwiki.gaps.worklist import MISSING_PROPERTIES, NO_ARTICLE, NO_ITEM, PORTRAIT, UPLOAD, Entry, title_for
from glamwiki.render.blocks import Block, Heading, Strong, empty, note
from glamwiki.report.gaps_charts import change_chart
from glamwiki.report.page import Section, figures, table
from glamwiki.report.svg import bar_chart, stacked_bars
from glamwiki.store import Store
from glamwiki.store.gaps import events, snapshots
from glamwiki.store.runs import runs

ROWS = 15  # rows of each worklist shown in the report (the CSV has them all)


def gaps_section(store: Store, languages: list[str] | None = None) -> Section | None:
    """The section; its languages are those of the last `glamwiki gaps` run unless given, so the
    report shows the figures the command printed."""
    snaps = snapshots(store)
    report = gap_report(store, languages or (snaps[-1][1].get("languages") if snaps else None))
    if not report.creators:
        return None
    d = report.denominators
    blocks: list[Block] = _sample_note(store)
    blocks.append(
        figures(
            [
                ("people in the collection", d.people),
                (f"women, of the {d.gender_recorded:,} with gender recorded", _pct(d.share_women)),
                ("with a Wikidata item", sum(1 for c in report.creators if c.qid)),
                ("gender: collection ≠ Wikidata", len(report.disagreements)),
            ]
        )
    )
    blocks.append(_denominators_note(report))
    blocks += _shares(report)
    blocks += _funnel(report)
    blocks.append(change_chart(snaps, events(store)))
    blocks.append(note("Shares of women over time: of each step's people with gender recorded."))
    shown = [(p, round(100 * s, 1)) for p, s, n in report.by_period if n >= SMALL_CELL]
    blocks.append(bar_chart(shown, "Share of women by birth period (of people with gender recorded)", unit="%"))
    if len(shown) < len(report.by_period):
        blocks.append(note(f"Periods with fewer than {SMALL_CELL} people are left out."))

    blocks += _places(report)
    blocks.append(Heading("The collection's own record and Wikidata's, side by side"))
    for t in report.tables:
        blocks.append(Heading(f"{t.dimension} — {t.source}", 4))
        if len(t.cells) == 1:  # one value for everyone ("not recorded", "no item"): a line, not a table
            blocks.append(note(f"{t.cells[0].value} for all {t.cells[0].creators:,} people."))
            continue
        blocks.append(table(["value", "people", "credits (creator–work pairs)"], t.rows()[:12], {1, 2}))
    blocks.append(
        note(
            'Cells under 5 are shown as "<5"; missing values are counted as "not recorded". '
            "Periods are 50-year bins of the birth year, in date order."
        )
    )
    for name in report.worklists:
        blocks += _worklist(report, name)
    return Section("gaps", "Who is in the collection, and who is missing from Wikimedia", blocks)


def _sample_note(store: Store) -> list[Block]:
    from glamwiki.demo import sample_folder

    sample = str(sample_folder().resolve())
    sources = [Path(str(r.get("source", ""))).resolve() for r in runs(store, 100)]
    if any(str(p) == sample or str(p.parent) == sample for p in sources):
        return [
            note(
                Strong("A sample:"),
                " these figures come from the 300-work Tate sample bundled with glamwiki, not from a whole collection.",
            )
        ]
    return []


def _denominators_note(report: GapReport) -> Block:
    d = report.denominators
    derived = f" ({d.from_object_records:,} of them known only from the object records that credit them)"
    return note(
        f"People: {d.people:,} people (not organisations or groups) in the collection, each once"
        f"{derived if d.from_object_records else ''}; {d.gender_recorded:,} have a gender recorded, "
        f"{d.women:,} of them women. {d.credited:,} are credited on at least one of the {d.works:,} works "
        f"({d.women_credited:,} of the women). "
        f"The tables' third column counts credits, creator–work pairs ({d.credits:,}): a work by two people "
        "counts for each."
    )


def _shares(report: GapReport) -> list[Block]:
    if not report.shares:
        return []
    rows = [[g.label, g.artists, _pct(g.share_artists), g.works, _pct(g.share_works)] for g in report.shares]
    blocks: list[Block] = [Heading("Women among artists and among works")]
    blocks.append(
        note(
            "Artists: people credited on these works whose gender is recorded. Works: works "
            "crediting at least one such person; a work counts as by a woman when one of them is."
        )
    )
    header = ["works counted", "artists", "women (of artists)", "works", "by women (of works)"]
    blocks.append(table(header, rows, {1, 3}))
    bars = [(g.label, {"by women": g.works_by_women, "others": g.works - g.works_by_women}) for g in report.shares]
    blocks.append(stacked_bars(bars, ["by women", "others"], "Works by women"))
    return blocks


def _funnel(report: GapReport) -> list[Block]:
    blocks: list[Block] = [Heading("Coverage on Wikimedia")]
    linked = sum(1 for c in report.creators if c.qid)
    fetched = sum(1 for c in report.creators if c.wd is not None)
    if not linked:
        blocks.append(
            note(
                "No one is linked to Wikidata in this project yet (glamwiki link run), so the "
                "steps after the first are empty: they say nothing yet about Wikimedia."
            )
        )
    elif fetched < linked:
        blocks.append(
            note(
                f"{linked:,} people are linked to Wikidata, but the facts of {linked - fetched:,} "
                "of their items are not fetched yet (glamwiki link facts --fetch, or a recorded file): the "
                "later steps count only fetched items."
            )
        )
    blocks.append(bar_chart([(s.label, s.people) for s in report.steps], "Coverage on Wikimedia (people)"))
    rows = [[s.label, s.people, s.gender_known, _pct(s.share_women)] for s in report.steps]
    return [*blocks, table(["step", "people", "with gender recorded", "women (of those)"], rows, {1, 2})]


def _places(report: GapReport) -> list[Block]:
    p = report.places
    if not p.with_text:
        return []
    share = f" ({p.resolved / p.with_text:.1%})" if p.with_text else ""
    blocks: list[Block] = [Heading("Countries and nations")]
    blocks.append(
        note(
            f"{p.resolved:,} of the {p.with_text:,} people with a nationality or place of birth "
            f"or death resolved to a country{share}; a UK nation for {p.nations:,} of the {p.uk:,} in the UK "
            "(ISO 3166 names in every language pycountry ships)."
            + (" Text that resolved to nothing:" if p.unresolved else "")
        )
    )
    if p.unresolved:
        blocks.append(table(["text as given", "people"], [[t, n] for t, n in p.unresolved[:15]], {1}))
    if report.by_place:
        rows = [
            [label, n, _pct(share)] if n >= SMALL_CELL else [label, f"<{SMALL_CELL}", "suppressed"]
            for label, share, n in report.by_place[:15]
        ]
        blocks.append(Heading("Women by country or UK nation (of the people there with gender recorded)", 4))
        blocks.append(table(["country or nation", "people with gender recorded", "women"], rows, {1}))
    return blocks


_EMPTY: dict[str, str] = {
    UPLOAD: "None: no woman's works are cleared and waiting (run `glamwiki rights` first if it has not run).",
    NO_ITEM: "None: every woman in the collection is linked to a Wikidata item.",
}


def _worklist(report: GapReport, name: str) -> list[Block]:
    kind, _, lang = name.partition(":")
    head = Heading(f"Worklist: {title_for(kind, lang or report.languages[0])}")
    entries = report.worklists[name]
    if not entries:
        return [head, empty(_empty(report, kind))]
    rows = [
        [
            e.creator.name,
            e.creator.qid or "—",
            e.creator.place.where if e.creator.place else "",
            e.creator.works,
            e.creator.files_to_upload,
            _detail(e, kind),
        ]
        for e in entries[:ROWS]
    ]
    more = note(f"{len(entries):,} in all; `glamwiki gaps --out FOLDER` writes every row.")
    return [head, table(["name", "item", "where", "works", "files to upload", "what it needs"], rows, {3, 4}), more]


def _detail(e: Entry, kind: str) -> str:
    if kind == NO_ITEM:
        return e.creator.record_says
    if kind in (MISSING_PROPERTIES, NO_ARTICLE):
        return " ".join(e.missing_properties) or e.missing
    if kind == PORTRAIT:
        return "portraits: " + ", ".join(e.works[:3])
    return e.missing


def _empty(report: GapReport, kind: str) -> str:
    if kind in _EMPTY:
        return _EMPTY[kind]
    linked = sum(1 for c in report.creators if c.qid and c.is_woman)
    fetched = sum(1 for c in report.creators if c.wd is not None and c.is_woman)
    if not linked:
        return "None yet: no woman in the collection is linked to Wikidata (glamwiki link run)."
    if fetched < linked:
        who = "1 woman is" if linked == 1 else f"{linked:,} women are"
        return (
            f"None yet: {who} linked, but their items' facts are not fetched ({fetched:,} are): "
            "glamwiki link facts --fetch."
        )
    return "None: every linked woman's item already has what this list looks for."


def _pct(v: float | None) -> str:
    return "—" if v is None else f"{v:.1%}"
