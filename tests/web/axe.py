"""axe-core (Deque's accessibility rules engine, https://github.com/dequelabs/axe-core, licence
MPL-2.0) run inside a real Chromium page through the DevTools protocol.

axe-core is not part of glamwiki: it comes from the npm registry, pinned, into a cache directory
(`.ci/run` does it; by hand: ``npm install --prefix ~/.cache/glamwiki/axe-core-4.14.1 axe-core@4.14.1``).
``GLAMWIKI_TEST_AXE_DIR`` names another directory. Absent, the accessibility tests skip with that
command as the reason; with ``GLAMWIKI_TEST_REQUIRE_AXE=1`` (as `.ci/run` sets) they fail instead.

Reuse: ``assert_accessible(tab, url)`` checks one page; a new page is one line in
``tests/web/test_accessibility.py``.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from .cdp import Tab

AXE_VERSION = "4.14.1"
# sha256 of axe.min.js in https://registry.npmjs.org/axe-core/-/axe-core-4.14.1.tgz (the tarball's
# npm integrity: sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==)
AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"
# WCAG 2.0 and 2.1, levels A and AA, and Deque's best practices (landmarks, heading order, unique
# names): axe-core's tags, https://github.com/dequelabs/axe-core/blob/develop/doc/API.md#axe-core-tags
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
BLOCKING = ("serious", "critical")
INSTALL = f"npm install --prefix ~/.cache/glamwiki/axe-core-{AXE_VERSION} axe-core@{AXE_VERSION}"


def axe_dir() -> Path:
    default = Path.home() / ".cache" / "glamwiki" / f"axe-core-{AXE_VERSION}"
    return Path(os.environ.get("GLAMWIKI_TEST_AXE_DIR") or default)


@cache
def _source() -> str | None:
    path = axe_dir() / "node_modules" / "axe-core" / "axe.min.js"
    if not path.is_file():
        return None
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != AXE_SHA256:
        raise AssertionError(f"{path} is not axe-core {AXE_VERSION} (sha256 {digest}): `{INSTALL}`")
    return data.decode("utf-8")


def axe_source() -> str:
    """axe.min.js of the pinned version, or skip (fail where GLAMWIKI_TEST_REQUIRE_AXE=1)."""
    found = _source()
    if found is None:
        reason = f"axe-core {AXE_VERSION} is not in {axe_dir()}: `{INSTALL}`"
        if os.environ.get("GLAMWIKI_TEST_REQUIRE_AXE", "") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return found


@dataclass(frozen=True)
class Violation:
    page: str
    rule: str
    impact: str
    targets: tuple[str, ...]
    help: str

    def __str__(self) -> str:
        return f"{self.page}: {self.rule} ({self.impact}) at {', '.join(self.targets)}: {self.help}"


RUN = """axe.run(document, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations']})
.then(r => r.violations.map(v => ({rule: v.id, impact: v.impact || '', help: v.help,
  targets: v.nodes.map(n => n.target.join(' '))})))"""


def violations(tab: Tab, url: str | None = None) -> list[Violation]:
    """The WCAG 2.1 A/AA (and best-practice) violations axe-core finds in the page at ``url`` (or the page open now)."""
    if url is not None:
        tab.goto(url)
    source = axe_source()
    if not tab.js("typeof window.axe === 'object'"):
        tab.call("Runtime.evaluate", expression=source)
    assert tab.js("axe.version") == AXE_VERSION
    found = tab.js(RUN % json.dumps(TAGS))
    page = str(tab.js("location.pathname + location.search"))
    return [Violation(page, v["rule"], v["impact"], tuple(v["targets"]), v["help"]) for v in found]


def assert_accessible(tab: Tab, url: str | None = None, impacts: tuple[str, ...] = BLOCKING) -> list[Violation]:
    """Fail, naming each rule, target and page, when the page has a violation of ``impacts``;
    returns the lesser ones (moderate, minor)."""
    found = violations(tab, url)
    bad = [v for v in found if v.impact in impacts]
    assert not bad, "accessibility violations:\n" + "\n".join(map(str, bad))
    return [v for v in found if v not in bad]
