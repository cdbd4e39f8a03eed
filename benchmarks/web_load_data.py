"""The data of the web load benchmark (bench_web_load.py): N projects of R records each on
PostgreSQL (one schema per project in one database), made from REAL catalogue rows and taken
through the real stages the web pages read.

Each project's records are Tate artworks (``tate/artworks.jsonl.gz``, the 2014 CC0 export) and
Carnegie Museum of Art objects (``cmoa/objects.jsonl.gz``, CC0 2017) in a proportion that differs
per project (project k: a CMoA share of 10 % + 5 % * k), starting at a different row per project,
the rows repeated as often as needed with a distinct accession number and id per copy
(``A00001`` then ``A00001-2``, ``A00001-3``...), so every record is a real catalogue row and every
planned Commons title is distinct. Each project is then taken through the commands a residency
runs, each in its own process: ``ingest`` (both sources), ``rights --as-of``, ``link run`` against
NGA's constituents (candidates for the link queue), ``gaps``, ``publish plan``, and approvals of
one upload in ten (by the accession numbers ending in 7; the upload queue then has approved and
waiting files), and ``glamwiki web refresh`` (the stage dashboards drawn and kept). ``ingest``,
``rights`` and ``link run`` record jobs (the jobs page).

Idempotent and cached: a project folder remembers the stages it finished (``stages.done``) and a
rerun skips them; a project whose stages are all done is skipped. One project at a time (the
machine is shared). Prints progress and seconds per stage.

    python -m benchmarks.web_load_data [--projects 10] [--records 100000] [--db glamwiki_load]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks.harness import RESULTS, shared_data

AS_OF = "2026-01-01"
STAGES = ("init", "ingest-tate", "ingest-cmoa", "rights", "link", "gaps", "plan", "approve", "dashboards")


def default_url(db: str) -> str:
    return f"postgresql:///{db}"


def schema_of(index: int, prefix: str = "load") -> str:
    return f"{prefix}_{index:02d}"


def cmoa_share(index: int) -> float:
    return 0.10 + 0.05 * index


def _rows(path: Path) -> list[dict[str, object]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _copies(rows: list[dict[str, object]], wanted: int, start: int) -> Iterator[tuple[int, dict[str, object]]]:
    """``wanted`` rows from ``start`` round the list; the copy number (1, 2, ...) with each."""
    for n in range(wanted):
        yield n // len(rows) + 1, rows[(start + n) % len(rows)]


def _write_copies(source: Path, target: Path, keys: tuple[str, ...], wanted: int, start: int) -> None:
    """``wanted`` rows of the JSON-lines export ``source`` into ``target``, the ``keys`` of each copy
    after the first suffixed with its copy number (distinct ids and accession numbers)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    rows = _rows(source)
    with gzip.open(target, "wt", encoding="utf-8", compresslevel=1) as out:
        for copy, row in _copies(rows, wanted, start):
            if copy > 1:
                row = {**row, **{k: f"{row[k]}-{copy}" for k in keys}}
            out.write(json.dumps(row) + "\n")


def write_tate(data: Path, folder: Path, wanted: int, start: int) -> None:
    """A Tate export (artworks JSON lines + the real artist list) of ``wanted`` artworks."""
    _write_copies(data / "tate" / "artworks.jsonl.gz", folder / "artworks.jsonl.gz", ("acno", "id"), wanted, start)
    artists = folder / "artist_data.csv"
    if not artists.exists():
        artists.write_bytes((data / "tate" / "artist_data.csv").read_bytes())


def write_cmoa(data: Path, folder: Path, wanted: int, start: int) -> None:
    """A Carnegie Museum of Art export (objects JSON lines) of ``wanted`` objects."""
    _write_copies(data / "cmoa" / "objects.jsonl.gz", folder / "objects.jsonl.gz", ("accession_number", "id"),
                  wanted, start)  # fmt: skip


def run_glamwiki(folder: Path, *args: str, in_process: bool = False) -> None:
    """``glamwiki ARGS`` in the project: in its own process, or in this one (the CI-sized test)."""
    if in_process:
        from click.testing import CliRunner

        from glamwiki.cli import cli

        result = CliRunner(env={"GLAMWIKI_PROJECT": str(folder)}).invoke(cli, list(args), catch_exceptions=False)
        if result.exit_code not in (0, 3):
            raise SystemExit(f"glamwiki {' '.join(args)} failed ({result.exit_code}):\n{result.output[-3000:]}")
        return
    env = {**os.environ, "GLAMWIKI_PROJECT": str(folder)}
    proc = subprocess.run([sys.executable, "-m", "glamwiki", *args], env=env, capture_output=True, text=True,
                          check=False)  # fmt: skip
    if proc.returncode not in (0, 3):  # 3: done, some input rejected (kept as ingest errors)
        raise SystemExit(f"glamwiki {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")


