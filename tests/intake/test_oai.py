"""OAI-PMH harvesting from a repository on 127.0.0.1 (responses in the protocol's documented
shape, filled with real records), and from saved responses."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from glamwiki.cli import cli as cli_app
from glamwiki.demo import sample_folder
from glamwiki.intake.base import Issue, Read
from glamwiki.intake.registry import load_named_profile
from glamwiki.intake.stream import read_source
from glamwiki.model.records import ObjectRecord

from ..localserver import LOCAL, Answer, serve
from . import oai_pmh_spec as spec

XML = {"Content-Type": "text/xml; charset=utf-8"}


def tate_dc_records(n: int) -> list[tuple[str, str]]:
    """(identifier, record xml) for real Tate records, as a repository would expose them in oai_dc."""
    out = []
    for item in read_source(str(sample_folder()), profile=load_named_profile("tate")):
        if isinstance(item, Read) and isinstance(item.record, ObjectRecord):
            r = item.record
            fields = [("title", r.title), *[("creator", c.name) for c in r.creators], ("date", r.date.text),
                      ("type", r.medium or "artwork"), ("identifier", r.accession_number or r.id),
                      ("rights", "http://rightsstatements.org/vocab/InC/1.0/")]  # fmt: skip
            ident = f"oai:tate.org.uk:{r.id}"
            out.append((ident, spec.dc_record(ident, [(k, v) for k, v in fields if v])))
        if len(out) == n:
            break
    return out


class Repository:
    """Pages of ``per_page`` records; the first request for page 2 is told to come back later (503)."""

    def __init__(self, records: list[str], per_page: int, prefix: str = "oai_dc") -> None:
        self.pages = [records[i : i + per_page] for i in range(0, len(records), per_page)]
        self.prefix = prefix
        self.busy_once = True

    def route(self, path: str, query: dict[str, str]) -> Answer:
        if query.get("verb") != "ListRecords":
            return 200, XML, spec.error("badVerb", "Illegal OAI verb")
        token = query.get("resumptionToken")
        if token is None and query.get("metadataPrefix") != self.prefix:
            return 200, XML, spec.error("cannotDisseminateFormat", "not offered")
        page = int(token.removeprefix("page")) if token else 0
        if token and not re.fullmatch(r"page\d+", token):
            return 200, XML, spec.error("badResumptionToken", "The value of the resumptionToken argument is invalid")
        if page == 1 and self.busy_once:
            self.busy_once = False
            return 503, {"Retry-After": "0"}, b"busy"
        last = page == len(self.pages) - 1
        size = sum(len(p) for p in self.pages)
        body = spec.list_records(self.pages[page], "" if last else f"page{page + 1}", self.prefix, size, page)
        return 200, XML, body


def split(items: list) -> tuple[list[ObjectRecord], list[Issue]]:  # type: ignore[type-arg]
    objs = [i.record for i in items if isinstance(i, Read) and isinstance(i.record, ObjectRecord)]
    return objs, [i for i in items if isinstance(i, Issue)]


def test_harvests_oai_dc_across_resumption_tokens() -> None:
    records = tate_dc_records(25)
    repo = Repository([x for _, x in records[:12]] + [spec.deleted_record("oai:tate.org.uk:gone")]
                      + [x for _, x in records[12:]], per_page=10)  # fmt: skip
    with serve(repo.route) as (base, requests):
        objs, issues = split(list(read_source(f"{base}/oai", reader="oai", options={"set": "paintings", **LOCAL})))
    assert [o.id for o in objs] == [i for i, _ in records]
    assert [i.message for i in issues] == ["deleted at the source; not read"]
    assert issues[0].locator == "page 2, record 3 (oai:tate.org.uk:gone)"
    first, *rest = [q for _, q, _ in requests]
    assert first == {"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "paintings"}
    assert rest == [{"verb": "ListRecords", "resumptionToken": t} for t in ("page1", "page1", "page2")]  # 503, retry
    assert all("glamwiki" in h["User-Agent"] for _, _, h in requests)
    assert sum(o.date.is_known for o in objs) >= 20
    assert all(o.titles and o.creators and o.accession_number for o in objs)
    tate = objs[0]
    assert tate.rights_statement == "http://rightsstatements.org/vocab/InC/1.0/"


def test_harvests_lido_records(shared_data: Path) -> None:
    text = (shared_data / "lido" / "kenom_oai_chunk20.xml").read_text(encoding="utf-8")
    bodies = re.findall(r"<lido:lido>.*?</lido:lido>", text, re.DOTALL)
    ns = ' xmlns:lido="http://www.lido-schema.org"'
    wrapped = [spec.wrapped_record(f"oai:kenom.de:{i}", b.replace("<lido:lido>", f"<lido:lido{ns}>", 1))
               for i, b in enumerate(bodies)]  # fmt: skip
    repo = Repository(wrapped, per_page=7, prefix="lido")
    with serve(repo.route) as (base, _):
        objs, issues = split(list(read_source(base, reader="oai", options={"metadata_prefix": "lido", **LOCAL})))
    assert len(objs) == len(bodies) >= 10
    assert not [i for i in issues if i.severity == "error"]
    assert objs[0].id == "record_DE-68_kenom_123644"


def test_a_repository_error_is_explained() -> None:
    repo = Repository([x for _, x in tate_dc_records(3)], per_page=10)
    with serve(repo.route) as (base, _):
        items = list(read_source(base, reader="oai", options={"metadata_prefix": "marc21", **LOCAL}))
    (issue,) = items
    assert (
        isinstance(issue, Issue) and "cannotDisseminateFormat" in issue.message and "--metadata-prefix" in issue.message
    )


def test_no_records_match_is_not_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.xml"
    path.write_bytes(spec.error("noRecordsMatch", "The combination of the values results in an empty list."))
    assert list(read_source(str(path), reader="oai")) == []


@pytest.mark.parametrize("how", ["url", "saved"])
def test_cli_ingests_from_a_url_or_saved_responses(tmp_path: Path, how: str) -> None:
    records = tate_dc_records(12)
    runner = CliRunner()
    assert runner.invoke(cli_app, ["init", str(tmp_path / "p")]).exit_code == 0
    env = {"GLAMWIKI_PROJECT": str(tmp_path / "p"), "GLAMWIKI_NETWORK_ALLOW_HOSTS": "127.0.0.1"}
    repo = Repository([x for _, x in records], per_page=5)
    with serve(repo.route) as (base, _):
        if how == "saved":
            folder = tmp_path / "responses"
            folder.mkdir()
            for n, token in enumerate(("", "page1", "page2")):
                if n == 1:
                    repo.route("/", {"verb": "ListRecords", "resumptionToken": token})  # use up the 503
                _, _, body = repo.route("/", {"verb": "ListRecords", "resumptionToken": token} if token
                                        else {"verb": "ListRecords", "metadataPrefix": "oai_dc"})  # fmt: skip
                (folder / f"page-{n}.xml").write_bytes(body)
            source = str(folder)
        else:
            source = f"{base}/oai"
        result = runner.invoke(cli_app, ["ingest", source, "--profile", "oai", "--dataset", "tate-oai", "--json"],
                               env=env)  # fmt: skip
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["objects"] == 12
    shown = runner.invoke(cli_app, ["show", records[0][0]], env=env)
    assert shown.exit_code == 0 and "oai:tate.org.uk" in shown.output
