"""The publishing preview as Chromium builds it from the templates: the demo's planned batch, every
article and its wikitext intact, the pager between pages, nothing of the catalogue taken for markup."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from glamwiki.demo import run_demo

from ..browser import dom


def test_preview_pages_render_in_chromium(tmp_path: Path) -> None:
    folder = run_demo(tmp_path / "demo").project.root
    index = folder / "publish-preview.html"
    built = dom(index)
    pages = re.findall(r'href="(publish-preview-\d{4}\.html)"', built)
    assert pages == ["publish-preview-0001.html", "publish-preview-0002.html"]  # 300 items, 200 a page
    first = folder / pages[0]
    source = first.read_text(encoding="utf-8")
    page = dom(first)
    assert page.count("<article") == source.count("<article") == 200
    assert re.findall(r"<nav>(.*?)</nav>", page)[0].count("<a ") == 2  # index · next
    last = re.findall(r"<nav>(.*?)</nav>", dom(folder / pages[1]))
    assert "previous" in last[0] and "next" not in last[0] and last[0] == last[-1]  # the same pager at both ends
    wikitext = [unescape(w) for w in re.findall(r"<pre>(.*?)</pre>", source, re.DOTALL)]
    assert [unescape(w) for w in re.findall(r"<pre>(.*?)</pre>", page, re.DOTALL)] == wikitext
    assert all("{{" in w for w in wikitext[::2])  # each article's wikitext, then its structured data
