"""Images from URLs and IIIF Image API services (served on 127.0.0.1), with the extension taken
from the real bytes."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from glamwiki.model.records import IMAGE_IIIF, IMAGE_URL
from glamwiki.project import init_project
from glamwiki.publishing import journal as j
from glamwiki.publishing.api import ApiClient
from glamwiki.publishing.plan import PlanSettings, build_plan
from glamwiki.publishing.run import Runner, RunOptions
from glamwiki.publishing.upload import UploadSettings
from glamwiki.store import publishing as db

from .conftest import wiki_sha1
from .records import make_record, png_bytes, save


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def test_url_and_iiif_sources(tmp_path: Path, client: ApiClient) -> None:
    served = tmp_path / "www"
    (served / "iiif" / "img7" / "full" / "max" / "0").mkdir(parents=True)
    (served / "iiif" / "img7" / "full" / "max" / "0" / "default.jpg").write_bytes(png_bytes(7_000_001))
    (served / "iiif" / "old8" / "full" / "full" / "0").mkdir(parents=True)  # a IIIF 2.0 server: no "max"
    (served / "iiif" / "old8" / "full" / "full" / "0" / "default.jpg").write_bytes(png_bytes(7_000_003))
    (served / "photo.jpg").write_bytes(png_bytes(7_000_002))  # PNG bytes behind a .jpg name
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(served)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        project = init_project(tmp_path / "proj", institution="Test Museum")
        records = [
            make_record(7001, f"{base}/iiif/img7", title="A IIIF picture 7001", kind=IMAGE_IIIF),
            make_record(7002, f"{base}/photo.jpg", title="A web picture 7002", kind=IMAGE_URL),
            make_record(7003, f"{base}/iiif/old8", title="An old IIIF picture 7003", kind=IMAGE_IIIF),
        ]
        with project.open_store() as store:
            save(store, records)
            build_plan(store, PlanSettings(institution="Test Museum", title_pattern="{title}"))
            planned = list(db.iter_plan(store, db.PLANNED))
            assert planned[0].source == f"{base}/iiif/img7/full/max/0/default.jpg"
            assert all(p.title.endswith(".jpg") for p in planned)
            local = UploadSettings(cache=tmp_path / "cache", allow_hosts=frozenset({"127.0.0.1"}))
            Runner(store, client, RunOptions(upload=local)).run()
            states = [db.get_state(store, client.api_url, p.item_id) for p in planned]
    finally:
        server.shutdown()
        server.server_close()
    assert [s.state for s in states] == [j.DONE] * 3, [s.message for s in states]
    for state in states:
        assert state.title.endswith(".png"), "the extension follows the real file type"
        assert not Path(state.local_path).exists(), "the downloaded copy is removed once uploaded"
        assert wiki_sha1(client.api_url, state.title) == state.sha1


def test_an_unreachable_source_is_left_for_the_next_run_without_waiting(tmp_path: Path, client: ApiClient) -> None:
    """A refused connection cannot be mended by waiting (issue 18 item 4): no backoff, the file is left
    for the next run with the reason."""
    project = init_project(tmp_path / "proj2", institution="Test Museum")
    gone = "http://127.0.0.1:9/nothing-listens-here.jpg"  # port 9 (discard): connection refused
    with project.open_store() as store:
        save(store, [make_record(7101, gone, title="An unreachable picture 7101", kind=IMAGE_URL)])
        build_plan(store, PlanSettings(institution="Test Museum", title_pattern="{title}"))
        notes: list[str] = []
        local = UploadSettings(cache=tmp_path / "c", allow_hosts=frozenset({"127.0.0.1"}))
        summary = Runner(store, client, RunOptions(attempts=3, upload=local)).run(notify=notes.append)
        (item,) = db.iter_plan(store, db.PLANNED)
        state = db.get_state(store, client.api_url, item.item_id)
    assert notes == []  # no "Waiting ..." at all
    assert summary.unfinished == 1 and state is not None and state.state not in j.TERMINAL
    assert "connection was refused" in (state.message or "") and "publish run` again" in (state.message or "")
