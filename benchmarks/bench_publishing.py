"""Publishing: time per file against a real local MediaWiki, and peak memory on a 1 GB file.

- 200 small PNGs through `publish run` (journal, pre-flight SHA-1 and title checks, stash-aware
  upload, page ids) vs a bare loop of upload requests with the same API client, in the same run,
  against the same wiki (fresh processes, fresh files each time; the better of two of each).
- one 1 GB PNG through chunked upload: the peak resident memory of the uploading process, next to
  the peak of a bare pass that only reads the file in blocks for its SHA-1.
"""

from __future__ import annotations

import os
import shutil
import struct
import tempfile
import zlib
from pathlib import Path

from benchmarks.harness import measure, report, save

SMALL_FILES = int(os.environ.get("GLAMWIKI_BENCH_FILES", "200"))
BIG_BYTES = int(os.environ.get("GLAMWIKI_BENCH_BIG_BYTES", str(1024**3)))
SELF = "benchmarks.bench_publishing"


# -- tasks run in child processes ----------------------------------------------------------------
def _client(api: str, user: str, password: str):
    from glamwiki.publishing.api import ApiClient
    from glamwiki.publishing.auth import BOTPASSWORD, Credentials
    from glamwiki.publishing.etiquette import Etiquette

    client = ApiClient(
        api,
        "glamwiki benchmark <bench@example.org>",
        Credentials(BOTPASSWORD, user, password),
        Etiquette(edits_per_minute=0),
    )
    client.login()
    return client


def bare_uploads(api: str, user: str, password: str, folder: str, text: str) -> int:
    """The floor: one upload request per file with the same page text; no journal, no checks."""
    client = _client(api, user, password)
    files = sorted(Path(folder).glob("*.png"))
    for path in files:
        params = {"action": "upload", "filename": f"Bare {path.stem}.png", "text": text, "comment": "bare loop"}
        client.write(params, {"file": (path.name, path.read_bytes())})
    return len(files)


def bare_checked_uploads(api: str, user: str, password: str, folder: str, text: str) -> int:
    """The same requests glamwiki makes per file (the pre-flight read, then the upload), with no journal."""
    import hashlib

    client = _client(api, user, password)
    files = sorted(Path(folder).glob("*.png"))
    for path in files:
        data = path.read_bytes()
        title = f"Checked {path.stem}.png"
        client.get(
            action="query",
            list="allimages",
            aisha1=hashlib.sha1(data).hexdigest(),
            titles=f"File:{title}",
            prop="imageinfo|info",
            iiprop="sha1",
            intestactions="create|upload",
            intestactionsdetail="full",
        )
        params = {"action": "upload", "filename": title, "text": text, "comment": "bare loop with checks"}
        client.write(params, {"file": (path.name, data)})
    return len(files)


def glamwiki_run(api: str, user: str, password: str, project_root: str, chunk_mb: int = 4) -> dict:
    from glamwiki.project import find_project
    from glamwiki.publishing.run import Runner, RunOptions
    from glamwiki.publishing.upload import UploadSettings

    project = find_project(Path(project_root))
    client = _client(api, user, password)
    options = RunOptions(upload=UploadSettings(chunk_size=chunk_mb * 1024 * 1024, cache=project.root / "cache"))
    with project.open_store() as store:
        summary = Runner(store, client, options).run()
    return {
        "items": summary.outcomes.get("done", 0),
        "extra": {"requests": summary.requests, "unfinished": summary.unfinished},
    }


def bare_read(path: str) -> int:
    import hashlib

    sha1 = hashlib.sha1()
    with open(path, "rb") as fh:
        while block := fh.read(4 * 1024 * 1024):
            sha1.update(block)
    return 1


# -- set-up in the parent ------------------------------------------------------------------------
def _png(path: Path, seed: int) -> None:
    raw = b"".join(
        b"\x00" + bytes((seed * 7 + x * 13 + y * 31 + seed // 256) % 256 for x in range(48)) for y in range(16)
    )
    _write_png(path, 16, 16, [zlib.compress(raw + seed.to_bytes(4, "big"))])


def _write_png(path: Path, width: int, height: int, idat: list[bytes]) -> None:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    with path.open("wb") as fh:
        fh.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)))
        for data in idat:
            fh.write(chunk(b"IDAT", data))
        fh.write(chunk(b"IEND", b""))


def _big_png(path: Path, size: int) -> None:
    """A valid PNG of about ``size`` bytes written in blocks (stored deflate: no memory needed)."""
    width = int((size / 3) ** 0.5)
    row = 1 + width * 3
    comp = zlib.compressobj(0)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    noise = os.urandom(row * 64)
    with path.open("wb") as fh:
        fh.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, width, 8, 2, 0, 0, 0)))
        for start in range(0, width, 64):
            rows = min(64, width - start)
            data = comp.compress(noise[: row * rows])
            if data:
                fh.write(chunk(b"IDAT", data))
        fh.write(chunk(b"IDAT", comp.flush()))
        fh.write(chunk(b"IEND", b""))


