"""A real MediaWiki (Debian's mediawiki package) on 127.0.0.1 for the whole test session, and
helpers that make a project with records, images and rights decisions ready to publish to it."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from glamwiki.project import Project, find_project, init_project
from glamwiki.publishing import sandbox
from glamwiki.publishing.api import ApiClient
from glamwiki.publishing.auth import BOTPASSWORD, Credentials
from glamwiki.publishing.etiquette import Etiquette
from glamwiki.publishing.plan import PlanSettings, build_plan

from .records import make_record, save, write_images

# Apart from the fixed record numbers other tests use (7001, 88_010…): the wiki is shared, and one
# accession number on two file pages is one object (issue 9's same-object search).
_seeds = itertools.count(1_000_000, 1000)


@pytest.fixture(scope="session")
def wiki(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sandbox.Sandbox]:
    """A private wiki: SQLite, uploads and chunked uploads, TitleBlacklist, a bot with a BotPassword."""
    if not sandbox.available():
        pytest.fail("The publishing tests need Debian's mediawiki package and php-sqlite3 (see .ci/run).")
    box = sandbox.create(tmp_path_factory.mktemp("mediawiki"))
    sandbox.start(box)
    yield box
    sandbox.stop(box)


def fast_etiquette() -> Etiquette:
    """The defaults with waits shortened so the tests take seconds (the logic is the same)."""
    return Etiquette(edits_per_minute=0, maxlag_floor=0.01, ratelimit_wait=0.01, transient_wait=0.01, timeout=30)


@pytest.fixture
def credentials(wiki: sandbox.Sandbox) -> Credentials:
    return Credentials(BOTPASSWORD, wiki.user, wiki.password)


@pytest.fixture
def client(wiki: sandbox.Sandbox, credentials: Credentials) -> ApiClient:
    c = ApiClient(wiki.api, "glamwiki tests <tests@example.org>", credentials, fast_etiquette())
    c.login()
    return c


def wiki_sha1(api: str, title: str) -> str | None:
    """The SHA-1 of File:title on the wiki (anonymous read), or None."""
    data = requests.get(
        api,
        params={
            "action": "query",
            "titles": f"File:{title}",
            "prop": "imageinfo",
            "iiprop": "sha1",
            "format": "json",
            "formatversion": "2",
        },
        timeout=30,
    ).json()
    info = data["query"]["pages"][0].get("imageinfo")
    return info[0]["sha1"] if info else None


def files_with_sha1(api: str, sha1: str) -> list[str]:
    data = requests.get(
        api,
        params={"action": "query", "list": "allimages", "aisha1": sha1, "format": "json", "formatversion": "2"},
        timeout=30,
    ).json()
    return [i["name"] for i in data["query"]["allimages"]]


def ready_project(tmp_path: Path, n: int, *, block_last: int = 0, size: int = 0) -> Project:
    """A project with ``n`` records whose images (PNG, unique bytes and titles) are local files; the
    last ``block_last`` records are blocked by the rights stage, the others planned. The images are a
    few pixels wide, so the project turns the post-download size check off (``min_long_side = 0``)."""
    project = init_project(tmp_path / "proj", institution="Test Museum")
    with (project.root / "glamwiki.toml").open("a", encoding="utf-8") as fh:
        fh.write("\n[publishing]\n# the test images are a few pixels wide: no size check\nmin_long_side = 0\n")
    project = find_project(project.root)
    seed = next(_seeds)
    images = write_images(tmp_path / "images", n, start=seed)
    if size:
        from .records import png_bytes

        for k, path in enumerate(images):
            path.write_bytes(png_bytes(seed + k, size))
    records = [make_record(seed + k, images[k], title=f"Test {seed} item {k}") for k in range(n)]
    with project.open_store() as store:
        save(store, records, blocked={r.id for r in records[n - block_last :]} if block_last else set())
        build_plan(store, PlanSettings(institution="Test Museum", title_pattern="{title} - {accession}"))
    return project
