"""Screenshots of the web workspace's main pages for docs/web.md, over the demo project.

    .venv/bin/python scripts/screenshots.py [docs/web]

Makes the demo project (deterministic: the bundled Tate sample), adds the work the pages show (people
in the link queue, a batch of planned files, two jobs: tests/web/samples.py), starts the workspace on
127.0.0.1 as tests/web do and drives the Debian Chromium through the DevTools protocol
(tests/web/cdp.py) at a fixed viewport (1200×900, or a phone's 390×844), one PNG per page
(Page.captureScreenshot), reduced to a palette of 256 colours so each stays small. A new page is
one line of PAGES: (file name, path, account that sees it[, viewport]). Only the jobs' times change
from run to run.
"""

from __future__ import annotations

import base64
import io
import sys
import tempfile
from pathlib import Path
from typing import Any

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.web.cdp import Tab, browser  # noqa: E402
from tests.web.conftest import running  # noqa: E402
from tests.web.samples import plan_files, queue_links, some_jobs  # noqa: E402

from glamwiki.demo import run_demo  # noqa: E402
from glamwiki.project import Project  # noqa: E402
from glamwiki.web.auth import create_user  # noqa: E402

DESKTOP, PHONE = (1200, 900), (390, 844)
ACCOUNTS = {"curator": ("curator", "curator-pass-1234"), "resident": ("rita", "resident-pass-1234")}
PAGES: list[tuple[Any, ...]] = [  # (file name, path, account[, (width, height)])
    ("project", "/", "curator"),
    ("stage-rights", "/stage/rights", "curator"),
    ("record", "/record?id=tate:N01567", "curator"),
    ("rights-queue", "/rights/queue", "curator"),
    ("rights-group", "/rights/queue/publication_year", "curator"),
    ("links-queue", "/links", "curator"),
    ("upload-approval", "/uploads?dataset=prints", "resident"),
    ("jobs", "/jobs", "resident"),
    ("me", "/me", "resident"),
    ("phone-rights-group", "/rights/queue/publication_year", "curator", PHONE),
]


def prepare(folder: Path) -> Project:
    project = run_demo(folder / "demo", env={}).project
    with project.open_store() as store:
        create_user(store, "curator", "curator", ACCOUNTS["curator"][1])
        create_user(store, "rita", "resident", ACCOUNTS["resident"][1])
    queue_links(project)
    plan_files(project, "prints", 30)
    some_jobs(project)
    return project


def small_png(png: bytes) -> bytes:
    """The screenshot with a palette of 256 colours (text and flat colours: no visible loss)."""
    image = Image.open(io.BytesIO(png)).convert("RGB").quantize(256, method=Image.Quantize.MEDIANCUT)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def shoot(tab: Tab, url: str, size: tuple[int, int] = DESKTOP) -> bytes:
    width, height = size
    tab.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1,
             mobile=size != DESKTOP)  # fmt: skip
    tab.goto(url)
    tab.js("document.activeElement && document.activeElement.blur()")  # no focus ring, no caret
    return small_png(base64.b64decode(tab.call("Page.captureScreenshot", format="png")["data"]))


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        project = prepare(Path(folder))
        with running(project) as url:
            for role in dict.fromkeys(page[2] for page in PAGES):
                with browser() as tab:
                    username, password = ACCOUNTS[role]
                    tab.goto(url + "/login")
                    tab.submit({"input[name=username]": username, "input[name=password]": password}, "#login")
                    for name, path, who, *size in PAGES:
                        if who == role:
                            target = out / f"{name}.png"
                            target.write_bytes(shoot(tab, url + path, *size))
                            print(f"{target} {target.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "web")
