"""web: the web workspace (serve; add-user): one project, or a site of many (docs/deployment.md)."""

from __future__ import annotations

import os
from pathlib import Path

import click

from glamwiki.cli.context import project_from
from glamwiki.cli.web_site import SITE_ENV, SITE_SCHEMA, choose_site, site_to_json, wikimedia_login
from glamwiki.cli.worker_cmds import workers_alongside
from glamwiki.config import CONFIG_NAME
from glamwiki.errors import ProjectNotFound
from glamwiki.identities import Vault, job_resolver, key_file
from glamwiki.project import Project, find_project
from glamwiki.web.auth import ROLES, create_user, first_admin, new_password, session_secret_file
from glamwiki.web.site import MEMBER_ROLES, Site, add_member, mark_private, prepare_accounts_store


@click.group(invoke_without_command=True)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8765, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    help="Another name this server is reached by (the Host header); 127.0.0.1 and localhost always are.",
)
@click.option(
    "--https",
    is_flag=True,
    help="Served over https (behind a proxy that terminates TLS): the session cookie is then Secure.",
)
@click.option("--store-url", envvar="GLAMWIKI_STORE_URL",
              help="A PostgreSQL database of projects (no password in it: ~/.pgpass or PGPASSFILE): serve them all "
                   "as one site. Default: the project's store.url.")  # fmt: skip
@click.option("--project", "only", multiple=True, metavar="NAME",
              help="With a PostgreSQL store: serve only this project (repeat for several).")  # fmt: skip
@click.option("--programme", type=click.Path(dir_okay=False, exists=True),
              help="A programme.toml of project folders: serve them as one site (accounts: site.db).")  # fmt: skip
@click.option("--site-schema", default=SITE_SCHEMA, show_default=True,
              help="The PostgreSQL schema holding the site's accounts, members and failed logins.")  # fmt: skip
@click.option("--projects-dir", type=click.Path(file_okay=False, exists=True),
              help="With a PostgreSQL store: the folder holding the project folders (their sources and settings, "
                   "for the jobs started from the web).")  # fmt: skip
@click.option("--secret-file", type=click.Path(dir_okay=False),
              help="The file holding the session-signing secret (made once, mode 0600), shared by all workers. "
                   "Default: web-session.key in the project folder, beside programme.toml, or here.")  # fmt: skip
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="uvicorn worker processes (they share the store, the secret file and the login limit).")  # fmt: skip
@click.option("--no-worker", is_flag=True,
              help="Jobs started in the browser are not run in this process: `glamwiki worker` runs them.")  # fmt: skip
@click.pass_context
def web(ctx: click.Context, host: str, port: int, allow_hosts: tuple[str, ...], https: bool, store_url: str | None,
        only: tuple[str, ...], programme: str | None, site_schema: str, projects_dir: str | None,
        secret_file: str | None, workers: int, no_worker: bool) -> None:  # fmt: skip
    """Serve the web workspace: dashboards, record pages, review and approval queues; one project, or
    every project of a PostgreSQL store (--store-url) or of a programme.toml (--programme).

    On first start it makes an account `admin` and prints its password once (it is stored only as a
    hash). Jobs started in the browser run in worker threads of this process, one per project served
    from its folder (--no-worker: run `glamwiki worker` beside it). Stop with Ctrl-C. See docs/web.md,
    docs/jobs.md and docs/deployment.md."""
    ctx.ensure_object(dict)
    ctx.obj["site_choice"] = (store_url, only, programme, site_schema, projects_dir)
    if ctx.invoked_subcommand is not None:
        return
    site, default_secret = choose_site(ctx, store_url, only, programme, site_schema, projects_dir)
    import uvicorn

    from glamwiki.web.app import create_site_app

    _first_start(site)
    secret_path = Path(secret_file) if secret_file else default_secret
    secret = session_secret_file(secret_path)
    hosts = [host, *allow_hosts]
    click.echo(f"glamwiki web: http://{host}:{port}/ serving {', '.join(p.name for p in site.projects)}"
               f" with {workers} worker{'s' if workers > 1 else ''} (Ctrl-C stops it)", err=True)  # fmt: skip
    folder = _folder_or_none(ctx)  # [web.oauth] (Log in with Wikimedia) is read from the project folder
    oauth, redirect = wikimedia_login(folder)
    key = key_file(secret_path.parent)
    jobs_of = [] if no_worker else _folders(site)
    with workers_alongside(jobs_of, resolvers=[job_resolver(site.accounts.open, Vault(key, oauth))]):
        if workers == 1:
            app = create_site_app(site, secret, https=https, allowed_hosts=hosts, oauth=oauth, oauth_redirect=redirect,
                                  identity_key=key)  # fmt: skip
            uvicorn.run(app, host=host, port=port, log_level="info", proxy_headers=https)
            return
        os.environ[SITE_ENV] = site_to_json(site, secret_path.resolve(), https, hosts, folder)
        uvicorn.run("glamwiki.cli.web_site:make_app", factory=True, workers=workers, host=host, port=port,
                    log_level="info", proxy_headers=https)  # fmt: skip