def _stage(name: str, folder: Path, url: str, index: int, records: int, data: Path, schema: str,
           in_process: bool) -> None:  # fmt: skip
    cmoa = round(records * cmoa_share(index))
    inputs = folder.parent / f"{folder.name}-input"

    def _glamwiki(folder: Path, *args: str) -> None:
        run_glamwiki(folder, *args, in_process=in_process)

    if name == "init":
        from glamwiki.project import init_project

        init_project(folder, institution=f"Museum {index}", store_url=url, schema=schema)
    elif name == "ingest-tate":
        write_tate(data, inputs / "tate", records - cmoa, start=index * 6_911)
        _glamwiki(folder, "ingest", str(inputs / "tate"), "--profile", "tate")
    elif name == "ingest-cmoa":
        write_cmoa(data, inputs / "cmoa", cmoa, start=index * 2_819)
        _glamwiki(folder, "ingest", str(inputs / "cmoa"), "--profile", "cmoa")
    elif name == "rights":
        _glamwiki(folder, "rights", "--as-of", AS_OF)
    elif name == "link":
        _glamwiki(folder, "link", "run", "--authority", str(data / "nga"), "--authority-profile", "nga")
    elif name == "gaps":
        _glamwiki(folder, "gaps", "--no-snapshot")
    elif name == "plan":
        _glamwiki(folder, "publish", "plan")
    elif name == "dashboards":  # drawn once, as `glamwiki web refresh` does after a long run
        _glamwiki(folder, "web", "--project", schema, "refresh")
    elif name == "approve":
        _glamwiki(folder, "publish", "approve", "--title-contains", "7.jpg", "--by", "load-benchmark",
                  "--reason", "benchmark data: one in ten approved")  # fmt: skip


def build(folder: Path, url: str, index: int, records: int, data: Path, *, schema: str = "",
          stages: tuple[str, ...] = STAGES, in_process: bool = False) -> float:  # fmt: skip
    """Take project ``index`` through every stage not done yet; the seconds it took."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    done_file = folder.parent / f"{folder.name}.done"
    done = set(done_file.read_text().split()) if done_file.exists() else set()
    began = time.perf_counter()
    if "init" in done:  # a project built by an older glamwiki: its schema brought up to date
        run_glamwiki(folder, "migrate", in_process=in_process)
    for name in stages:
        if name in done:
            continue
        start = time.perf_counter()
        _stage(name, folder, url, index, records, data, schema or schema_of(index), in_process)
        done.add(name)
        done_file.write_text("\n".join(sorted(done)) + "\n")
        print(f"  {folder.name} {name}: {time.perf_counter() - start:.1f} s", flush=True)
    return time.perf_counter() - began


def copy_project(source: Path, folder: Path, db: str, old: str, new: str) -> float:
    """Project ``index`` as a copy of the built project ``of`` (its schema dumped and restored under
    the new name by pg_dump/psql; its folder with the new name and schema): the seconds it took.
    ``db``: a database name or a postgresql:// URL (both tools take either)."""
    done_file = folder.parent / f"{folder.name}.done"
    if done_file.exists() and "copy" in done_file.read_text().split():
        return 0.0
    began = time.perf_counter()
    subprocess.run(["psql", "-q", "-c", f"DROP SCHEMA IF EXISTS {new} CASCADE", db], check=True, capture_output=True)
    dump = subprocess.Popen(["pg_dump", "--no-owner", "-n", old, db], stdout=subprocess.PIPE)
    rename = subprocess.Popen(["sed", "-e", f"s/\\b{old}\\b/{new}/g"], stdin=dump.stdout, stdout=subprocess.PIPE)
    restore = subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", db], stdin=rename.stdout, capture_output=True)
    if dump.wait() or rename.wait() or restore.returncode:
        raise SystemExit(f"copying {old} to {new} failed: {restore.stderr.decode()[-2000:]}")
    folder.mkdir(parents=True, exist_ok=True)
    toml = (source / "glamwiki.toml").read_text()
    (folder / "glamwiki.toml").write_text(toml.replace(f"'{source.name}'", f"'{folder.name}'").replace(old, new))
    done_file.write_text("copy\n")
    return time.perf_counter() - began


def ensure_database(db: str) -> None:
    found = subprocess.run(["psql", "-Atc", f"SELECT 1 FROM pg_database WHERE datname = '{db}'", "postgres"],
                           capture_output=True, text=True, check=False)  # fmt: skip
    if found.stdout.strip() != "1":
        subprocess.run(["createdb", db], check=True)


def project_folders(root: Path, projects: int) -> list[Path]:
    return [root / f"project-{i:02d}" for i in range(projects)]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--projects", type=int, default=10)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--db", default="glamwiki_load", help="PostgreSQL database (made if missing, local socket)")
    parser.add_argument("--root", type=Path, default=None, help="where the project folders go")
    parser.add_argument(
        "--built",
        type=int,
        default=0,
        help="build only the first N projects through the stages and copy the others from them",
    )
    args = parser.parse_args(argv)
    root = args.root or RESULTS / f"web-load-{args.projects}x{args.records}"
    ensure_database(args.db)
    data = shared_data()
    total = time.perf_counter()
    folders = project_folders(root, args.projects)
    built = args.built or args.projects
    for index, folder in enumerate(folders):
        print(f"project {index + 1}/{args.projects}: {folder}", flush=True)
        if index < built:
            seconds = build(folder, default_url(args.db), index, args.records, data)
        else:
            seconds = copy_project(folders[index % built], folder, args.db, schema_of(index % built), schema_of(index))
        print(
            f"  {folder.name}: {seconds:.1f} s{'' if index < built else f' (a copy of {folders[index % built].name})'}",
            flush=True,
        )
    print(f"all {args.projects} projects ready in {time.perf_counter() - total:.1f} s", flush=True)


if __name__ == "__main__":
    main()
