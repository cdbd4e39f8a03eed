"""Month arithmetic on 'YYYY-MM' strings."""

from __future__ import annotations

from datetime import UTC, date, datetime

from glamwiki.errors import ConfigError


def parse_month(text: str) -> str:
    try:
        d = datetime.strptime(text.strip()[:7], "%Y-%m")
    except ValueError as exc:
        raise ConfigError(f"{text!r} is not a month: write YYYY-MM, e.g. 2025-01.") from exc
    return d.strftime("%Y-%m")


def next_month(month: str) -> str:
    y, m = int(month[:4]), int(month[5:7])
    return f"{y + (m == 12)}-{1 if m == 12 else m + 1:02d}"


def months_before(month: str, n: int) -> str:
    """The month ``n`` months before ``month`` ("2026-03", 4 -> "2025-11")."""
    y, m = int(month[:4]), int(month[5:7]) - n
    while m < 1:
        y, m = y - 1, m + 12
    return f"{y}-{m:02d}"


def month_range(first: str, last: str) -> list[str]:
    months, m = [], first
    while m <= last:
        months.append(m)
        m = next_month(m)
    return months


def last_complete_month(today: date | None = None) -> str:
    today = today or datetime.now(UTC).date()
    y, m = today.year, today.month
    return f"{y - (m == 1)}-{12 if m == 1 else m - 1:02d}"


def month_end_day(month: str) -> str:
    """'2025-02' -> '20250228'."""
    nxt = next_month(month)
    last = date(int(nxt[:4]), int(nxt[5:7]), 1).toordinal() - 1
    return date.fromordinal(last).strftime("%Y%m%d")


def runs(months: list[str]) -> list[tuple[str, str]]:
    """Consecutive months grouped into (first, last) runs: one request per run."""
    out: list[tuple[str, str]] = []
    for m in sorted(months):
        if out and next_month(out[-1][1]) == m:
            out[-1] = (out[-1][0], m)
        else:
            out.append((m, m))
    return out


def collect_months(first: str | None, last: str | None) -> tuple[str, str]:
    """The months a collect covers: ``last`` (default the last complete month) and ``first``
    (default 12 months before it)."""
    end = parse_month(last) if last else last_complete_month()
    start = parse_month(first) if first else next_month(f"{int(end[:4]) - 1}-{end[5:7]}")
    if start > end:
        raise ConfigError(f"--from {start} is after --to {end}.")
    return start, end