def _folders(site: Site) -> list[Project]:
    """The site's projects served from their folders (settings, sources): the jobs started in the
    browser for them run in this process."""
    found = []
    for place in site.projects:
        if place.root and (Path(place.root) / CONFIG_NAME).is_file():
            found.append(find_project(Path(place.root), env=os.environ))
    return found


def _folder_or_none(ctx: click.Context) -> Path | None:
    try:
        return project_from(ctx).root
    except ProjectNotFound:
        return None


def _first_start(site: Site) -> None:
    prepare_accounts_store(site)
    with site.accounts.open() as store:
        password = first_admin(store)
    if password is not None:
        click.echo("First start: made the account 'admin' with this password (shown once, stored only hashed):")
        click.echo(f"  {password}")


@web.command("add-user")
@click.argument("username")
@click.option("--role", type=click.Choice(list(ROLES)), required=True, help="What the user may do.")
@click.option("--generate", is_flag=True, help="Generate the password and print it once instead of asking for it.")
@click.pass_context
def add_user(ctx: click.Context, username: str, role: str, generate: bool) -> None:
    """Add a local account of the site with a role: admin, resident, curator (answers reviews), viewer.
    With `glamwiki web --store-url URL add-user ...` the account is the PostgreSQL site's."""
    password = new_password() if generate else click.prompt("Password", hide_input=True, confirmation_prompt=True)
    site, _ = choose_site(ctx, *ctx.obj["site_choice"])
    prepare_accounts_store(site)
    with site.accounts.open() as store:
        create_user(store, username, role, password, created_by="command line")
    click.echo(f"Added {username} ({role}).")
    if generate:
        click.echo(f"Password (shown once): {password}")


@web.command("refresh")
@click.pass_context
def refresh(ctx: click.Context) -> None:
    """Draw every stage dashboard of the site's projects again now and keep it (the web shows the kept
    one while a project's data stays as it is; after a long run on a large project, this saves the
    first visitor the wait). With --project NAME: those projects only. See docs/web.md, "Performance"."""
    from glamwiki.web.dashboards import refresh_all

    site, _ = choose_site(ctx, *ctx.obj["site_choice"])
    for place in site.projects:
        with place.open() as store:
            for d in refresh_all(store):
                click.echo(f"{place.name} {d.stage}: drawn in {d.seconds:.1f} s")


@web.command("migrate")
@click.pass_context
def migrate_site(ctx: click.Context) -> None:
    """Bring the site's own store (the schema glamwiki_site, or site.db beside programme.toml) up to the
    schema of this glamwiki; the projects' stores: `glamwiki migrate` in each folder."""
    site, _ = choose_site(ctx, *ctx.obj["site_choice"])
    applied = prepare_accounts_store(site, migrate=True)
    where = site.accounts.schema or site.accounts.location
    click.echo(f"{where}: " + (f"{len(applied)} migrations applied now" if applied else "up to date"))


@web.command("member")
@click.argument("username")
@click.argument("project")
@click.option("--role", type=click.Choice(MEMBER_ROLES), required=True, help="The user's role in that project.")
@click.pass_context
def member(ctx: click.Context, username: str, project: str, role: str) -> None:
    """Give a user a role in one project of the site (or change it), as the Members page does."""
    site, _ = choose_site(ctx, *ctx.obj["site_choice"])
    prepare_accounts_store(site)
    with site.accounts.open() as store:
        add_member(store, site, username, project, role, "command line")
    click.echo(f"{username} is now {role} of {project}.")


@web.command("private")
@click.argument("project")
@click.option("--public", "public", is_flag=True, help="Make the project public again.")
@click.pass_context
def private(ctx: click.Context, project: str, public: bool) -> None:
    """Make a project of the site private: only its members and the admins see it (others: 404)."""
    site, _ = choose_site(ctx, *ctx.obj["site_choice"])
    prepare_accounts_store(site)
    with site.accounts.open() as store:
        mark_private(store, site, project, not public, "command line")
    click.echo(f"{project} is now {'public' if public else 'private'}.")


@web.command("link-wikimedia")
@click.argument("account")
@click.argument("wiki_user")
@click.pass_context
def link_wikimedia(ctx: click.Context, account: str, wiki_user: str) -> None:
    """Let the Wikimedia user WIKI_USER log in as ACCOUNT with "Log in with Wikimedia" (docs/web.md)."""
    from glamwiki.identities import link_account

    site, _ = choose_site(ctx, *ctx.obj["site_choice"])
    prepare_accounts_store(site)
    with site.accounts.open() as store:
        name = link_account(store, account, wiki_user, "command line")
    click.echo(f"Log in with Wikimedia as {name} now opens {account}.")
