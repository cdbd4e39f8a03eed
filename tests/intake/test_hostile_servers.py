"""Hostile or broken servers and URLs (issue 15 items 3, 5; issue 18 item 4): no fetch from
non-public addresses unless the project allows the host by name, on the first request and on every
redirect; an OAI-PMH harvest that cannot end is stopped; responses are bounded in size and time;
a host that does not resolve or refuses is not retried."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from glamwiki.intake.base import Issue, Read
from glamwiki.intake.fetch import Limits, fetch
from glamwiki.intake.stream import read_source
from glamwiki.wikimedia.guard import guarded_session

from ..localserver import LOCAL, Answer, serve
from . import oai_pmh_spec as spec
from .test_oai import XML, tate_dc_records


def issues(items: list) -> list[Issue]:  # type: ignore[type-arg]
    return [i for i in items if isinstance(i, Issue)]


def test_a_loopback_oai_url_is_refused_unless_allowed() -> None:
    body = spec.list_records([x for _, x in tate_dc_records(2)], "", "oai_dc", 2, 0)
    with serve(lambda p, q: (200, XML, body)) as (base, requests):
        items = list(read_source(base, reader="oai"))
        assert requests == []  # nothing was asked of it
        [problem] = issues(items)
        assert "non-public address" in problem.message and "allow_hosts" in problem.message
        allowed = list(read_source(base, reader="oai", options=dict(LOCAL)))
    assert len([i for i in allowed if isinstance(i, Read)]) == 2


def test_localhost_and_metadata_addresses_are_refused() -> None:
    for url in ("http://localhost:9/oai", "http://169.254.169.254/latest/meta-data/", "http://[::1]:9/",
                "http://10.0.0.1/", "http://0.0.0.0:9/"):  # fmt: skip
        [problem] = issues(list(read_source(url, reader="iiif")))
        assert "non-public address" in problem.message, url


def test_a_redirect_to_a_private_address_is_refused() -> None:
    def route(path: str, query: dict[str, str]) -> Answer:
        if path == "/start":
            return 302, {"Location": path.replace("/start", "") + "http://127.0.0.1:9/secret"}, b""
        return 200, XML, b"secret"

    with serve(route) as (base, _):
        port = base.rsplit(":", 1)[1]
        session = guarded_session(["localhost"])  # the first host is allowed; where it redirects is not
        with pytest.raises(Exception, match="non-public address"):
            fetch(f"http://localhost:{port}/start", session, sleep=lambda s: None)


def test_a_repeated_resumption_token_stops_the_harvest() -> None:
    records = [x for _, x in tate_dc_records(2)]
    with serve(lambda p, q: (200, XML, spec.list_records(records, "same", "oai_dc", 100, 0))) as (base, requests):
        items = list(read_source(base, reader="oai", options=dict(LOCAL)))
    assert len(requests) == 2
    [problem] = issues(items)
    assert "already used" in problem.message
    assert len([i for i in items if isinstance(i, Read)]) == 4  # what was read is kept


def test_endless_empty_pages_stop_the_harvest() -> None:
    count = iter(range(10**6))
    with serve(lambda p, q: (200, XML, spec.list_records([], f"t{next(count)}", "oai_dc", 100, 0))) as (base, req):
        items = list(read_source(base, reader="oai", options=dict(LOCAL)))
    assert len(req) == 10 and "had no records" in issues(items)[0].message


def test_an_oversized_response_is_refused() -> None:
    body = b"<x>" + b"a" * 2_000_000 + b"</x>"
    with serve(lambda p, q: (200, XML, body)) as (base, _):
        [problem] = issues(list(read_source(base, reader="oai", options={**LOCAL, "max_response_mb": 1})))
    assert "larger than 1 MB" in problem.message


@contextmanager
def trickle(interval: float) -> Iterator[str]:
    """A server on 127.0.0.1 that sends its answer one byte every ``interval`` seconds, never declaring a size."""
    server = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def run() -> None:
        conn, _ = server.accept()
        conn.recv(65536)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\n\r\n")
        while not stop.is_set():
            try:
                conn.sendall(b" ")
            except OSError:
                break
            stop.wait(interval)
        conn.close()

    threading.Thread(target=run, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.getsockname()[1]}/oai"
    finally:
        stop.set()
        server.close()


def test_a_server_sending_a_byte_at_a_time_cannot_hold_the_harvest() -> None:
    with trickle(0.2) as url:
        started = time.monotonic()
        with pytest.raises(Exception, match="took more than 1 s"):
            fetch(url, guarded_session(["127.0.0.1"]), sleep=lambda s: None, limits=Limits(10**6, 1.0, 5.0))
    assert time.monotonic() - started < 5


def test_dns_failure_and_refused_connections_are_not_retried() -> None:
    waits: list[float] = []
    free = socket.socket()
    free.bind(("127.0.0.1", 0))
    port = free.getsockname()[1]
    free.close()  # nothing listens there now
    for url in (f"http://127.0.0.1:{port}/oai", "http://no-such-host.invalid/oai"):
        with pytest.raises(Exception, match="cannot be reached") as caught:
            fetch(url, guarded_session(["127.0.0.1", "no-such-host.invalid"]), sleep=waits.append)
        assert "refused" in str(caught.value) or "does not resolve" in str(caught.value)
    assert waits == []


def test_iiif_collection_members_stay_inside_the_collection_folder(tmp_path, shared_data) -> None:  # type: ignore[no-untyped-def]
    import json

    v2 = shared_data / "iiif" / "version-2"
    folder, outside = tmp_path / "collection", tmp_path / "elsewhere"
    folder.mkdir()
    outside.mkdir()
    (folder / "299843.json").write_bytes((v2 / "299843.json").read_bytes())
    (outside / "Osbornfa1.json").write_bytes((v2 / "Osbornfa1.json").read_bytes())
    members = ["299843.json", "file:///etc/passwd", "/etc/passwd", "../../../../etc/passwd",
               "../elsewhere/Osbornfa1.json", str(outside / "Osbornfa1.json")]  # fmt: skip
    collection = {"@id": "local", "@type": "sc:Collection", "label": "ours", "manifests": [{"@id": m} for m in members]}
    (folder / "collection.json").write_text(json.dumps(collection))
    items = list(read_source(str(folder / "collection.json"), reader="iiif", options={"offline": True}))
    assert len([i for i in items if isinstance(i, Read)]) == 1  # only the member inside the folder
    refused = issues(items)
    assert len(refused) == 5
    assert all("outside the collection folder" in i.message or "Refused" in i.message for i in refused)


def test_a_huge_resumption_token_is_not_sent_back() -> None:
    records = [x for _, x in tate_dc_records(1)]
    body = spec.list_records(records, "t" * 1_000_000, "oai_dc", 100, 0)
    with serve(lambda p, q: (200, XML, body)) as (base, requests):
        items = list(read_source(base, reader="oai", options=dict(LOCAL)))
    assert len(requests) == 1 and "too long to send back" in issues(items)[0].message


def test_through_a_proxy_the_destination_is_still_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    with serve(lambda p, q: (200, XML, b"proxied")) as (proxy, requests):
        monkeypatch.setenv("HTTP_PROXY", proxy)
        monkeypatch.delenv("NO_PROXY", raising=False)
        monkeypatch.delenv("no_proxy", raising=False)
        session = guarded_session([proxy.split("//")[1].split(":")[0]])  # the proxy itself is allowed
        with pytest.raises(Exception, match="non-public address"):
            fetch("http://169.254.169.254/latest/meta-data/", session, sleep=lambda s: None)
    assert requests == []


def test_a_password_in_a_harvest_url_is_not_stored_or_shown(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from glamwiki.cli import cli as cli_app

    records = [x for _, x in tate_dc_records(2)]
    runner = CliRunner()
    assert runner.invoke(cli_app, ["init", str(tmp_path / "p")]).exit_code == 0
    env = {"GLAMWIKI_PROJECT": str(tmp_path / "p"), "GLAMWIKI_NETWORK_ALLOW_HOSTS": "127.0.0.1"}
    with serve(lambda p, q: (200, XML, spec.list_records(records, "", "oai_dc", 2, 0))) as (base, requests):
        url = base.replace("http://", "http://harvester:s3cret-harvest-pw@") + "/oai"
        result = runner.invoke(cli_app, ["ingest", url, "--profile", "oai", "--json"], env=env)
    assert result.exit_code == 0, result.output
    assert "Authorization" in requests[0][2]  # the credentials were used ...
    assert "s3cret-harvest-pw" not in result.output  # ... and never shown or stored
    for path in (tmp_path / "p").rglob("*"):
        if path.is_file():
            assert b"s3cret-harvest-pw" not in path.read_bytes(), path
