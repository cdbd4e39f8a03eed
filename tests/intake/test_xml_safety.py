"""Hostile and broken XML: XXE and entity bombs are refused without being expanded, a broken
file keeps the records before the break, and the rest of the batch goes on."""

from __future__ import annotations

import csv
import io
import json
import shutil
import time
from pathlib import Path

from click.testing import CliRunner

from glamwiki.cli import cli as cli_app
from glamwiki.intake.base import Issue, Read
from glamwiki.intake.stream import read_source

XXE = """<?xml version="1.0"?>
<!DOCTYPE lidoWrap [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<lido:lidoWrap xmlns:lido="http://www.lido-schema.org"><lido:lido><lido:lidoRecID>X1</lido:lidoRecID>
<lido:descriptiveMetadata><lido:objectIdentificationWrap><lido:titleWrap><lido:titleSet>
<lido:appellationValue>&xxe;</lido:appellationValue></lido:titleSet></lido:titleWrap>
</lido:objectIdentificationWrap></lido:descriptiveMetadata></lido:lido></lido:lidoWrap>
"""
LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10))
    + ']>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>&lol9;</title>'
    "</titleStmt></fileDesc></teiHeader></TEI>\n"
)


def _read(path: Path, reader: str) -> tuple[list[Read], list[Issue]]:
    items = list(read_source(str(path), reader=reader))
    return [i for i in items if isinstance(i, Read)], [i for i in items if isinstance(i, Issue)]


def test_external_entity_is_refused_and_never_read(tmp_path: Path) -> None:
    path = tmp_path / "xxe.xml"
    path.write_text(XXE)
    reads, issues = _read(path, "lido")
    assert reads == []
    (issue,) = issues
    assert issue.file == str(path) and issue.severity == "error"
    assert "refused" in issue.message and "entity" in issue.message
    assert "root:" not in issue.message


def test_billion_laughs_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xml"
    path.write_text(LAUGHS)
    start = time.perf_counter()
    reads, issues = _read(path, "tei")
    assert time.perf_counter() - start < 5  # expanded, it would be 10^9 "lol"s
    assert reads == [] and "refused" in issues[0].message


def test_broken_xml_keeps_earlier_records_and_names_the_line(tmp_path: Path, shared_data: Path) -> None:
    text = (shared_data / "lido" / "kenom_oai_chunk20.xml").read_text(encoding="utf-8")
    cut = text.index("<lido:lido>", text.index("<lido:lido>", text.index("<lido:lido>") + 1) + 1)
    path = tmp_path / "broken.xml"
    path.write_text(text[:cut] + "<lido:lido><oops></lido:lido>" + text[cut:], encoding="utf-8")
    reads, issues = _read(path, "lido")
    assert len([r for r in reads if r.record.__class__.__name__ == "ObjectRecord"]) == 2
    (issue,) = issues
    assert "not well-formed" in issue.message and f"line {text[:cut].count(chr(10)) + 1}" in issue.message


def test_the_rest_of_the_batch_goes_on(tmp_path: Path, shared_data: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    shutil.copy(shared_data / "lido" / "minimaldatensatz.xml", folder / "a-good.xml")
    (folder / "b-xxe.xml").write_text(XXE)
    shutil.copy(shared_data / "lido" / "LIDO-v1.1-Example_FMobj20344012-Fontana_del_Moro.xml", folder / "c-good.xml")
    runner = CliRunner()
    assert runner.invoke(cli_app, ["init", str(tmp_path / "p")]).exit_code == 0
    env = {"GLAMWIKI_PROJECT": str(tmp_path / "p")}
    result = runner.invoke(cli_app, ["ingest", str(folder), "--profile", "lido", "--json"], env=env)
    assert result.exit_code == 3, result.output
    fontana = len(_read(folder / "c-good.xml", "lido")[0]) - 0
    summary = json.loads(result.output)
    assert summary["objects"] + summary["people"] == 1 + 3 + fontana  # the good files, whole (3 creators in a)
    assert len(summary["files"]) == 3
    errors = list(csv.DictReader(io.StringIO(runner.invoke(cli_app, ["export", "errors"], env=env).output)))
    assert [(Path(e["file"]).name, e["severity"]) for e in errors] == [("b-xxe.xml", "error")]
    assert "refused" in errors[0]["message"]
