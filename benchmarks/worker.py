"""Child process of the harness: import, run, print timing and peak memory as JSON."""

from __future__ import annotations

import importlib
import json
import resource
import sys
import time


def main() -> None:
    payload = json.loads(sys.argv[1])
    module_name, func_name = payload["target"].split(":")
    func = getattr(importlib.import_module(module_name), func_name)
    start = time.perf_counter()
    result = func(*payload["args"])
    seconds = time.perf_counter() - start
    # The larger of this process and any child it forked (the ingest reads in a child process).
    peak_kb = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    )
    out = result if isinstance(result, dict) else {"items": int(result or 0)}
    out.update(seconds=seconds, peak_mb=peak_kb / 1024)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
