"""The change-over-time chart of the gap section: the share of women at each funnel step, one
point per `glamwiki gaps` run, with events (an edit-a-thon, a residency) marked as dated lines."""

from __future__ import annotations

import math
from datetime import date
from html import escape
from typing import Any

from markupsafe import Markup

from glamwiki.render.blocks import Chart, Para, empty, note
from glamwiki.report.svg import PALETTE

WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 560, 240, 44, 12, 28, 60


def series(snaps: list[tuple[str, dict[str, Any]]]) -> dict[str, list[tuple[date, float]]]:
    """Funnel step -> [(day, share of women among the step's people with gender recorded, in %)]."""
    out: dict[str, list[tuple[date, float]]] = {}
    for taken_at, figures in snaps:
        day = date.fromisoformat(taken_at[:10])
        for step in figures.get("funnel", []):
            known = step.get("gender_recorded") or 0
            if known:
                out.setdefault(step["step"], []).append((day, 100 * step["women"] / known))
    return out


def change_chart(snaps: list[tuple[str, dict[str, Any]]], events: list[tuple[str, str]]) -> Chart | Para:
    title = "Share of women at each funnel step, run by run"
    data = series(snaps)
    if len({taken[:10] for taken, _ in snaps}) == 1 and not events:
        return note(
            f"{title}: one day of runs so far ({snaps[0][0][:10]}); "
            "the chart of change over time starts with a `glamwiki gaps` run on another day."
        )
    days = sorted({d for pts in data.values() for d, _ in pts} | {date.fromisoformat(e) for e, _ in events})
    if not data:
        return empty(f"{title}: no snapshot yet (each `glamwiki gaps` run keeps one).")
    first, last = days[0], days[-1]
    span = max((last - first).days, 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(d: date) -> float:
        return LEFT + plot_w * ((d - first).days / span if last > first else 0.5)

    top = min(100, max(10, math.ceil(max(v for pts in data.values() for _, v in pts) / 10) * 10))

    def y(v: float) -> float:
        return TOP + plot_h * (1 - v / top)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(title)}">',
        f'<text x="0" y="14" class="t">{escape(title)}</text>',
        f'<text x="{LEFT - 4}" y="{y(top) + 4:.1f}" text-anchor="end">{top}%</text>',
        f'<text x="{LEFT - 4}" y="{y(0):.1f}" text-anchor="end">0%</text>',
        f'<text x="{LEFT}" y="{TOP + plot_h + 14}">{first.isoformat()}</text>',
        f'<text x="{LEFT + plot_w}" y="{TOP + plot_h + 14}" text-anchor="end">{last.isoformat()}</text>',
    ]
    for day, label in events:
        ex = x(date.fromisoformat(day))
        parts.append(
            f'<line x1="{ex:.1f}" y1="{TOP}" x2="{ex:.1f}" y2="{TOP + plot_h}" stroke="#777" '
            f'stroke-dasharray="4 3"><title>{escape(day)}: {escape(label)}</title></line>'
            f'<text x="{ex + 3:.1f}" y="{TOP + 10}" class="event">{escape(label[:30])}</text>'
        )
    for j, (step, points) in enumerate(data.items()):
        colour = PALETTE[j % len(PALETTE)]
        coords = [f"{x(d):.1f},{y(v):.1f}" for d, v in points]
        if len(coords) > 1:
            parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{" ".join(coords)}"/>')
        for (d, v), c in zip(points, coords, strict=True):
            cx, cy = c.split(",")
            parts.append(
                f'<circle cx="{cx}" cy="{cy}" r="3" fill="{colour}">'
                f"<title>{escape(step)}, {d.isoformat()}: {v:.1f}%</title></circle>"
            )
    parts.append(_legend(list(data)))
    parts.append("</svg>")
    return Chart(title, Markup("".join(parts)))  # labels escaped, the rest numbers and palette colours


def _legend(keys: list[str]) -> str:
    parts, x, row = [], LEFT, HEIGHT - 30
    for j, key in enumerate(keys):
        width = 24 + 6 * len(key)
        if x + width > WIDTH:
            x, row = LEFT, row + 14
        parts.append(
            f'<rect x="{x}" y="{row - 9}" width="10" height="10" fill="{PALETTE[j % len(PALETTE)]}"/>'
            f'<text x="{x + 14}" y="{row}">{escape(key)}</text>'
        )
        x += width
    return "".join(parts)
