"""The reach report as HTML (charts inline as SVG), CSV and JSON."""

from __future__ import annotations

import csv
import json
from html import escape
from pathlib import Path

from glamwiki.reach.figures import METHODS, ReachFigures
from glamwiki.report.page import Section, figures, render, table
from glamwiki.report.svg import bar_chart, line_chart, stacked_bars


def headline(f: ReachFigures) -> str:
    return figures(
        [
            (f"views of articles using the files, {f.first} to {f.last}", f.total_views),
            ("articles using the files", f.articles_in_use),
            ("wikis", f.wikis),
            ("files in use", f.files_in_use),
            ("files not used", f.files_unused),
            ("media requests of the files", f.media_requests),
        ]
    )


def monthly_html(f: ReachFigures) -> str:
    complete = [(m, float(v)) for m, v, gaps in f.monthly if not gaps]
    partial = [(m, float(v)) for m, v, gaps in f.monthly if gaps]
    series = {"views (complete month)": complete}
    if partial:
        series["lower bound: month with gaps"] = partial
    if f.cim_category:
        series["Commons Impact Metrics, category"] = [(m, float(v)) for m, v in f.cim_category]
    html = line_chart(series, "Views per month of articles using the files (users only)")
    rows = [[m, v, f"{g} page(s) missing: lower bound" if g else "complete"] for m, v, g in f.monthly]
    return html + table(["month", "views", "data"], rows, {1})


def wiki_html(f: ReachFigures) -> str:
    chart = bar_chart([(w, float(v)) for w, _, v in f.per_wiki[:15]], "Views by wiki (language edition)")
    languages: dict[str, float] = {}
    for w, _, v in f.per_wiki:
        languages[w.split(".")[0]] = languages.get(w.split(".")[0], 0.0) + v
    by_language = bar_chart(
        sorted(languages.items(), key=lambda kv: (-kv[1], kv[0]))[:15], "Views by language (all projects)"
    )
    rows = [[w, w.split(".")[0], w.split(".", 1)[-1], a, v] for w, a, v in f.per_wiki]
    return chart + by_language + table(["wiki", "language", "project", "articles", "views"], rows, {3, 4})


def files_html(f: ReachFigures) -> str:
    use = stacked_bars(
        [("files", {"in use": float(f.files_in_use), "not used": float(f.files_unused)})],
        ["in use", "not used"],
        "Files in use on at least one article",
    )
    top = table(["file", "articles", "views of those articles"], [list(r) for r in f.top_files], {1, 2})
    unused = ""
    if f.unused_files:
        shown = ", ".join(escape(n) for n in f.unused_files[:30])
        more = f" and {len(f.unused_files) - 30:,} more" if len(f.unused_files) > 30 else ""
        unused = f'<p class="note">Not used in any article: {shown}{more}.</p>'
    return use + "<h3>Top files</h3>" + top + unused


def articles_html(f: ReachFigures) -> str:
    rows = [[w, t.replace("_", " "), n_files, v] for w, t, n_files, v in f.top_articles]
    return table(["wiki", "article", "files used", "views"], rows, {2, 3})


def new_usage_html(f: ReachFigures) -> str:
    since = f"since the last report ({f.new_usage_since})" if f.new_usage_since else "(first report: all usage is new)"
    rows = [[file, w, t.replace("_", " "), seen] for file, w, t, seen in f.new_usage[:50]]
    body = table(["file", "wiki", "article", "first seen"], rows) if rows else '<p class="empty">No new usage.</p>'
    return f"<p>{len(f.new_usage):,} article uses {escape(since)}.</p>" + body


def evidence_html(f: ReachFigures) -> str:
    items = "".join(f"<li>{escape(m)}</li>" for m in METHODS)
    html = f"<ul>{items}</ul>"
    if f.excluded_agents:
        shown = "; ".join(f"{agent}: {n:,}" for agent, n in f.excluded_agents.items())
        html += f'<p class="note">Views excluded from every figure above (not people): {escape(shown)}.</p>'
    if f.gaps:
        rows = [[w, t.replace("_", " "), m, why] for w, t, m, why in f.gaps[:100]]
        html += f"<h3>Gaps ({len(f.gaps):,} article-months)</h3>" + table(["wiki", "article", "month", "why"], rows)
    else:
        html += '<p class="note">No gaps: every article-month in the period was fetched.</p>'
    if f.dump_runs:
        rows = [[Path(p).name, e, n, bad] for p, e, n, bad in f.dump_runs]
        html += "<h3>Dump files read</h3>" + table(["file", "engine", "lines", "malformed lines"], rows, {2, 3})
    return html


def sections(f: ReachFigures) -> list[Section]:
    return [
        Section("reach-summary", "Reach: the figures", headline(f) + monthly_html(f)),
        Section("reach-wikis", "Reach by wiki and language", wiki_html(f)),
        Section("reach-files", "Files in use", files_html(f)),
        Section("reach-articles", "Top articles", articles_html(f)),
        Section("reach-new", "New usage", new_usage_html(f)),
        Section("reach-methods", "Methods and evidence", evidence_html(f)),
    ]


def write_report(f: ReachFigures, folder: Path, title: str) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {
        "html": folder / "reach-report.html",
        "json": folder / "reach.json",
        "monthly": folder / "reach-monthly.csv",
        "wikis": folder / "reach-wikis.csv",
        "files": folder / "reach-files.csv",
        "articles": folder / "reach-articles.csv",
        "gaps": folder / "reach-gaps.csv",
        "new_usage": folder / "reach-new-usage.csv",
    }
    subtitle = f"Reach of the files, {f.first} to {f.last}"
    paths["html"].write_text(render(title, subtitle, sections(f)), encoding="utf-8")
    paths["json"].write_text(json.dumps(f.as_json(), indent=2, ensure_ascii=False), encoding="utf-8")
    _csv(paths["monthly"], ["month", "views", "pages_with_gaps"], f.monthly)
    _csv(paths["wikis"], ["wiki", "articles", "views"], f.per_wiki)
    _csv(paths["files"], ["file", "articles", "views"], f.top_files)
    _csv(paths["articles"], ["wiki", "title", "files", "views"], f.top_articles)
    _csv(paths["gaps"], ["wiki", "title", "month", "why"], f.gaps)
    _csv(paths["new_usage"], ["file", "wiki", "title", "first_seen"], f.new_usage)
    return paths


def _csv(path: Path, header: list[str], rows: list) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
