"""Usage from Commons' globalimagelinks table dump. The fixture follows the dump's MySQL form with
the GlobalUsage extension's current column order (wikimedia/mediawiki-extensions-GlobalUsage,
sql/mysql/tables-generated.sql: gil_wiki, gil_page, gil_to, gil_page_namespace_id,
gil_page_namespace, gil_page_title); no real row sample was found in public fixtures, so the rows
are written here, with MySQL's escaping of quotes and backslashes."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from click.testing import CliRunner

from glamwiki.cli import cli as glamwiki_cli
from glamwiki.project import Project
from glamwiki.reach.usagedump import links, project_of_dbname
from glamwiki.store import reach as db

DUMP = """-- MySQL dump 10.19  Distrib 10.3.38-MariaDB, for debian-linux-gnu (x86_64)
DROP TABLE IF EXISTS `globalimagelinks`;
CREATE TABLE `globalimagelinks` (
  `gil_wiki` varbinary(32) NOT NULL,
  `gil_page` int(10) unsigned NOT NULL,
  `gil_to` varbinary(255) NOT NULL,
  `gil_page_namespace_id` int(11) NOT NULL,
  `gil_page_namespace` varbinary(255) DEFAULT NULL,
  `gil_page_title` varbinary(255) DEFAULT NULL,
  PRIMARY KEY (`gil_to`,`gil_wiki`,`gil_page`)
) ENGINE=InnoDB DEFAULT CHARSET=binary;
INSERT INTO `globalimagelinks` VALUES ('enwiki',70889,'Mona_Lisa.jpg',0,'','Mona_Lisa'),\
('enwiki',9001,'Mona_Lisa.jpg',1,'Talk','Mona_Lisa'),('wikidatawiki',1,'Mona_Lisa.jpg',0,'','Q12418'),\
('frwiki',5,'Other.jpg',0,'','Autre'),('enwiki',77,'O\\'Keeffe\\'s_Iris.jpg',0,'','Georgia_O\\'Keeffe'),\
('enwikisource',8,'Mona_Lisa.jpg',0,'','The_\\\\Mona\\\\_Lisa'),('zh_yuewiki',9,'Mona_Lisa.jpg',0,NULL,'蒙娜麗莎');
INSERT INTO `globalimagelinks` VALUES ('dewiki',12345,'Mona_Lisa.jpg',0,'','Mona_Lisa'),('dewiki',1,'Mona_Lisa.jpg',0);
"""


def _write(folder: Path) -> Path:
    path = folder / "commonswiki-20250301-globalimagelinks.sql.gz"
    path.write_bytes(gzip.compress(DUMP.encode("utf-8")))
    return path


def test_dbnames() -> None:
    assert project_of_dbname("enwiki") == "en.wikipedia" and project_of_dbname("zh_yuewiki") == "zh-yue.wikipedia"
    assert project_of_dbname("frwikisource") == "fr.wikisource" and project_of_dbname("wikidatawiki") == "www.wikidata"


def test_rows_for_the_measured_files(tmp_path: Path) -> None:
    problems: list[str] = []
    found = list(links(_write(tmp_path), {"Mona_Lisa.jpg", "O'Keeffe's_Iris.jpg"}, problems))
    got = {(x.file, x.wiki, x.title, x.ns) for x in found}
    assert ("Mona_Lisa.jpg", "en.wikipedia", "Talk:Mona_Lisa", 1) in got
    assert ("O'Keeffe's_Iris.jpg", "en.wikipedia", "Georgia_O'Keeffe", 0) in got
    assert ("Mona_Lisa.jpg", "en.wikisource", "The_\\Mona\\_Lisa", 0) in got
    assert ("Mona_Lisa.jpg", "zh-yue.wikipedia", "蒙娜麗莎", 0) in got
    assert not any(x.file == "Other.jpg" for x in found) and len(found) == 7
    assert len(problems) == 1 and "line 13" in problems[0]  # the row of 4 values


def test_usage_dump_command(cli: CliRunner, project: Project, tmp_path: Path) -> None:
    files = tmp_path / "files.txt"
    files.write_text("File:Mona Lisa.jpg\nUnused.jpg\n", encoding="utf-8")  # no API: files added from a list
    result = cli.invoke(glamwiki_cli, ["reach", "usage-dump", str(_write(tmp_path)), "--files", str(files), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["links"], data["files_in_use"], data["problems"], data["as_of"]) == (6, 1, 1, "2025-03-01T00:00:00Z")
    with project.open_store() as store:
        assert db.all_files(store) == ["Mona_Lisa.jpg", "Unused.jpg"]
        assert db.articles_in_use(store) == [
            ("de.wikipedia", "Mona_Lisa"),
            ("en.wikipedia", "Mona_Lisa"),
            ("en.wikisource", "The_\\Mona\\_Lisa"),
            ("zh-yue.wikipedia", "蒙娜麗莎"),
        ]
