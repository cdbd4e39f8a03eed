"""Run every benchmark module (or those named): python -m benchmarks [intake rights ...]"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    here = Path(__file__).parent
    names = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    wanted = [f"bench_{a}" if not a.startswith("bench_") else a for a in argv] or names
    unknown = set(wanted) - set(names)
    if unknown:
        print(f"no such benchmark: {', '.join(sorted(unknown))}; have: {', '.join(names)}", file=sys.stderr)
        return 2
    for name in wanted:
        start = time.perf_counter()
        print(f"# {name}", flush=True)
        text = importlib.import_module(f"benchmarks.{name}").run()
        print(text)
        print(f"({name} took {time.perf_counter() - start:.0f}s; results in benchmarks/results/)\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
