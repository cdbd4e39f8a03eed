"""Measure a function in a fresh Python process: wall time and peak resident memory.

Running each measurement in its own process makes ``ru_maxrss`` the peak of that measurement
alone, and keeps one measurement's caches from helping the next.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"


@dataclass
class Measurement:
    name: str
    seconds: float
    peak_mb: float
    items: int = 0  # records, lines, files... processed
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        return self.items / self.seconds if self.seconds else 0.0


def shared_data() -> Path:
    """The shared real data: $GLAMWIKI_SHARED/data, else ../shared/data beside the checkout (no fixed
    machine path). A benchmark that needs it stops here with what to do."""
    import os

    root = os.environ.get("GLAMWIKI_SHARED")
    data = (Path(root) if root else Path(__file__).resolve().parents[2] / "shared") / "data"
    if not data.is_dir():
        raise SystemExit(f"This benchmark reads the shared real data, not found at {data}: set GLAMWIKI_SHARED.")
    return data


def measure(name: str, target: str, *args: object) -> Measurement:
    """Run ``target`` ("module:function") with JSON-able ``args`` in a child process.

    The function returns the number of items it processed (or a dict with "items" and more).
    """
    payload = json.dumps({"target": target, "args": list(args)})
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.worker", payload],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"benchmark {name} failed:\n{proc.stderr[-4000:]}")
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    return Measurement(name, data["seconds"], data["peak_mb"], data.get("items", 0), data.get("extra", {}))


def best_of(n: int, name: str, target: str, *args: object) -> Measurement:
    """The fastest of n runs (the least disturbed by other work on the machine)."""
    runs = [measure(name, target, *args) for _ in range(n)]
    return min(runs, key=lambda m: m.seconds)


def report(title: str, rows: list[Measurement], baseline: Measurement) -> str:
    lines = [
        f"## {title}",
        "",
        "| measurement | items | seconds | items/s | peak MB | time vs baseline |",
        "|---|---|---|---|---|---|",
    ]
    for m in [baseline, *rows]:
        ratio = m.seconds / baseline.seconds if baseline.seconds else float("nan")
        lines.append(f"| {m.name} | {m.items:,} | {m.seconds:.2f} | {m.rate:,.0f} | {m.peak_mb:.0f} | {ratio:.2f}x |")
    return "\n".join(lines) + "\n"


def save(name: str, rows: list[Measurement], text: str) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{name}.md").write_text(text, encoding="utf-8")
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps([asdict(r) for r in rows], indent=2), encoding="utf-8")
    return path
