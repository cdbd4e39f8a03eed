"""Reach test helpers: dump files written in the published formats, a local HTTP server that
serves recorded API responses (tests/reach/fixtures), and a session-wide local SparkSession."""

from __future__ import annotations

import bz2
import gzip
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from ..localserver import serve

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

    def add_museum(self) -> None:
        route_museum(self)

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
    with serve(recorded.respond) as (base, _):
        yield base, recorded


PV = "wikitech_Analytics-AQS-Pageviews__"
FAST = {"GLAMWIKI_REACH_BACKOFF": "0.001", "GLAMWIKI_REACH_MAX_RETRIES": "2"}


def route_museum(recorded: Recorded) -> None:
    """The recorded answers for the 'Media contributed by Test Museum' category."""
    action = lambda q, mod: lambda p, qs: p.endswith("/w/api.php") and qs.get(q) == mod  # noqa: E731
    recorded.add(
        lambda p, q: p.endswith("/w/api.php") and q.get("list") == "categorymembers" and "cmcontinue" in q,
        "mediawiki.org_API-Categorymembers__page2.json",
    )
    recorded.add(action("list", "categorymembers"), "mediawiki.org_API-Categorymembers__page1.json")
    recorded.add(
        lambda p, q: q.get("prop") == "globalusage" and "gucontinue" in q, "mediawiki.org_API-Globalusage__page2.json"
    )
    recorded.add(action("prop", "globalusage"), "mediawiki.org_API-Globalusage__page1.json")
    per = "/metrics/pageviews/per-article/"
    recorded.add(
        lambda p, q: per + "en.wikipedia/all-access/user/Mona_Lisa/monthly/2026" in p,
        PV + "per-article_en_Mona_Lisa_2026-01.json",
    )
    recorded.add(
        lambda p, q: per + "en.wikipedia/all-access/user/Mona_Lisa/" in p, PV + "per-article_en_Mona_Lisa_2025.json"
    )
    recorded.add(
        lambda p, q: per + "de.wikipedia/all-access/user/Mona_Lisa/" in p, PV + "per-article_de_Mona_Lisa_2025.json"
    )
    recorded.add(lambda p, q: per + "fr.wikipedia/" in p, (404, {}, PV + "not_found.json"))
    recorded.add(lambda p, q: "Girl_with_a_Pearl_Earring" in p and per in p, (500, {}, b'{"title": "Internal error"}'))
    recorded.add(
        lambda p, q: "/mediarequests/per-file/all-referers/user/" in p and "Mona_Lisa.jpg" in p,
        "wikitech_Analytics-AQS-Mediarequests__per-file_Mona_Lisa_2025.json",
    )
    recorded.add(lambda p, q: "/mediarequests/" in p, (404, {}, PV + "not_found.json"))
    recorded.add(
        lambda p, q: "/commons-analytics/pageviews-per-media-file-monthly/Mona_Lisa.jpg/all-wikis/" in p,
        "wikitech_Commons_Impact_Metrics-AQS__pageviews-per-media-file-monthly.json",
    )
    recorded.add(
        lambda p, q: "/commons-analytics/pageviews-per-media-file-monthly/" in p, (404, {}, PV + "not_found.json")
    )
    recorded.add(
        lambda p, q: "/per-article/en.wikipedia/all-access/spider/Mona_Lisa/" in p,
        (
            200,
            {},
            {
                "items": [
                    {
                        "project": "en.wikipedia",
                        "article": "Mona_Lisa",
                        "granularity": "monthly",
                        "timestamp": "2025020100",
                        "access": "all-access",
                        "agent": "spider",
                        "views": 777,
                    }
                ]
            },
        ),
    )
    recorded.add(
        lambda p, q: "/commons-analytics/pageviews-per-category-monthly/Media_contributed_by_Test_Museum/deep/" in p,
        "wikitech_Commons_Impact_Metrics-AQS__pageviews-per-category-monthly.json",
    )


# `reach collect` of the recorded museum category over 2025.
CATEGORY = "Media contributed by Test Museum"
COLLECT_2025 = ("reach", "collect", "--category", CATEGORY, "--from", "2025-01", "--to", "2025-12")


def run_collect(cli_runner: CliRunner, root: str, *extra: str) -> dict[str, Any]:
    args = list(COLLECT_2025)
    env = {"GLAMWIKI_REACH_API_ROOT": root, "GLAMWIKI_REACH_MIN_INTERVAL": "0", **FAST}
    from glamwiki.cli import cli

    result = cli_runner.invoke(cli, [*args, *extra, "--json"], env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture
def collected(cli: CliRunner, api: tuple[str, Recorded]) -> tuple[dict[str, Any], Recorded, str]:
    root, recorded = api
    route_museum(recorded)
    return run_collect(cli, root), recorded, root


@pytest.fixture
def collect_again(cli: CliRunner) -> Callable[..., dict[str, Any]]:
    return lambda root, *extra: run_collect(cli, root, *extra)
