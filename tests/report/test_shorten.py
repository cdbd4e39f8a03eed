"""Report text is shortened at word boundaries with an ellipsis, never mid-word ("Fill i", issue 18)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from glamwiki.intake.ingest import ingest
from glamwiki.intake.registry import load_mapping
from glamwiki.report.build import build_report
from glamwiki.report.page import message_kinds
from glamwiki.store import Store
from glamwiki.textfit import shorten

from ..intake.helpers import ROWS, write_csv, write_mapping

MESSAGE = "required value 'title' is empty; the row was skipped. Fill it in and ingest again."


def test_the_newcomer_s_message() -> None:
    short = shorten(MESSAGE, 60)
    assert short == "required value 'title' is empty; the row was skipped. Fill…"
    assert shorten(MESSAGE, 90) == MESSAGE


@given(st.lists(st.text(alphabet="abcdefghij", min_size=1, max_size=12), min_size=1, max_size=30),
       st.integers(min_value=10, max_value=100))  # fmt: skip
def test_shortened_text_ends_at_a_word(words: list[str], width: int) -> None:
    text = " ".join(words)
    short = shorten(text, width)
    assert len(short) <= width
    if len(text) <= width:
        assert short == text
        return
    assert short.endswith("…")
    body = short[:-1]
    assert text.startswith(body)
    longest = max(len(w) for w in words)
    if longest < width // 2:
        assert text[len(body)] == " ", "cut between words, not inside one"


def test_messages_differing_in_quoted_values_are_one_kind() -> None:
    kinds = message_kinds([("date '1850?' could not be read", 2), ("date 'Meiji' could not be read", 1)])
    assert kinds == [("date '…' could not be read", 3)]


def test_the_report_shows_whole_messages(store: Store, tmp_path: Path) -> None:
    rows = [list(r) for r in ROWS]
    rows[0][1] = rows[1][1] = ""  # two rows without the required title
    ingest(store, str(write_csv(tmp_path / "export.csv", rows)), dataset="m",
           profile=load_mapping(write_mapping(tmp_path)))  # fmt: skip
    html = build_report(store, tmp_path / "report.html", "Test").read_text(encoding="utf-8")
    issues = html.split("Issues found while reading", 1)[1].split("</table>", 1)[0]
    assert "Fill it in and ingest again." in issues and "Fill i<" not in issues
    assert '<td class="n">2</td>' in issues
