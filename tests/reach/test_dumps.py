"""Dump aggregation on DuckDB: the published formats, malformed lines counted, streaming."""

from __future__ import annotations

from pathlib import Path

import pytest

from glamwiki.reach.dumpformats import hourly_codes, identify, upload_path
from glamwiki.reach.engines import aggregate
from glamwiki.reach.errors import DumpFileError
from glamwiki.reach.linestream import BLOCK, LineCounter, batches, decompressed


def test_pageview_complete_daily(pvc_file: Path, targets: list) -> None:
    counts = aggregate(pvc_file, targets, "duckdb")
    assert counts.views == {
        ("en.wikipedia", "Mona_Lisa"): 2000,  # desktop + mobile-web lines summed
        ("de.wikipedia", "Mona_Lisa"): 300,
        ("fr.wikipedia", "La_Joconde"): 5,
    }
    assert counts.lines == 10  # the blank line is not data
    assert counts.malformed == 5
    assert counts.file.period == "2025-01-01" and counts.file.agent == "user"


def test_hourly_codes_and_mobile(hourly_file: Path, targets: list) -> None:
    assert hourly_codes("en.wikipedia") == ["en", "en.m"]
    assert hourly_codes("de.wikibooks") == ["de.b", "de.m.b"]
    counts = aggregate(hourly_file, targets, "duckdb")
    assert counts.views == {("en.wikipedia", "Mona_Lisa"): 100, ("de.wikipedia", "Mona_Lisa"): 3}
    assert (counts.lines, counts.malformed) == (6, 2)
    assert counts.file.granularity == "hourly"


def test_mediacounts_by_upload_path(mediacounts_file: Path) -> None:
    assert upload_path("File:Mona Lisa.jpg").startswith("/wikipedia/commons/")
    counts = aggregate(mediacounts_file, [("commons.wikimedia", "File:Mona Lisa.jpg")], "duckdb")
    assert counts.views == {("commons.wikimedia", "File:Mona Lisa.jpg"): 42}
    assert counts.malformed == 1


def test_names_must_be_published_ones(tmp_path: Path) -> None:
    with pytest.raises(DumpFileError, match="not named like"):
        identify(tmp_path / "views.txt")
    assert identify(Path("pageviews-202501-spider.bz2")).granularity == "monthly"


def test_corrupt_compression_is_an_error_not_a_crash(tmp_path: Path, targets: list) -> None:
    path = tmp_path / "pageviews-20250101-user.bz2"
    path.write_bytes(b"this is not bzip2")
    with pytest.raises(DumpFileError):
        aggregate(path, targets, "duckdb")


def test_reading_streams_in_bounded_batches(tmp_path: Path, dump_writer) -> None:
    line = b"en.wikipedia Some_rather_long_title_to_fill_the_blocks 1 desktop 7 A7"
    path = dump_writer(tmp_path, "pageviews-20250102-user.bz2", [line] * 200_000)
    counter = LineCounter()
    with decompressed(path, "bz2") as stream:
        sizes = [b.nbytes for b in batches(stream, counter)]
    assert len(sizes) > 1 and max(sizes) <= 2 * BLOCK
    counts = aggregate(path, [("en.wikipedia", "Some_rather_long_title_to_fill_the_blocks")], "duckdb")
    assert counts.views[("en.wikipedia", "Some_rather_long_title_to_fill_the_blocks")] == 1_400_000


PROBE = """
import bz2, json, resource, sys
from pathlib import Path
from glamwiki.reach.engines import aggregate_duckdb
n, path = int(sys.argv[1]), Path(sys.argv[2])
with bz2.open(path, "wt", compresslevel=1) as fh:
    fh.writelines(f"en.wikipedia Title_{i}_with_some_length {i} desktop {i % 7 + 1} A1\\n" for i in range(n))
targets = [("en.wikipedia", f"Title_{i}_with_some_length") for i in range(0, 200_000, 50)]
counts = aggregate_duckdb(path, targets)
print(json.dumps({"peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "lines": counts.lines}))
"""


def test_memory_does_not_grow_with_the_dump(tmp_path: Path) -> None:
    """7.5x more lines, same targets: peak memory must stay nearly level (it grew ~175 MB when
    DuckDB was allowed to hash the line stream instead of the targets)."""
    import json
    import subprocess
    import sys

    peaks = []
    for n, day in ((200_000, 1), (1_500_000, 2)):
        path = tmp_path / f"pageviews-2025010{day}-user.bz2"
        out = subprocess.run(
            [sys.executable, "-c", PROBE, str(n), str(path)], capture_output=True, text=True, check=True
        )
        result = json.loads(out.stdout)
        assert result["lines"] == n
        peaks.append(result["peak_mb"])
    assert peaks[1] - peaks[0] < 80, peaks


def test_decompressor_pipe_lets_bzip2_run_ahead(tmp_path: Path) -> None:
    """The pipe from `bzip2 -dc` holds 1 MiB (not Linux's default 64 KiB), so decompression does not
    stall while DuckDB works on a batch; the lines still come through whole."""
    import bz2
    import fcntl
    import sys

    from glamwiki.reach.linestream import PIPE_BYTES, decompressed

    if sys.platform != "linux":
        pytest.skip("pipe sizes are a Linux setting")
    path = tmp_path / "pageviews-20250101-user.bz2"
    path.write_bytes(bz2.compress(b"en.wikipedia Ada null desktop 7 A7\n" * 1000))
    with decompressed(path, "bz2") as stream:
        assert fcntl.fcntl(stream.fileno(), getattr(fcntl, "F_GETPIPE_SZ", 1032)) == PIPE_BYTES
        assert stream.read().count(b"\n") == 1000
