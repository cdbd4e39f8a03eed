"""The site's projects: the list the user may see, switching the current project, the admin page
of members and private projects, and the programme dashboard over the projects the user may see."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from glamwiki.errors import GlamwikiError
from glamwiki.store import Store
from glamwiki.store.accounts import Account, list_accounts
from glamwiki.store.site import Membership, list_memberships, private_projects
from glamwiki.web.app import in_programme, in_site, not_found, page, render, workspace
from glamwiki.web.dashboards import programme_view
from glamwiki.web.site import MEMBER_ROLES, add_member, mark_private, remove_member


@page()
async def projects(request: Request) -> Response:
    private = await in_site(request, private_projects)
    return render(request, "projects.html", title="Projects", visible=request.state.visible, private=private)


@page()
async def switch(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in {a.place.name for a in request.state.visible}:
        return not_found(request, "such project")
    request.session["project"] = name
    return RedirectResponse("/", status_code=303)


def _admin_view(store: Store) -> tuple[list[Account], list[Membership], set[str]]:
    return list_accounts(store), list_memberships(store), private_projects(store)


async def _admin_page(request: Request, code: int = 200, message: str = "", error: str = "") -> Response:
    accounts, members, private = await in_site(request, _admin_view)
    return render(request, "site_admin.html", code, title="Projects and members", site=workspace(request).site,
                  accounts=accounts, members=members, private=private, member_roles=MEMBER_ROLES, message=message,
                  error=error)  # fmt: skip


@page("manage_users")
async def admin(request: Request) -> Response:
    return await _admin_page(request)


@page("manage_users")
async def admin_change(request: Request) -> Response:
    form = await request.form()
    site, by = workspace(request).site, request.state.user.username
    project = str(form.get("project", ""))
    try:
        if form.get("action") == "private":
            private = form.get("private") == "1"
            await in_site(request, mark_private, site, project, private, by)
            message = f"{project} is now {'private' if private else 'public'}."
        elif form.get("action") == "remove":
            username = str(form.get("username", ""))
            await in_site(request, remove_member, username, project)
            message = f"{username} is no longer a member of {project}."
        else:
            username, role = str(form.get("username", "")).strip(), str(form.get("role", ""))
            await in_site(request, add_member, site, username, project, role, by)
            message = f"{username} is now {role} of {project}."
    except GlamwikiError as exc:
        return await _admin_page(request, 400, error=str(exc))
    return await _admin_page(request, message=message)


@page()
async def programme(request: Request) -> Response:
    sections = await in_programme(request, programme_view, workspace(request).site.target)
    return render(request, "programme.html", title="Programme", sections=sections)


ROUTES = [
    Route("/projects", projects, methods=["GET"]),
    Route("/projects/{name:path}", switch, methods=["GET"]),
    Route("/programme", programme, methods=["GET"]),
    Route("/admin/projects", admin, methods=["GET"]),
    Route("/admin/projects", admin_change, methods=["POST"]),
]
