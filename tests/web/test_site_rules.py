"""Who sees which project of a site, with which role (no server): site roles, memberships, private
projects; on both backends, in the store that holds the site's accounts."""

from __future__ import annotations

from pathlib import Path

import pytest
from starlette.requests import Request

from glamwiki.errors import ConfigError
from glamwiki.project import Project
from glamwiki.store.accounts import get_account
from glamwiki.web.app import create_app, create_site_app, current_project
from glamwiki.web.auth import create_user
from glamwiki.web.site import ProjectPlace, Site, add_member, mark_private, remove_member, visible

PLACES = tuple(ProjectPlace(n, f"/nowhere/{n}.db") for n in ("alpha", "beta", "gamma"))


@pytest.mark.both_backends
def test_roles_per_project_and_private_projects(project: Project) -> None:
    site = Site(PLACES, ProjectPlace("site", str(project.db_path)))
    with project.open_store() as store:
        for name, role in (("boss", "admin"), ("ann", "viewer"), ("cur", "curator")):
            create_user(store, name, role, "a-long-password")
        add_member(store, site, "ann", "alpha", "resident", "boss")
        mark_private(store, site, "beta", True, "boss")

        def seen(name: str) -> dict[str, str]:
            account = get_account(store, name)
            assert account is not None
            return {a.place.name: a.role for a in visible(store, site, account)}

        assert seen("boss") == {"alpha": "admin", "beta": "admin", "gamma": "admin"}
        assert seen("ann") == {"alpha": "resident", "gamma": "viewer"}  # beta is private
        assert seen("cur") == {"alpha": "curator", "gamma": "curator"}  # the site role on public projects
        add_member(store, site, "ann", "beta", "curator", "boss")
        add_member(store, site, "ann", "alpha", "viewer", "boss")  # a role changed, not added twice
        assert seen("ann") == {"alpha": "viewer", "beta": "curator", "gamma": "viewer"}
        remove_member(store, "ann", "beta")
        assert "beta" not in seen("ann")  # private again for her
        with pytest.raises(ConfigError, match="is not a member"):
            remove_member(store, "ann", "beta")
        mark_private(store, site, "beta", False, "boss")
        assert seen("cur")["beta"] == "curator"
        with pytest.raises(ConfigError, match="no project named"):
            add_member(store, site, "ann", "delta", "viewer", "boss")
        with pytest.raises(ConfigError, match="admins see every project"):
            add_member(store, site, "ann", "alpha", "admin", "boss")
        with pytest.raises(ConfigError, match="no user named"):
            add_member(store, site, "nobody", "alpha", "viewer", "boss")


def test_a_site_refuses_two_projects_of_one_name_and_none() -> None:
    with pytest.raises(ConfigError, match="two projects of the site are named alpha"):
        Site((PLACES[0], PLACES[0]), PLACES[1])
    with pytest.raises(ConfigError, match="the site has no project"):
        Site((), PLACES[1])


def test_a_site_of_many_projects_has_no_current_project_before_the_access_check(tmp_path: Path) -> None:
    site = Site(PLACES[:2], ProjectPlace("site", str(tmp_path / "site.db")))
    app = create_site_app(site, "s" * 48)  # makes site.db, the site's own store
    request = Request({"type": "http", "app": app, "method": "GET", "path": "/", "headers": []})
    with pytest.raises(ConfigError, match="wrap the handler in page"):
        current_project(request)
    assert (tmp_path / "site.db").is_file()
    one = create_app(tmp_path / "site.db", "solo", "s" * 48)  # the embedded default: its one project
    assert (
        current_project(Request({"type": "http", "app": one, "method": "GET", "path": "/", "headers": []})).name
        == "solo"
    )
