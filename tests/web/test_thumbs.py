"""Thumbnails in the review queues, fetched by the server (web/thumbs.py): a JPEG of at most 160
pixels made once per source and kept; a catalogue URL at a private address refused unless the
project's [network] allow_hosts names it; a project file only from inside the project folder; a
failed source not fetched again at every page; logged-out users get nothing."""

from __future__ import annotations

import io
from pathlib import Path

import httpx
import pytest
from PIL import Image

from glamwiki.project import Project
from glamwiki.store import publishing as pub
from glamwiki.web.thumbs import SIZE, thumbnail

from ..localserver import serve
from .conftest import logged_in, running


def _jpeg(width: int = 900, height: int = 600) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (120, 80, 40)).save(out, "JPEG")
    return out.getvalue()


def _images(path: str, query: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
    if path.endswith(".jpg"):
        return 200, {"Content-Type": "image/jpeg"}, _jpeg()
    return 200, {"Content-Type": "text/html"}, b"<html>not an image</html>"


def test_a_thumbnail_is_made_once_small_and_only_where_allowed(tmp_path: Path) -> None:
    with serve(_images) as (url, asked):
        source = ("url", f"{url}/art/A00671_8.jpg")
        refused = thumbnail(source, tmp_path / "a", tmp_path, frozenset())  # loopback, not allowed
        assert refused is None and asked == []
        data = thumbnail(source, tmp_path / "b", tmp_path, frozenset({"127.0.0.1"}))
        assert data is not None and data[:3] == b"\xff\xd8\xff"
        assert max(Image.open(io.BytesIO(data)).size) == SIZE
        assert thumbnail(source, tmp_path / "b", tmp_path, frozenset({"127.0.0.1"})) == data
        assert len(asked) == 1  # kept: the second page view fetched nothing
        page = ("url", f"{url}/art/page.html")
        assert thumbnail(page, tmp_path / "b", tmp_path, frozenset({"127.0.0.1"})) is None
        assert thumbnail(page, tmp_path / "b", tmp_path, frozenset({"127.0.0.1"})) is None
        assert len(asked) == 2  # a failure is remembered, not fetched at every page
    inside, outside = tmp_path / "p" / "img.jpg", tmp_path / "elsewhere.jpg"
    inside.parent.mkdir()
    inside.write_bytes(_jpeg(300, 500))
    outside.write_bytes(_jpeg())
    assert thumbnail(("file", str(inside)), tmp_path / "c", tmp_path / "p", frozenset()) is not None
    assert thumbnail(("file", str(outside)), tmp_path / "c", tmp_path / "p", frozenset()) is None


@pytest.fixture
def images() -> object:
    with serve(_images) as found:
        yield found


def test_the_queues_show_thumbnails_the_server_fetched(demo: Project, images: tuple[str, list[object]]) -> None:
    url, asked = images
    with demo.open_store() as store:
        item = next(pub.iter_plan(store, pub.PLANNED))
        store.execute(
            "UPDATE publish_plan SET source = ?, source_kind = 'url' WHERE dataset = ? AND record_id = ?",
            (f"{url}/art/{item.record_id}.jpg", item.dataset, item.record_id),
        )  # every image of it
    config = demo.root / "glamwiki.toml"
    config.write_text(config.read_text() + '\n[network]\nallow_hosts = ["127.0.0.1"]\n')
    with running(demo) as site:
        assert httpx.get(f"{site}/thumb?item={item.item_id}").status_code == 303  # logged out: to the login page
        client = logged_in(site, "viewer")
        uploads = client.get("/uploads").text
        assert f'src="/thumb?item={item.item_id}"' in uploads
        got = client.get(f"/thumb?item={item.item_id}")
        assert got.status_code == 200 and got.headers["content-type"] == "image/jpeg"
        by_record = client.get(f"/thumb?id={item.dataset}:{item.record_id}")
        assert by_record.content == got.content and len(asked) == 1
        with demo.open_store() as store:
            other = next(i for i in pub.iter_plan(store, pub.PLANNED) if i.record_id != item.record_id)
        assert client.get(f"/thumb?item={other.item_id}").status_code == 404  # tate.org.uk: not fetched here
