"""The reach report as HTML (charts inline as SVG), CSV and JSON."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from glamwiki.cells import neutralise
from glamwiki.reach.figures import METHODS, ReachFigures
from glamwiki.reach.wikis import language, project
from glamwiki.render.blocks import Block, Bullets, Code, Heading, empty, note, para
from glamwiki.report.page import Section, figures, render, table
from glamwiki.report.svg import bar_chart, line_chart, stacked_bars

NOTHING = "nothing collected"


def _or_nothing(value: int | None) -> object:
    return NOTHING if value is None else value


def headline(f: ReachFigures) -> list[Block]:
    blocks: list[Block] = []
    if not f.collected:
        blocks.append(
            note(
                "Nothing has been collected yet: no views were fetched and no dump file was loaded, "
                "so no figure below is a count of views. Run ",
                Code("glamwiki reach collect"),
                " or ",
                Code("glamwiki reach dumps"),
                " first.",
            )
        )
    items: list[tuple[str, object]] = [
        (f"views of Wikipedia articles showing the files, {f.first} to {f.last}", _or_nothing(f.total_views)),
        ("per-file sum (as BaGLAMa2 / Commons Impact Metrics count)", _or_nothing(f.per_file_sum_views)),
        ("Wikipedia articles showing the files", f.articles_in_use),
        ("Wikipedias", f.wikis),
        ("files in use on an article", f.files_in_use),
        ("files not used", f.files_unused),
    ]
    if f.content_pages_in_use:
        items.append(("views of other content wikis' pages (Wikisource…), apart", _or_nothing(f.content_views)))
    return [*blocks, figures(items)]


def monthly(f: ReachFigures) -> list[Block]:
    complete = [(m, float(v)) for m, v, _, s in f.monthly if s == "complete" and v is not None]
    partial = [(m, float(v)) for m, v, _, s in f.monthly if s == "lower bound" and v is not None]
    series = {"views (complete month)": complete}
    if partial:
        series["lower bound: month with gaps"] = partial
    if f.cim_category:
        series["Commons Impact Metrics, category"] = [(m, float(v)) for m, v in f.cim_category]
    chart = line_chart(series, "Views per month of Wikipedia articles showing the files (users only)")
    rows = []
    running = 0
    for m, v, g, status in f.monthly:
        running += v or 0
        why = f"{g} article(s) missing: lower bound" if status == "lower bound" else status
        rows.append([m, _or_nothing(v), running if f.collected else NOTHING, why])
    return [chart, table(["month", "views", "since the start of the period", "data"], rows, {1, 2})]


def by_wiki(f: ReachFigures) -> list[Block]:
    chart = bar_chart([(w, float(v)) for w, _, v in f.per_wiki[:15]], "Views by Wikipedia (language edition)")
    rows = [[w, language(w), project(w), a, v] for w, a, v in f.per_wiki]
    blocks: list[Block] = [chart, table(["wiki", "language", "project", "articles", "views"], rows, {3, 4})]
    if f.content_per_wiki:
        rows = [[w, language(w), project(w), a, v] for w, a, v in f.content_per_wiki]
        blocks.append(Heading("Other content wikis (not in the article figures)"))
        blocks.append(table(["wiki", "language", "project", "pages", "views"], rows, {3, 4}))
    if f.other_pages_in_use:
        blocks.append(
            note(
                f"{f.other_pages_in_use:,} other pages show the files (Wikidata items, Commons "
                "galleries, talk, user and project pages): kept, not counted as article views."
            )
        )
    return blocks


def files(f: ReachFigures) -> list[Block]:
    use = stacked_bars(
        [("files", {"in use": float(f.files_in_use), "not used": float(f.files_unused)})],
        ["in use", "not used"],
        "Files in use on at least one Wikipedia article",
    )
    in_use = [[m, a, b, _pct(a, b)] for m, a, b in f.files_in_use_monthly]
    by_source = [[s, a, b, _pct(a, b)] for s, a, b in f.files_in_use_by_source]
    blocks: list[Block] = [
        use,
        Heading("Files in use per month"),
        table(["month", "in use", "measured", "% in use"], in_use, {1, 2}),
        Heading("Files in use by category, list or upload batch"),
        table(["files from", "in use", "measured", "% in use"], by_source, {1, 2}),
    ]
    if f.category_depths:
        depths = "; ".join(f"{c}: {d} level(s) of subcategories" for c, d in sorted(f.category_depths.items()))
        blocks.append(note(f"Category listings went to: {depths}."))
    blocks.append(Heading("Top files"))
    blocks.append(table(["file", "articles", "views of those articles"], [list(r) for r in f.top_files], {1, 2}))
    if f.unused_files:
        shown = ", ".join(f.unused_files[:30])
        more = f" and {len(f.unused_files) - 30:,} more (reach-unused-files.csv)" if len(f.unused_files) > 30 else ""
        blocks.append(note(f"Not used in any Wikipedia article: {shown}{more}."))
    return blocks


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}%" if b else "no files"


def articles(f: ReachFigures) -> list[Block]:
    rows = [[w, t.replace("_", " "), n_files, v] for w, t, n_files, v in f.top_articles]
    return [table(["wiki", "article", "files used", "views"], rows, {2, 3})]


def new_usage(f: ReachFigures) -> list[Block]:
    since = f"since the last report ({f.new_usage_since})" if f.new_usage_since else "(first report: all usage is new)"
    rows = [[file, w, t.replace("_", " "), seen] for file, w, t, seen in f.new_usage[:50]]
    body = table(["file", "wiki", "article", "first seen"], rows) if rows else empty("No new usage.")
    return [para(f"{len(f.new_usage):,} article uses {since}."), body]


def media(f: ReachFigures) -> list[Block]:
    m = f.media
    if not m:
        return []
    rows: list[list[object]] = [
        ["media requests (REST API)", "agent 'user' only, all referers, monthly", m.get("api_user_requests", 0)],
        [
            "media file transfers (mediacounts dumps)",
            f"every agent, bots included; {m.get('dump_days', 0)} daily file(s) loaded",
            m.get("dump_all_agent_transfers", 0),
        ],
    ]
    return [table(["measure", "contains", "figure"], rows, {2})]


def evidence(f: ReachFigures) -> list[Block]:
    blocks: list[Block] = [Bullets(tuple(METHODS))]
    if f.sources:
        shown = "; ".join(f"{s}: {n:,}" for s, n in f.sources.items())
        blocks.append(note(f"Source kept per article-month: {shown}."))
    if f.disagreements:
        rows = [[w, t.replace("_", " "), m, a, d, s] for w, t, m, a, d, s in f.disagreements[:100]]
        heading = f"API and dumps disagree ({len(f.disagreements):,} article-months; the API figure is kept)"
        blocks.append(Heading(heading))
        blocks.append(table(["wiki", "article", "month", "API", "dumps", "dump source"], rows, {3, 4}))
    if f.excluded_agents:
        shown = "; ".join(f"{agent}: {n:,}" for agent, n in f.excluded_agents.items())
        blocks.append(note(f"Views excluded from every figure above (not people): {shown}."))
    blocks.append(Heading("Media requests (a different measure from page views)"))
    blocks += media(f)
    if f.gaps:
        rows = [[w, t.replace("_", " "), m, why] for w, t, m, why in f.gaps[:100]]
        blocks += [Heading(f"Gaps ({len(f.gaps):,} article-months)"), table(["wiki", "article", "month", "why"], rows)]
    elif f.collected:
        blocks.append(note("No gaps: every article-month in the period was fetched."))
    if f.dump_runs:
        rows = [[Path(p).name, e, n, bad, ex.replace("\n", " | ")[:300]] for p, e, n, bad, ex in f.dump_runs]
        blocks.append(Heading("Dump files read"))
        blocks.append(table(["file", "engine", "lines", "malformed lines", "malformed, as read"], rows, {2, 3}))
    if f.problems:
        rows = [[at, src, key, detail] for at, src, key, detail in f.problems[:100]]
        blocks.append(Heading(f"Answers that could not be read ({len(f.problems):,})"))
        blocks.append(table(["when", "source", "about", "what"], rows))
    return blocks


def sections(f: ReachFigures) -> list[Section]:
    return [
        Section("reach-summary", "Reach: the figures", headline(f) + monthly(f)),
        Section("reach-wikis", "Reach by wiki and language", by_wiki(f)),
        Section("reach-files", "Files in use", files(f)),
        Section("reach-articles", "Top articles", articles(f)),
        Section("reach-new", "New usage", new_usage(f)),
        Section("reach-methods", "Methods and evidence", evidence(f)),
    ]


def write_report(f: ReachFigures, folder: Path, title: str) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    names = (
        "monthly",
        "wikis",
        "files",
        "articles",
        "article-months",
        "gaps",
        "new-usage",
        "unused-files",
        "disagreements",
    )
    paths = {"html": folder / "reach-report.html", "json": folder / "reach.json"}
    paths.update({n.replace("-", "_"): folder / f"reach-{n}.csv" for n in names})
    subtitle = f"Reach of the files, {f.first} to {f.last}"
    paths["html"].write_text(render(title, subtitle, sections(f)), encoding="utf-8")
    paths["json"].write_text(json.dumps(f.as_json(), indent=2, ensure_ascii=False), encoding="utf-8")
    _csv(paths["monthly"], ["month", "views", "pages_with_gaps", "status"], f.monthly)
    _csv(paths["wikis"], ["wiki", "articles", "views"], f.per_wiki)
    _csv(paths["files"], ["file", "articles", "views"], f.top_files)
    _csv(paths["articles"], ["wiki", "title", "files", "views"], f.top_articles)
    _csv(paths["article_months"], ["wiki", "title", "month", "views", "source"], f.article_months)
    _csv(paths["gaps"], ["wiki", "title", "month", "why"], f.gaps)
    _csv(paths["new_usage"], ["file", "wiki", "title", "first_seen"], f.new_usage)
    _csv(paths["unused_files"], ["file"], [[n] for n in f.unused_files])
    _csv(paths["disagreements"], ["wiki", "title", "month", "api", "dumps", "dump_source"], f.disagreements)
    return paths


def _csv(path: Path, header: list[str], rows: Iterable[Sequence[object]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows([neutralise(c) if isinstance(c, str) else c for c in row] for row in rows)
