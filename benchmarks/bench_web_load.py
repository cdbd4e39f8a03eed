"""The web workspace under load (issue 14): 10 projects of 100,000 records on PostgreSQL, 50
concurrent users from Locust on loopback; p50/p95/p99 per page, errors, and the ratio of each
page's p95 to a baseline measured in the same run (the static CSS file: the server's floor).

The data is built first if missing (web_load_data.py: real Tate and CMoA rows through the real
stages; cached). The server is a real uvicorn with several worker processes (``--workers``, as
docs/web.md recommends for the machine); each user is its own account (a mix of roles), logged in
to every project, browsing random projects' dashboards and queues (web_load_locustfile.py).

Locust (https://locust.io, PyPI ``locust``) is the load tool: it is kept up (monthly releases), it
runs headless from the command line, each simulated user is Python code holding its own cookies,
so a user logs in, reads a CSRF token and follows the links a page shows, as a person does; tools
that replay a fixed list of URLs (ab, wrk, oha) cannot log 50 different accounts in.

    python -m benchmarks web_load                      # 10 x 100,000, 50 users, 120 s
    python -m benchmarks.bench_web_load --projects 2 --records 2000 --users 10 --seconds 20
"""

from __future__ import annotations

import argparse
import json
import math
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks import web_load_data
from benchmarks.harness import RESULTS, ROOT

BASELINE = "baseline: static CSS"
# 50 users: 5 admins, 10 residents, 20 curators, 15 viewers (the same shares for other counts).
ROLE_SHARES = (("admin", 0.1), ("resident", 0.2), ("curator", 0.4), ("viewer", 0.3))


@dataclass(frozen=True)
class LoadProject:
    name: str
    url: str
    schema: str
    folder: Path


def projects_of(root: Path, count: int, url: str, prefix: str = "load") -> list[LoadProject]:
    return [LoadProject(f.name, url, web_load_data.schema_of(i, prefix), f)
            for i, f in enumerate(web_load_data.project_folders(root, count))]  # fmt: skip


def accounts(count: int) -> list[tuple[str, str]]:
    """``count`` (name, role) pairs in the shares of ROLE_SHARES."""
    roles = [role for role, share in ROLE_SHARES for _ in range(max(1, round(share * count)))]
    return [(f"load-{i:02d}", roles[i % len(roles)]) for i in range(count)]


def make_accounts(projects: list[LoadProject], users: list[tuple[str, str]], password: str,
                  site_schema: str) -> None:  # fmt: skip
    """Every user an account of the site (its store: the schema glamwiki_site of the projects'
    database, made if missing) with its role, and this run's password (hashed once per user)."""
    from glamwiki.store.accounts import add_account, get_account, set_password_hash
    from glamwiki.web.auth import hash_password
    from glamwiki.web.site import postgres_site, prepare_accounts_store

    site = postgres_site(projects[0].url, [p.schema for p in projects], site_schema)
    prepare_accounts_store(site, migrate=True)
    with site.accounts.open() as store, store.transaction():
        for name, role in users:
            if get_account(store, name) is None:
                add_account(store, name, role, hash_password(password), created_by="load benchmark")
            else:
                set_password_hash(store, name, hash_password(password))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
            s.sendall(b"GET /static/web.css HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            return s.recv(16).startswith(b"HTTP/1.1 200")
    except OSError:
        return False


@contextmanager
def serving(projects: list[LoadProject], workers: int, log: Path, site_schema: str) -> Iterator[str]:
    """`glamwiki web` serving the projects as one site, ``workers`` uvicorn processes, on a free
    loopback port. Its standard output (where a first start would print a password) is dropped."""
    port = free_port()
    names = [arg for p in projects for arg in ("--project", p.schema)]
    secret = log.with_suffix(".key")
    command = [sys.executable, "-m", "glamwiki", "web", "--store-url", projects[0].url, *names, "--site-schema",
               site_schema, "--secret-file", str(secret), "--workers", str(workers), "--host", "127.0.0.1",
               "--port", str(port)]  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k not in ("GLAMWIKI_PROJECT", "GLAMWIKI_STORE_URL")}
    with log.open("w") as out:
        proc = subprocess.Popen(command, cwd=log.parent, env=env, stdout=subprocess.DEVNULL, stderr=out)
    try:
        end = time.monotonic() + 120
        while not _answers(port):
            if proc.poll() is not None or time.monotonic() > end:
                raise RuntimeError(f"the web server did not start: {log.read_text()[-3000:]}")
            time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        secret.unlink(missing_ok=True)


def run_locust(base: str, projects: list[LoadProject], users: list[tuple[str, str]], password: str,
               seconds: int, ramp: int) -> dict[str, Any]:  # fmt: skip
    """Locust headless: ``len(users)`` users, measured for ``seconds`` once all are logged in (the
    run is cut at ``ramp`` + ``seconds`` + 300 s whatever happens); the raw times it kept."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "raw.json"
        env = {**os.environ, "GLAMWIKI_LOAD_OUT": str(out), "GLAMWIKI_LOAD_PASSWORD": password,
               "GLAMWIKI_LOAD_SECONDS": str(seconds),
               "GLAMWIKI_LOAD_USERS": json.dumps([name for name, _ in users]),
               "GLAMWIKI_LOAD_PROJECTS": json.dumps([p.schema for p in projects])}  # fmt: skip
        rate = max(1, len(users) // 5)  # every user started within about 5 s
        command = [sys.executable, "-m", "locust", "-f", str(ROOT / "benchmarks" / "web_load_locustfile.py"),
                   "--host", base, "--headless", "--users", str(len(users)), "--spawn-rate", str(rate), "--run-time",
                   f"{ramp + seconds + 300}s", "--only-summary", "--loglevel", "WARNING",
                   "--stop-timeout", "10"]  # fmt: skip
        proc = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
        if not out.exists():
            raise RuntimeError(f"locust wrote no results ({proc.returncode}): {proc.stderr[-3000:]}")
        found: dict[str, Any] = json.loads(out.read_text())
    found["locust_exit"] = proc.returncode
    return found


def percentile(values: list[float], q: float) -> float:
    """The nearest-rank percentile (q in 0..100) of ``values``."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)] if ordered else float("nan")