def _project(root: Path, images: list[Path], seed: int) -> Path:
    import msgspec

    from glamwiki.model.records import FORM_2D, ImageRef, ObjectRecord, Title
    from glamwiki.model.rights import UPLOAD, RightsDecision
    from glamwiki.project import init_project
    from glamwiki.publishing.plan import PlanSettings, build_plan
    from glamwiki.store.records import Pending, digest, write_batch
    from glamwiki.store.rights import save_decisions

    project = init_project(root, institution="Bench Museum")
    records = [
        ObjectRecord(
            id=f"B{seed}-{k}",
            accession_number=f"B{seed}-{k}",
            titles=[Title(f"Bench {seed} {k}")],
            form=FORM_2D,
            images=[ImageRef("file", str(p))],
        )
        for k, p in enumerate(images)
    ]
    with project.open_store() as store:
        run = store.execute("INSERT INTO ingest_runs(source, reader, dataset) VALUES ('bench', 'bench', 'bench')")
        rows = [Pending("object", r.id, d := msgspec.json.encode(r), digest(d), r.id) for r in records]
        write_batch(store, run.lastrowid, "bench", rows)
        save_decisions(
            store, [RightsDecision("bench", r.id, "2026-01-01", UPLOAD, templates=["{{PD-old}}"]) for r in records]
        )
        build_plan(store, PlanSettings(institution="Bench Museum", title_pattern="{title}"))
    return project.root


def _page_text(root: Path) -> str:
    from glamwiki.project import find_project

    with find_project(root).open_store() as store:
        return str(store.scalar("SELECT wikitext FROM publish_plan WHERE status = 'planned' LIMIT 1"))


def _images(folder: Path, seed: int, n: int) -> list[Path]:
    folder.mkdir(parents=True)
    paths = [folder / f"img{seed}-{k:04d}.png" for k in range(n)]
    for k, p in enumerate(paths):
        _png(p, seed * 100_000 + k)
    return paths


def run() -> str:
    from glamwiki.publishing import sandbox

    work = Path(tempfile.mkdtemp(prefix="glamwiki-bench-"))
    box = sandbox.create(work / "wiki")
    sandbox.start(box)
    try:
        creds = (box.api, box.user, box.password)
        bares, checked, ours = [], [], []
        for attempt in (1, 2):
            folder, folder2 = work / f"bare{attempt}", work / f"checked{attempt}"
            _images(folder, attempt, SMALL_FILES)
            _images(folder2, 20 + attempt, SMALL_FILES)
            images = _images(work / f"ours{attempt}", 10 + attempt, SMALL_FILES)
            root = _project(work / f"proj{attempt}", images, 10 + attempt)
            text = _page_text(root)
            steps = [
                (bares, "bare upload loop", "bare_uploads", str(folder), text),
                (checked, "bare loop: pre-flight read + upload", "bare_checked_uploads", str(folder2), text),
                (ours, "glamwiki publish run", "glamwiki_run", str(root)),
            ]
            for into, name, func, *args in steps if attempt == 1 else reversed(steps):  # alternate the order
                into.append(measure(f"{name}, {SMALL_FILES} files", f"{SELF}:{func}", *creds, *args))
        base, mine = min(bares, key=lambda m: m.seconds), min(ours, key=lambda m: m.seconds)
        same_requests = min(checked, key=lambda m: m.seconds)
        text = report(f"{SMALL_FILES} small images to a local MediaWiki (time per file)", [same_requests, mine], base)
        text += f"\nglamwiki vs the bare loop making the same requests: {mine.seconds / same_requests.seconds:.2f}x\n"
        text += f"\nper file: bare {1000 * base.seconds / base.items:.0f} ms, glamwiki "
        text += f"{1000 * mine.seconds / max(mine.items, 1):.0f} ms; requests by glamwiki: {mine.extra}\n"
        rows = [base, same_requests, mine]
        free = shutil.disk_usage(work).free
        if free > 6 * BIG_BYTES:
            big = work / "big"
            big.mkdir()
            _big_png(big / "big.png", BIG_BYTES)
            read = measure("bare SHA-1 read of the 1 GB file", f"{SELF}:bare_read", str(big / "big.png"))
            root = _project(work / "projbig", [big / "big.png"], 99)
            up = measure(
                "glamwiki publish run, one 1 GB file (8 MB chunks)", f"{SELF}:glamwiki_run", *creds, str(root), 8
            )
            text += "\n" + report("Peak memory uploading a 1 GB file", [up], read)
            rows += [read, up]
            (big / "big.png").unlink()
        else:
            text += f"\n1 GB file skipped: only {free / 1024**3:.1f} GB free\n"
        save("publishing", rows, text)
        return text
    finally:
        sandbox.stop(box)
        shutil.rmtree(work, ignore_errors=True)
