"""The report lists every date text that was not read, by frequency (issue 18)."""

from __future__ import annotations

import json
from pathlib import Path

from glamwiki.intake.ingest import ingest
from glamwiki.intake.registry import load_mapping
from glamwiki.report.build import build_report
from glamwiki.store import Store

from ..intake.helpers import ROWS, write_csv, write_mapping


def test_unread_date_texts_are_counted_and_listed_by_frequency(store: Store, tmp_path: Path) -> None:
    rows = [list(r) for r in ROWS]
    texts = ["Kofun-Zeit", "19th century in the style of 16th century", "Kofun-Zeit", "<b>=1+1</b> reign"]
    for i, text in enumerate(texts):
        row = [*rows[i % len(rows)]]
        row[0], row[2] = f"U.{i}", text
        rows.append(row)
    rows.append([*rows[0][:1], *rows[0][1:2], "1985-04", *rows[0][3:]])
    rows[-1][0] = "A.1"
    rows[0][2] = "Undated"  # says unknown: not a text to map
    rows[1][9] = "in the reign of the 2nd king"  # a creator's life dates that cannot be read
    source = write_csv(tmp_path / "export.csv", rows)
    ingest(store, str(source), dataset="m", profile=load_mapping(write_mapping(tmp_path)))
    html = build_report(store, tmp_path / "report.html", "Test").read_text(encoding="utf-8")
    part = html[html.index("Date texts not understood") :]
    assert "could not read: 5 records, 4 different texts" in part
    assert "<td>in the reign of the 2nd king</td><td>creator&#39;s life dates</td>" in part
    assert part.index("Kofun-Zeit") < part.index("19th century in the style of 16th century")  # CMoA's own
    assert '<td>Kofun-Zeit</td><td>object date</td><td class="n">2</td>' in part
    assert "&lt;b&gt;=1+1&lt;/b&gt; reign" in part and "<b>=1+1" not in part
    assert "Undated" not in part.split("could be a month")[0]
    assert 'range of years ("1985-04"): 1 record,' in part.replace("&#34;", '"') and "<td>1985-04</td>" in part


def test_a_text_not_read_is_listed_even_when_bounds_columns_gave_the_dates(store: Store, tmp_path: Path) -> None:
    """CMoA gives creation_date with creation_date_earliest/latest: "posthumous reprint" is bounded, not read."""
    lines = [
        {"id": "c1", "title": "Bowl", "creation_date": "posthumous reprint", "lo": "1868-01-01", "hi": "1912-01-01"},
        {"id": "c2", "title": "Cup", "creation_date": "c. 1860", "lo": "1855-01-01", "hi": "1865-01-01"},
    ]
    source = tmp_path / "objects.jsonl"
    source.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    mapping = tmp_path / "mapping.toml"
    fields = 'id = "id"\ntitle = "title"\ndate = "creation_date"\ndate_earliest = "lo"\ndate_latest = "hi"\n'
    mapping.write_text('[[sources]]\nkind = "object"\n[sources.fields]\n' + fields, encoding="utf-8")
    ingest(store, str(source), dataset="c", profile=load_mapping(mapping))
    html = build_report(store, tmp_path / "report.html", "Test").read_text(encoding="utf-8")
    part = html[html.index("Date texts not understood") :]
    assert "<td>posthumous reprint</td><td>object date (its bounds columns used)</td>" in part
    assert "c. 1860" not in part
