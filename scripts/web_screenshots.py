"""Screenshots of the web workspace's main pages for docs/web.md, over the demo project.

    .venv/bin/python scripts/web_screenshots.py [docs/web]

Starts the workspace on 127.0.0.1 (as tests/web do) and drives the Debian Chromium through the
DevTools protocol (tests/web/cdp.py)."""

from __future__ import annotations

import base64
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.web.cdp import browser  # noqa: E402
from tests.web.conftest import running  # noqa: E402

from glamwiki.demo import run_demo  # noqa: E402
from glamwiki.web.auth import create_user  # noqa: E402

PAGES = [("project", "/"), ("stage-rights", "/stage/rights"), ("rights-queue", "/rights/queue"),
         ("rights-group", "/rights/queue/publication_year"), ("record", "/record?id=tate:N01567")]  # fmt: skip


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        project = run_demo(Path(folder) / "demo", env={}).project
        with project.open_store() as store:
            create_user(store, "curator", "curator", "curator-pass-1234")
        with running(project) as url, browser() as tab:
            tab.call("Emulation.setDeviceMetricsOverride", width=1200, height=1000, deviceScaleFactor=1, mobile=False)
            tab.goto(url + "/login")
            tab.submit({"input[name=username]": "curator", "input[name=password]": "curator-pass-1234"}, "#login")
            for name, path in PAGES:
                tab.goto(url + path)
                png = base64.b64decode(tab.call("Page.captureScreenshot", format="png")["data"])
                (out / f"{name}.png").write_bytes(png)
                print(out / f"{name}.png")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "web")
