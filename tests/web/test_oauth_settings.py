"""[web.oauth] in glamwiki.toml: the secret only referenced (environment variable or file), refused
when written in the file; `glamwiki web` started with it offers "Log in with Wikimedia" and sends the
browser to the wiki's authorize endpoint; `glamwiki web link-wikimedia`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from click.testing import CliRunner

from glamwiki.cli import cli
from glamwiki.cli.oauth_settings import oauth_client
from glamwiki.errors import ConfigError
from glamwiki.project import Project, find_project, init_project
from glamwiki.store.identities import wikimedia_link_of
from glamwiki.web.auth import create_user
from glamwiki.wikimedia.oauth2 import OAuthFailed

from .conftest import free_port
from .test_cli import _stop, _wait


def _project(tmp_path: Path, oauth: str) -> Project:
    project = init_project(tmp_path / "p", institution="Test Museum")
    with (project.root / "glamwiki.toml").open("a", encoding="utf-8") as fh:
        fh.write("\n[web.oauth]\n" + oauth)
    return find_project(project.root, env={})


def test_no_section_no_wikimedia_login(tmp_path: Path) -> None:
    project = init_project(tmp_path / "p")
    assert oauth_client(project, {}) is None


def test_the_secret_comes_from_the_environment_or_a_file_never_the_toml(tmp_path: Path) -> None:
    project = _project(tmp_path / "a", 'client_id = "abc"\n')
    with pytest.raises(ConfigError, match="GLAMWIKI_OAUTH_CLIENT_SECRET"):
        oauth_client(project, {})
    client = oauth_client(project, {"GLAMWIKI_OAUTH_CLIENT_SECRET": "from-the-env-1234"})
    assert client is not None and client.client_secret == "from-the-env-1234"
    assert client.endpoint("authorize") == "https://meta.wikimedia.org/w/rest.php/oauth2/authorize"
    assert "from-the-env" not in repr(client)
    project = _project(tmp_path / "b", 'client_id = "abc"\nclient_secret_file = "secret.txt"\n')
    (project.root / "secret.txt").write_text("from-a-file-5678\n")
    client = oauth_client(project, {})
    assert client is not None and client.client_secret == "from-a-file-5678"
    project = _project(tmp_path / "c", 'client_id = "abc"\nclient_secret = "oops"\n')
    with pytest.raises(ConfigError, match="must not be written in glamwiki"):
        oauth_client(project, {"GLAMWIKI_OAUTH_CLIENT_SECRET": "x" * 10})
    project = _project(tmp_path / "d", 'client_id = "abc"\nrest = "http://wiki.example.org/w/rest.php"\n')
    with pytest.raises(OAuthFailed, match="not https"):
        oauth_client(project, {"GLAMWIKI_OAUTH_CLIENT_SECRET": "x" * 10})


def test_glamwiki_web_offers_wikimedia_login_from_the_settings(tmp_path: Path) -> None:
    port = free_port()
    oauth = (f'client_id = "glamwiki-demo"\nrest = "http://127.0.0.1:9/w/rest.php"\n'
             f'client_secret_env = "MY_CONSUMER_SECRET"\n'
             f'redirect_uri = "http://127.0.0.1:{port}/login/wikimedia/callback"\n')  # fmt: skip
    project = _project(tmp_path, oauth)
    env = {k: v for k, v in os.environ.items() if not k.startswith("GLAMWIKI_")} | {
        "MY_CONSUMER_SECRET": "zzz-secret-9876"
    }
    proc = subprocess.Popen([sys.executable, "-m", "glamwiki", "web", "--port", str(port)], cwd=project.root, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        _wait(url)
        assert 'id="login-wikimedia"' in httpx.get(url + "/login").text
        away = httpx.get(url + "/login/wikimedia")
    finally:
        out, err = _stop(proc)
    assert away.status_code == 303
    target = urlsplit(away.headers["location"])
    query = parse_qs(target.query)
    assert f"{target.netloc}{target.path}" == "127.0.0.1:9/w/rest.php/oauth2/authorize"
    assert query["client_id"] == ["glamwiki-demo"] and query["code_challenge_method"] == ["S256"]
    assert query["redirect_uri"] == [f"{url}/login/wikimedia/callback"]
    assert "zzz-secret-9876" not in out + err + away.headers["location"]


def test_link_wikimedia_command(tmp_path: Path) -> None:
    project = init_project(tmp_path / "p")
    with project.open_store() as store:
        create_user(store, "rita", "resident", "rita-pass-1234")
    result = CliRunner().invoke(cli, ["--project", str(project.root), "web", "link-wikimedia", "rita", "rita_resident"])
    assert result.exit_code == 0, result.output
    assert "Rita resident now opens rita" in result.output
    with project.open_store() as store:
        link = wikimedia_link_of(store, "rita")
    assert link is not None and link.wiki_user == "Rita resident" and link.linked_by == "command line"


def test_the_workers_identity_resolver_reads_the_project(tmp_path: Path) -> None:
    from glamwiki.cli.oauth_settings import identity_resolver, vault
    from glamwiki.identities import save_botpassword
    from glamwiki.store.jobs import Job

    project = init_project(tmp_path / "p")
    with project.open_store() as store:
        create_user(store, "rita", "resident", "rita-pass-1234")
        save_botpassword(store, vault(project, {}), "rita", "http://127.0.0.1:8080/api.php", "Rita@glamwiki", "p" * 32)
    job = Job(1, "publish", {"by": "rita"}, "running", 0, None, "", "", False, "", None, None, None)
    found = identity_resolver(project, {})(job, "http://127.0.0.1:8080/api.php")
    assert found is not None and (found.user, found.secret) == ("Rita@glamwiki", "p" * 32)
