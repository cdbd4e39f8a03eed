"""Placement suggestions for unused files, against recorded answers served on 127.0.0.1: Commons
mediainfo in the documented shape (https://www.mediawiki.org/wiki/Extension:WikibaseMediaInfo) and
real Wikidata entities (copied from ../shared/data/wikidata/entities.jsonl.gz, CC0: Q20409635,
Q24056802 and their creators Q1918901, Q884048)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from click.testing import CliRunner

from glamwiki.cli import cli as glamwiki_cli
from glamwiki.project import Project
from glamwiki.reach.http import Client, Politeness
from glamwiki.reach.placement import suggest, wiki_of_site
from glamwiki.store import reach as db

from .conftest import FAST, Recorded

IMAGES = [{"ns": 6, "title": "File:A.jpg"}, {"ns": 6, "title": "File:B.jpg"}]
EN_IMAGES = {"query": {"pages": [{"pageid": 1, "ns": 0, "title": "Mel Ramsden", "images": IMAGES}]}}
NO_IMAGES = {"batchcomplete": True, "query": {"pages": []}}
FILES = ["=Burn_Secret_painting.jpg", "Lataster_Stilleven.jpg", "No_data.jpg"]


def _route(recorded: Recorded) -> None:
    recorded.add(
        lambda p, q: "commons.wikimedia.org" in p and q.get("action") == "wbgetentities",
        "mediawiki.org_Extension-WikibaseMediaInfo__wbgetentities_files.json",
    )
    recorded.add(
        lambda p, q: "www.wikidata.org" in p and q.get("action") == "wbgetentities",
        "wikidata.org_API-wbgetentities__placement.json",
    )
    recorded.add(lambda p, q: "/en.wikipedia.org/" in p and q.get("prop") == "images", (200, {}, EN_IMAGES))
    recorded.add(lambda p, q: q.get("prop") == "images", (200, {}, NO_IMAGES))


def test_sites_to_wikis() -> None:
    assert wiki_of_site("enwiki") == "en.wikipedia" and wiki_of_site("zh_yuewiki") == "zh-yue.wikipedia"
    assert wiki_of_site("commonswiki") is None and wiki_of_site("enwikisource") is None


def test_suggestions_from_items_and_sitelinks(api) -> None:
    root, recorded = api
    _route(recorded)
    client = Client(api_root=root, polite=Politeness(min_interval=0))
    work = suggest(client, FILES, used={("nl.wikipedia", "Ger_Lataster")})
    burn = [s for s in work.suggestions if s.file == "=Burn_Secret_painting.jpg"]
    # the work has no image: its item comes first; then the creator's articles, fewest images first
    assert (burn[0].kind, burn[0].target, burn[0].via) == ("item", "Q20409635", "work: no image (P18)")
    articles = [(s.wiki, s.target, s.images) for s in burn[1:]]
    assert {w for w, _, _ in articles} == {
        "arz.wikipedia",
        "de.wikipedia",
        "en.wikipedia",
        "fr.wikipedia",
        "ru.wikipedia",
    }
    assert articles[-1] == ("en.wikipedia", "Mel_Ramsden", 2) and all(n == 0 for _, _, n in articles[:-1])
    assert all(s.via == "creator Q1918901" for s in burn[1:])
    lataster = {(s.wiki, s.target) for s in work.suggestions if s.file == "Lataster_Stilleven.jpg"}
    # commonswiki is not a Wikipedia; the nl article already shows one of the files
    assert lataster == {("wikidata", "Q24056802"), ("de.wikipedia", "Ger_Lataster"), ("li.wikipedia", "Ger_Lataster")}
    assert work.without_items == ["No_data.jpg"]
    only_en = suggest(client, FILES[:1], languages=["en", "cy"])
    assert [(s.wiki, s.target) for s in only_en.suggestions] == [
        ("wikidata", "Q20409635"),
        ("en.wikipedia", "Mel_Ramsden"),
    ]


def test_suggest_command_writes_csv_and_wikitext(api, cli: CliRunner, project: Project, tmp_path: Path) -> None:
    root, recorded = api
    _route(recorded)
    with project.open_store() as store:
        db.add_files(store, FILES, "list")
    env = {"GLAMWIKI_REACH_API_ROOT": root, "GLAMWIKI_REACH_MIN_INTERVAL": "0", **FAST}
    args = ["reach", "suggest", "--output", str(tmp_path / "w"), "--json"]
    result = cli.invoke(glamwiki_cli, args, env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data["suggestions"]) == 10 and data["without_items"] == ["No_data.jpg"]
    with open(tmp_path / "w" / "placement-suggestions.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["file"] == "'=Burn_Secret_painting.jpg"  # a spreadsheet formula is neutralised
    wiki = (tmp_path / "w" / "placement-suggestions.wiki").read_text(encoding="utf-8")
    assert "== [[:File:=Burn Secret painting.jpg]] ==" in wiki and "[[:en:Mel Ramsden]]" in wiki
    assert "[[d:Q20409635]] (add P18)" in wiki and wiki.count("{|") == wiki.count("|}") == 2
