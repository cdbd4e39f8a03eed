"""A screenshot of the funder report page (docs/web/reports.png) over the two residencies of
tests/report/test_funder.py (uploads, usage, views and events counted by hand there).

    .venv/bin/python scripts/funder_screenshot.py [docs/web]
"""

from __future__ import annotations

import base64
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.report.test_funder import _two_residencies  # noqa: E402
from tests.web.cdp import browser  # noqa: E402
from tests.web.conftest import running  # noqa: E402

from glamwiki.publishing.connect import COMMONS_API  # noqa: E402
from glamwiki.web.auth import create_user  # noqa: E402


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        project, _ = _two_residencies(Path(folder))
        with project.open_store() as store:
            store.execute("UPDATE publish_state SET target = ?", (COMMONS_API,))
            create_user(store, "viewer", "viewer", "viewer-pass-1234")
        with running(project) as url, browser() as tab:
            tab.call("Emulation.setDeviceMetricsOverride", width=1200, height=1700, deviceScaleFactor=1, mobile=False)
            tab.goto(url + "/login")
            tab.submit({"input[name=username]": "viewer", "input[name=password]": "viewer-pass-1234"}, "#login")
            tab.goto(url + "/reports?month=2026-10")
            png = base64.b64decode(tab.call("Page.captureScreenshot", format="png")["data"])
            (out / "reports.png").write_bytes(png)
            print(out / "reports.png")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "web")
