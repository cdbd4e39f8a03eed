"""Reach test helpers: dump files written in the published formats, a local HTTP server that
serves recorded API responses (tests/reach/fixtures), and a session-wide local SparkSession."""

from __future__ import annotations

import bz2
import gzip
import json
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

FIXTURES = Path(__file__).parent / "fixtures"

# pageview_complete daily, user agents: https://dumps.wikimedia.org/other/pageview_complete/readme.html
PVC_LINES = [
    b"en.wikipedia Mona_Lisa 70889 desktop 1200 A50B1150",
    b"en.wikipedia Mona_Lisa 70889 mobile-web 800 A30B770",
    b"de.wikipedia Mona_Lisa 12345 desktop 300 C300",
    b"fr.wikipedia La_Joconde null mobile-app 5 D5",
    b"en.wikipedia Unrelated 1 desktop 99 A99",
    b"en.wikipedia Broken_line 1 desktop",  # 4 fields
    b"en.wikipedia Bad_count 1 desktop many A1",  # count not a number
    b"en.wikipedia Negative 1 desktop -4 A1",  # negative count
    b"",  # blank line: not data, skipped
    b"en.wikipedia Caf\xe9 1 desktop 3 A3",  # not UTF-8
    b"en.wikipedia Uni\x1fsep 1 desktop 3 A3",  # holds the reader's delimiter
]
# hourly pageviews: https://wikitech.wikimedia.org/wiki/Data_Platform/Data_Lake/Traffic/Pageviews
HOURLY_LINES = [
    b"en Mona_Lisa 40 0",
    b"en.m Mona_Lisa 60 0",
    b"de.b Mona_Lisa 7 0",
    b"de Mona_Lisa 3 0",
    b"en Mona_Lisa",
    b"en Mona_Lisa x 0",
]
TARGETS = [
    ("en.wikipedia", "Mona_Lisa"),
    ("de.wikipedia", "Mona_Lisa"),
    ("fr.wikipedia", "La_Joconde"),
    ("en.wikipedia", "Not_in_dump"),
]


def write_dump(folder: Path, name: str, lines: list[bytes]) -> Path:
    """Write lines compressed as published (bz2 or gz, chosen by the file name)."""
    data = b"\n".join(lines) + b"\n"
    path = folder / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else bz2.compress(data))
    return path


@pytest.fixture
def targets() -> list[tuple[str, str]]:
    return list(TARGETS)


@pytest.fixture
def dump_writer() -> Callable[[Path, str, list[bytes]], Path]:
    return write_dump


@pytest.fixture
def pvc_file(tmp_path: Path) -> Path:
    return write_dump(tmp_path, "pageviews-20250101-user.bz2", PVC_LINES)


@pytest.fixture
def hourly_file(tmp_path: Path) -> Path:
    return write_dump(tmp_path, "pageviews-20250101-130000.gz", HOURLY_LINES)


@pytest.fixture
def mediacounts_file(tmp_path: Path) -> Path:
    from glamwiki.reach.dumpformats import upload_path

    path = upload_path("Mona Lisa.jpg")
    cols = [path.encode(), b"123456", b"42"] + [b"0"] * 22  # 25 tab-separated fields
    lines = [b"\t".join(cols), b"/wikipedia/commons/x/xy/Other.png\t10\t3" + b"\t0" * 22, b"broken-no-tabs"]
    return write_dump(tmp_path, "mediacounts.2025-01-01.v00.tsv.bz2", lines)


# -- recorded API responses served on 127.0.0.1 -------------------------------------------------


class Recorded:
    """Routes a request (path + sorted query) to a recorded fixture; logs every request."""

    def __init__(self) -> None:
        self.routes: list[tuple[Callable[[str, dict[str, str]], bool], Any]] = []
        self.log: list[tuple[str, dict[str, str]]] = []

    def add(self, match: Callable[[str, dict[str, str]], bool], *responses: Any) -> None:
        """Each response: a fixture file name, or (status, headers, body-or-fixture-name)."""
        self.routes.append((match, list(responses)))

    def respond(self, path: str, query: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        self.log.append((path, query))
        for match, responses in self.routes:
            if match(path, query):
                item = responses.pop(0) if len(responses) > 1 else responses[0]
                status, headers, body = item if isinstance(item, tuple) else (200, {}, item)
                if isinstance(body, str) and body.endswith(".json"):
                    body = (FIXTURES / body).read_bytes()
                elif not isinstance(body, bytes):
                    body = json.dumps(body).encode()
                return status, {"Content-Type": "application/json", **headers}, body
        return 404, {"Content-Type": "application/json"}, b'{"title": "Not found.", "detail": "no route"}'


@pytest.fixture
def api() -> Iterator[tuple[str, Recorded]]:
    recorded = Recorded()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            status, headers, body = recorded.respond(parts.path, dict(parse_qsl(parts.query)))
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_POST = do_GET

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", recorded
    finally:
        server.shutdown()
        server.server_close()