def summarise(raw: dict[str, Any]) -> dict[str, Any]:
    window = max(0.0, float(raw["until"]) - float(raw["since"])) if raw["since"] else 0.0
    pages: dict[str, dict[str, float | int]] = {}
    for name, values in sorted(raw["times"].items()):
        pages[name] = {"requests": len(values), "answered": raw["answered"].get(name, 0),
                       "errors": len(raw["failures"].get(name, [])),
                       "p50_ms": percentile(values, 50), "p95_ms": percentile(values, 95),
                       "p99_ms": percentile(values, 99), "max_ms": max(values)}  # fmt: skip
    base = pages.get(BASELINE, {}).get("p95_ms") or float("nan")
    for row in pages.values():
        row["p95_vs_baseline"] = round(float(row["p95_ms"]) / base, 1) if base == base else float("nan")
    measured = [v for name, values in raw["times"].items() if not name.startswith("baseline") for v in values]
    return {"window_s": round(window, 1), "users_ready": raw["ready"], "pages": pages,
            "requests": sum(int(r["requests"]) for r in pages.values()),
            "answered": dict(raw["answered"]), "errors": sum(len(v) for v in raw["failures"].values()),
            "requests_per_s": round(sum(int(r["requests"]) for r in pages.values()) / window, 1) if window else 0,
            "p95_all_pages_ms": percentile(measured, 95),
            "error_samples": {k: v[:3] for k, v in raw["failures"].items() if v}}  # fmt: skip


def markdown(summary: dict[str, Any], setup: dict[str, Any]) -> str:
    lines = [f"## Web workspace under load: {setup['projects']} projects x {setup['records']:,} records on "
             f"PostgreSQL, {setup['users']} users, {setup['workers']} workers",
             "", f"{summary['requests']:,} requests in {summary['window_s']} s ({summary['requests_per_s']}/s), "
             f"{summary['errors']} errors; p95 of every page (baseline excluded): "
             f"{summary['p95_all_pages_ms']:.0f} ms (aim: under 300 ms). {setup['when']}", "",
             "| page | requests | errors | p50 ms | p95 ms | p99 ms | max ms | p95 vs baseline |",
             "|---|---|---|---|---|---|---|---|"]  # fmt: skip
    for name, r in summary["pages"].items():
        lines.append(f"| {name} | {r['requests']:,} | {r['errors']} | {r['p50_ms']:.0f} | {r['p95_ms']:.0f} | "
                     f"{r['p99_ms']:.0f} | {r['max_ms']:.0f} | {r['p95_vs_baseline']}x |")  # fmt: skip
    return "\n".join(lines) + "\n"


def measure_load(projects: list[LoadProject], users: int, seconds: int, workers: int, ramp: int,
                 log: Path, site_schema: str = "glamwiki_site") -> dict[str, Any]:  # fmt: skip
    """Accounts, server, Locust: the summary of one run (the password lives only in this call)."""
    people = accounts(users)
    password = secrets.token_urlsafe(18)
    make_accounts(projects, people, password, site_schema)
    with serving(projects, workers, log, site_schema) as base:
        raw = run_locust(base, projects, people, password, seconds, ramp)
    summary = summarise(raw)
    summary["roles"] = {role: sum(1 for _, r in people if r == role) for role, _ in ROLE_SHARES}
    return summary


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description="The web workspace under load (see the module's docstring).")
    parser.add_argument("--projects", type=int, default=10)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=120, help="measured time, after every user logged in")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes (docs/web.md)")
    parser.add_argument("--db", default="glamwiki_load")
    parser.add_argument("--label", default="", help="a name for this run's result files")
    parser.add_argument("--built", type=int, default=0, help="see web_load_data.py --built")
    args = parser.parse_args(argv)
    root = RESULTS / f"web-load-{args.projects}x{args.records}"
    web_load_data.main(["--projects", str(args.projects), "--records", str(args.records), "--db", args.db,
                        "--root", str(root), "--built", str(args.built)])  # fmt: skip
    projects = projects_of(root, args.projects, web_load_data.default_url(args.db))
    ramp = 20 + args.users * args.projects // 10  # the logins (Argon2) before measuring
    stem = f"web-load-{args.projects}x{args.records}-{args.users}u" + (f"-{args.label}" if args.label else "")
    summary = measure_load(projects, args.users, args.seconds, args.workers, ramp, RESULTS / f"{stem}.server.log")
    setup = {"projects": args.projects, "records": args.records, "users": args.users, "workers": args.workers,
             "seconds": args.seconds, "when": datetime.now(UTC).isoformat(timespec="seconds")}  # fmt: skip
    text = markdown(summary, setup)
    (RESULTS / f"{stem}.json").write_text(json.dumps({"setup": setup, **summary}, indent=1) + "\n")
    (RESULTS / f"{stem}.md").write_text(text)
    return text


def run() -> str:
    return main([])


if __name__ == "__main__":
    print(main())
