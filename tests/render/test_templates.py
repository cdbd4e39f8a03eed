"""The one template environment: every value escaped, undefined names refused, and its partials
reusable by another application's templates (the web workspace) through a ChoiceLoader."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from jinja2 import DictLoader, TemplateError, UndefinedError

from glamwiki.linking.entity import from_person
from glamwiki.linking.reconcile import build_service
from glamwiki.model.dates import UNKNOWN
from glamwiki.model.records import Person
from glamwiki.publishing.preview import _write_page, article
from glamwiki.render import environment, make_environment, render_template
from glamwiki.render.blocks import Chart, Code, Heading, Section, Strong, note, render_blocks, table
from glamwiki.report.page import render
from glamwiki.report.svg import bar_chart
from glamwiki.store.publishing import PLANNED, PlanItem

HOSTILE = "<script>alert(1)</script> \" ' & <b>x</b> {{ 7*7 }} </svg>"


class Elements(HTMLParser):
    """The tags and the text a browser's parser would find."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs

    def handle_data(self, data: str) -> None:
        self.text += data


def parsed(html: str) -> Elements:
    p = Elements()
    p.feed(html)
    return p


def test_report_blocks_escape_every_value() -> None:
    blocks = [
        Heading(HOSTILE),
        note(HOSTILE, Code(HOSTILE), Strong(HOSTILE)),
        table([HOSTILE], [[HOSTILE]], all_rows=[[HOSTILE], [HOSTILE]], summary=HOSTILE),
        bar_chart([(HOSTILE, 2.0)], HOSTILE),
        bar_chart([], HOSTILE),
    ]
    html = render(HOSTILE, HOSTILE, [Section("s", HOSTILE, blocks)])
    found = parsed(html)
    assert "script" not in found.tags and "svg" in found.tags
    assert found.tags.count("b") == 1  # the Strong span, nothing from the text
    assert found.text.count(HOSTILE) >= 9  # title, h1, subtitle, nav, h2, heading, note x3, table cells…
    assert "49" not in found.text  # text is never evaluated as a template


def test_a_chart_without_data_says_so_and_numbers_are_formatted() -> None:
    assert render_blocks([Chart("Views", None)]) == '<p class="empty">Views: no data.</p>\n'
    cells = parsed(render_blocks([table(["n", "x"], [[1234567, 2.25]], {0})]))
    assert "1,234,567" in cells.text and "2.2" in cells.text


def test_undefined_names_and_unknown_blocks_are_errors() -> None:
    with pytest.raises(UndefinedError):
        render_template("report/page.html", title="t", subtitle="s", sections=[])  # no stamp
    with pytest.raises(TemplateError, match="no macro draws a block of kind"):
        render_blocks([type("Odd", (), {"kind": "odd"})()])  # type: ignore[list-item]


def test_autoescape_is_on_for_templates_from_strings() -> None:
    assert environment().from_string("{{ v }}").render(v="<i>") == "&lt;i&gt;"


def test_another_application_reuses_the_partials_through_a_choice_loader() -> None:
    """The web workspace's own templates come first and extend or import glamwiki's."""
    own = DictLoader(
        {
            "workspace.html": '{% extends "base.html" %}{% from "partials/blocks.html" import block %}'
            "{% block body %}<main>{% for b in blocks %}{{ block(b) }}{% endfor %}</main>{% endblock %}",
            "base.html": "{% block body %}{% endblock %}<!-- shadowed -->",
        }
    )
    env = make_environment([own])
    html = env.get_template("workspace.html").render(
        title=HOSTILE, blocks=[table(["a"], [[HOSTILE]]), bar_chart([("x", 1.0)], "c")]
    )
    assert html.startswith("<main><table>") and "<svg" in html and "&lt;script&gt;" in html
    assert "<!-- shadowed -->" in html  # its own base.html won over glamwiki's
    assert environment().get_template("base.html") is not env.get_template("base.html")


def test_preview_page_escapes_catalogue_text(tmp_path: Path) -> None:
    item = PlanItem(
        item_id=1,
        dataset=HOSTILE,
        record_id="r1",
        image_index=0,
        status=PLANNED,
        source_kind="url",
        source="https://example.org/a.jpg?x='onerror=alert(1)",
        title=HOSTILE,
        wikitext="{{Artwork |title = " + HOSTILE + "}}\n\nline two",
        sdc=json.dumps({"claims": [HOSTILE]}),
        rights=json.dumps({"decision": "upload", "reasons": [HOSTILE]}),
        notes=json.dumps([HOSTILE]),
    )
    _write_page(tmp_path / "p.html", 1, [article(item)], has_next=False)
    html = (tmp_path / "p-0001.html").read_text(encoding="utf-8")
    found = parsed(html)
    assert "script" not in found.tags and found.tags.count("img") == 1
    assert ("src", item.source) in found.attrs and "onerror" not in dict(found.attrs)  # the URL stayed in src
    assert "{{Artwork |title = " + HOSTILE + "}}\n\nline two" in found.text  # wikitext verbatim in <pre>
    assert found.text.count(HOSTILE) >= 5


def test_reconciliation_preview_escapes_the_authority() -> None:
    person = Person(id="Q1", name=HOSTILE, birth=UNKNOWN, death=UNKNOWN, nationality=HOSTILE, gender="female",
                    identifiers={"ulan": HOSTILE})  # fmt: skip
    service = build_service("t", "http://127.0.0.1:1", [from_person(person)], {"lambda": 0.5, "features": {}})
    html = service.preview("Q1")
    assert html is not None
    found = parsed(html)
    assert "script" not in found.tags and found.text.count(HOSTILE) >= 4  # title, name, nationality, id
