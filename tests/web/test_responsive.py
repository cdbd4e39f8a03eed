"""The main pages on a phone-sized screen (390 CSS pixels wide, as an iPhone 12 to 15), in a real
Chromium with the DevTools viewport override: the page itself never scrolls sideways; a table wider
than the screen scrolls inside its own box, which the keyboard can reach."""

from __future__ import annotations

import pytest

from glamwiki.project import Project

from .axe import BLOCKING, axe_source, violations
from .cdp import browser
from .conftest import Site
from .test_accessibility import PAGES, busy  # noqa: F401  (the pages, and the fixture with their data)
from .test_journey import login
from .test_links import queued  # noqa: F401

PHONE = 390
MEASURE = """(() => {
  const width = document.documentElement.clientWidth;
  const tables = [...document.querySelectorAll('table')].filter(t => t.getClientRects().length)
    .filter(t => t.scrollWidth > t.clientWidth || t.getBoundingClientRect().width > width)
    .map(t => { const s = getComputedStyle(t);
      return {scrolls: ['auto', 'scroll'].includes(s.overflowX), inside: t.scrollWidth > t.clientWidth,
              fits: t.getBoundingClientRect().right <= width + 1, tab: t.tabIndex}; });
  const wide = [...document.querySelectorAll('body *')]  // what sticks out, outside the tables
    .filter(e => e.getBoundingClientRect().right > width + 1 && !e.closest('table'))
    .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.name ? '[' + e.name + ']' : ''}`);
  return {width, page: document.documentElement.scrollWidth, tables, wide};
})()"""


@pytest.mark.parametrize("role", sorted({role for _, role in PAGES}))
def test_main_pages_fit_a_phone(busy: Project, site: Site, role: str) -> None:  # noqa: F811
    axe_source()
    problems = []
    with browser() as tab:
        tab.call("Emulation.setDeviceMetricsOverride", width=PHONE, height=844, deviceScaleFactor=1, mobile=True)
        login(tab, site.url, role)
        for path, who in PAGES:
            if who != role:
                continue
            tab.goto(site.url + path)
            problems += [str(v) for v in violations(tab) if v.impact in BLOCKING]  # e.g. a scroller out of reach
            found = tab.js(MEASURE)
            assert found["width"] == PHONE
            if found["page"] > found["width"]:
                problems.append(f"{path}: the page is {found['page']} px wide {found['wide']}")
            for t in found["tables"]:
                if not (t["scrolls"] and t["fits"]):
                    problems.append(f"{path}: a wide table {t}")
    assert not problems, "\n".join(problems)
