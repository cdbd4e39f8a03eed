"""Escaped catalogue text, parsed by the real MediaWiki (with the pre-save transform that expands
~~~~ and subst:): it shows as the original text and adds no link, category, template or tag."""

from __future__ import annotations

import html
import re

from glamwiki.publishing.api import ApiClient
from glamwiki.publishing.wikitext import clean_text, escape, in_language

from .records import HOSTILE


def _parse(client: ApiClient, text: str) -> dict:
    return client.get(
        action="parse",
        text=text,
        contentmodel="wikitext",
        pst="1",
        disablelimitreport="1",
        prop="text|links|templates|categories|externallinks",
        title="File:Escaping test.png",
    )["parse"]


def _visible(rendered: str) -> str:
    text = re.sub(r"<br\s*/?>", "\n", rendered)
    text = re.sub(r"<[^>]+>", "", text)
    return html.unescape(text).strip()


def test_hostile_text_renders_literally(client: ApiClient) -> None:
    client.write({"action": "edit", "title": "Template:Echo", "text": "{{{1|}}}{{{title|}}}", "summary": "test"})
    for hostile in [*HOSTILE, "{{Echo|1=inner}}", "[https://evil.example x]", "<ref>x</ref>{{#invoke:x|y}}"]:
        for wrapped in (escape(hostile), f"{{{{Echo|title={escape(hostile)}}}}}", in_language(hostile, "en")):
            parsed = _parse(client, wrapped)
            assert parsed["categories"] == [] and parsed["externallinks"] == [], (hostile, parsed)
            links = [link["title"] for link in parsed["links"] if link["title"] != "Template:En"]
            assert links == [], (hostile, links)  # only the red link to the missing {{en}} template
            templates = {t["title"] for t in parsed["templates"]}
            assert templates <= {"Template:Echo", "Template:En"}, (hostile, templates)
            if wrapped.startswith("{{Echo"):
                expected = "\n".join(x.strip() for x in clean_text(hostile).splitlines() if x.strip())
                assert _visible(parsed["text"]).replace("\n", "") == expected.replace("\n", ""), hostile
            assert "<script" not in parsed["text"] and "<h2" not in parsed["text"]
