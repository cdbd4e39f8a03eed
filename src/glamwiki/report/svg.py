"""Small, dependency-free SVG charts. Every label is escaped (``html.escape``) and every other
attribute is a number or a palette colour, so the SVG is passed to the templates as ``Markup``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from markupsafe import Markup

from glamwiki.render.blocks import Chart

PALETTE = ("#3366cc", "#dc3912", "#ff9900", "#109618", "#990099", "#0099c6", "#dd4477", "#66aa00")


def bar_chart(data: list[tuple[str, float]], title: str, width: int = 560, unit: str = "") -> Chart:
    """Horizontal bars, one per (label, value), longest scaled to the width."""
    if not data:
        return Chart(title, None)
    row, label_w, pad = 22, 170, 60
    height = row * len(data) + 30
    top = max(v for _, v in data) or 1
    spoken = [f"{label}: {_fmt(value)}{unit}" for label, value in data]
    parts = [_open(width, height, title, spoken), f'<text x="0" y="14" class="t">{escape(title)}</text>']
    for i, (label, value) in enumerate(data):
        y = 24 + i * row
        w = (width - label_w - pad) * (value / top)
        parts.append(f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end">{escape(_short(label))}</text>')
        parts.append(
            f'<rect x="{label_w}" y="{y + 2}" width="{w:.1f}" height="{row - 6}" fill="{PALETTE[0]}">'
            f"<title>{escape(label)}: {_fmt(value)}{escape(unit)}</title></rect>"
        )
        parts.append(f'<text x="{label_w + w + 4:.1f}" y="{y + 14}">{_fmt(value)}{escape(unit)}</text>')
    return _chart(title, parts)


def stacked_bars(
    rows: Sequence[tuple[str, Mapping[str, float]]], keys: Sequence[str], title: str, width: int = 560
) -> Chart:
    """One horizontal bar per row, split into shares of ``keys``, with a legend."""
    if not rows:
        return Chart(title, None)
    row, label_w = 22, 170
    height = row * len(rows) + 56
    inner = width - label_w - 10
    spoken = [f"{label}: " + ", ".join(f"{k} {_fmt(values.get(k, 0))}" for k in keys) for label, values in rows]
    parts = [_open(width, height, title, spoken), f'<text x="0" y="14" class="t">{escape(title)}</text>']
    for i, (label, values) in enumerate(rows):
        y = 24 + i * row
        total = sum(values.get(k, 0) for k in keys) or 1
        x = float(label_w)
        parts.append(f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end">{escape(_short(label))}</text>')
        for j, key in enumerate(keys):
            w = inner * values.get(key, 0) / total
            if w > 0:
                share = 100 * values.get(key, 0) / total
                parts.append(
                    f'<rect x="{x:.1f}" y="{y + 2}" width="{w:.1f}" height="{row - 6}" '
                    f'fill="{PALETTE[j % len(PALETTE)]}"><title>{escape(label)}, {escape(key)}: '
                    f"{_fmt(values.get(key, 0))} ({share:.0f}%)</title></rect>"
                )
            x += w
    parts.append(_legend(keys, 24 + len(rows) * row + 8, label_w))
    return _chart(title, parts)


def line_chart(series: dict[str, list[tuple[str, float]]], title: str, width: int = 560, height: int = 220) -> Chart:
    """Lines over shared x labels (e.g. months); a point with no value is left as a gap."""
    labels = sorted({x for points in series.values() for x, _ in points})
    if not labels:
        return Chart(title, None)
    left, bottom, top_pad = 60, 30, 24
    plot_h = height - bottom - top_pad - 20
    top = max((v for pts in series.values() for _, v in pts), default=1) or 1
    step = (width - left - 10) / max(len(labels) - 1, 1)
    spoken = [f"{name}: " + ", ".join(f"{x} {_fmt(v)}" for x, v in points) for name, points in series.items()]
    parts = [
        _open(width, height, title, spoken),
        f'<text x="0" y="14" class="t">{escape(title)}</text>',
        f'<text x="{left - 6}" y="{top_pad + 10}" text-anchor="end">{_fmt(top)}</text>',
        f'<text x="{left - 6}" y="{top_pad + plot_h}" text-anchor="end">0</text>',
    ]
    for j, (name, points) in enumerate(series.items()):
        values = dict(points)
        segment: list[str] = []
        for i, label in enumerate(labels):
            if label not in values:
                if len(segment) > 1:
                    parts.append(_polyline(segment, j))
                segment = []
                continue
            x = left + i * step
            y = top_pad + plot_h * (1 - values[label] / top)
            segment.append(f"{x:.1f},{y:.1f}")
            parts.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="{PALETTE[j % len(PALETTE)]}">'
                f"<title>{escape(name)} {escape(label)}: {_fmt(values[label])}</title></circle>"
            )
        if len(segment) > 1:
            parts.append(_polyline(segment, j))
    for i in (0, len(labels) - 1):
        parts.append(
            f'<text x="{left + i * step:.1f}" y="{top_pad + plot_h + 16}" text-anchor="middle">'
            f"{escape(labels[i])}</text>"
        )
    parts.append(_legend(list(series), height - 8, left))
    return _chart(title, parts)


def _chart(title: str, parts: list[str]) -> Chart:
    return Chart(title, Markup("".join([*parts, "</svg>"])))  # every part built from escaped text


def _polyline(points: list[str], j: int) -> str:
    return f'<polyline fill="none" stroke="{PALETTE[j % len(PALETTE)]}" stroke-width="2" points="{" ".join(points)}"/>'


def _legend(keys: Sequence[str], y: int, x0: int) -> str:
    parts, x = [], x0
    for j, key in enumerate(keys):
        parts.append(
            f'<rect x="{x}" y="{y - 9}" width="10" height="10" fill="{PALETTE[j % len(PALETTE)]}"/>'
            f'<text x="{x + 14}" y="{y}">{escape(key)}</text>'
        )
        x += 24 + 7 * len(key)
    return "".join(parts)


def spoken_label(title: str, items: Sequence[str], limit: int = 600) -> str:
    """The chart as a screen reader says it (its ``aria-label``, WCAG 1.1.1 text alternative): the
    title, then each bar's or series' values, cut at ``limit`` characters."""
    text = f"{title}: {'; '.join(items)}" if items else title
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _open(width: int, height: int, title: str, items: Sequence[str] = ()) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(spoken_label(title, items))}">'
    )


def _short(label: str, limit: int = 26) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() or abs(value) >= 100 else f"{value:,.1f}"
