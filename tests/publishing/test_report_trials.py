"""The report's publishing section counts the institution's wikis only: a run on the local sandbox
(a real MediaWiki on 127.0.0.1) is named as a trial and not counted; failure messages are cut at a
word boundary, never mid-word (issue 18)."""

from __future__ import annotations

from html import unescape
from pathlib import Path

from glamwiki.publishing.api import ApiClient
from glamwiki.publishing.run import Runner, RunOptions
from glamwiki.publishing.status import publishing_status
from glamwiki.publishing.targets import is_local
from glamwiki.publishing.upload import UploadSettings
from glamwiki.report.publishing_section import publishing_section
from glamwiki.store import publishing as db

from .conftest import ready_project

COMMONS = "https://commons.wikimedia.org/w/api.php"
WHY = "the wiki refused the upload: the file name contains a word on the title blacklist of this wiki, please rename"


def test_a_sandbox_run_is_a_trial_not_the_institution_s_result(tmp_path: Path, client: ApiClient) -> None:
    project = ready_project(tmp_path, 3)
    with project.open_store() as store:
        Runner(store, client, RunOptions(upload=UploadSettings(cache=tmp_path / "cache"))).run()
        assert sum(db.state_counts(store, client.api_url).values()) == 3
        html = publishing_section(store).html  # type: ignore[union-attr]
        assert "Files on" not in html, "no chart counts the sandbox's files as published"
        assert "Trial runs on a local wiki" in html and f"{client.api_url}: 3 files" in html
        assert "Nothing sent to a public wiki yet" in html
        line = publishing_status(store).summary
        assert "0 uploaded" in line and "trial runs on a local wiki not counted" in line, line
        with store.transaction():  # the same items as the institution's real target records them
            for n, item in enumerate(db.iter_plan(store, db.PLANNED)):
                message = WHY.replace("file name", f"file name '{item.title}'") if n else None
                db.put_state(store, db.FileState(COMMONS, item.item_id, "failed" if n else "done", message=message))
        html = publishing_section(store).html  # type: ignore[union-attr]
        line = publishing_status(store).summary
    assert "1 uploaded" in line and "2 failed" in line, line
    assert f"Files on {COMMONS}" in html and "Nothing sent to a public wiki yet" not in html
    failure = html.split("why a file failed", 1)[1].split("</table>", 1)[0]
    assert '<td class="n">2</td>' in failure, "the two failures are one kind of message"
    shown = unescape(failure.split("<td>", 2)[1].split("</td>", 1)[0])
    assert shown.endswith("…") and len(shown) <= 90
    assert WHY.replace("file name", "file name '…'").startswith(shown[:-1]), "cut at a word boundary"
    assert shown[:-1].endswith(("blacklist", "title", "of", "the", "this", "on", "word")), shown


def test_local_targets() -> None:
    assert is_local("http://127.0.0.1:8080/api.php") and is_local("http://localhost/w/api.php")
    assert is_local("http://[::1]:9000/api.php")
    assert not is_local(COMMONS) and not is_local("https://test.wikipedia.org/w/api.php")
