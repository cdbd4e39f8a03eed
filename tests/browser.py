"""Headless Chromium (Debian's chromium, installed by .ci/run) for tests of the HTML pages."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-quic"]  # fmt: skip


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not found:
        raise RuntimeError("Chromium is not installed: `apt-get install chromium` (as .ci/run does).")
    return found


def run(url: str, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run([chromium(), *FLAGS, f"--user-data-dir={profile}", *args, url],
                              capture_output=True, text=True, timeout=timeout, check=True)  # fmt: skip


def dom(page: Path) -> str:
    """The page's DOM as the browser built it."""
    return run(page.resolve().as_uri(), "--dump-dom").stdout


def screenshot(page: Path, png: Path, width: int = 1200, height: int = 2400) -> Path:
    run(page.resolve().as_uri(), f"--screenshot={png}", f"--window-size={width},{height}")
    return png
