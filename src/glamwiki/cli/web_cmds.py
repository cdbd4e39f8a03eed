"""web: the web workspace of the current project (serve; add-user)."""

from __future__ import annotations

import os

import click

from glamwiki.cli.context import project_from
from glamwiki.publishing.connect import COMMONS_API
from glamwiki.web.auth import ROLES, create_user, first_admin, new_password, session_secret


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
@click.pass_context
def web(ctx: click.Context, host: str, port: int, allow_hosts: tuple[str, ...], https: bool) -> None:  # fmt: skip
    """Serve the project's web workspace: dashboards, record pages, the rights review queue.

    On first start it makes an account `admin` and prints its password once (it is stored only as a
    hash). Stop with Ctrl-C. See docs/web.md."""
    if ctx.invoked_subcommand is not None:
        return
    import uvicorn

    from glamwiki.cli.oauth_settings import oauth_client, redirect_uri
    from glamwiki.web.app import create_app

    project = project_from(ctx)
    oauth = oauth_client(project, os.environ)
    with project.open_store() as store:
        password = first_admin(store)
    if password is not None:
        click.echo("First start: made the account 'admin' with this password (shown once, stored only hashed):")
        click.echo(f"  {password}")
    app = create_app(project.db_path, project.name, session_secret(project.root), https=https,
                     allowed_hosts=[host, *allow_hosts], oauth=oauth, oauth_redirect=redirect_uri(project),
                     publish_target=str(project.config.get("publishing", "target", COMMONS_API)))  # fmt: skip
    click.echo(f"glamwiki web: http://{host}:{port}/ (Ctrl-C stops it)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info", proxy_headers=https)


@web.command("add-user")
@click.argument("username")
@click.option("--role", type=click.Choice(list(ROLES)), required=True, help="What the user may do.")
@click.option("--generate", is_flag=True, help="Generate the password and print it once instead of asking for it.")
@click.pass_context
def add_user(ctx: click.Context, username: str, role: str, generate: bool) -> None:
    """Add a local account with a role: admin, resident, curator (answers reviews), viewer."""
    password = new_password() if generate else click.prompt("Password", hide_input=True, confirmation_prompt=True)
    project = project_from(ctx)
    with project.open_store() as store:
        create_user(store, username, role, password, created_by="command line")
    click.echo(f"Added {username} ({role}).")
    if generate:
        click.echo(f"Password (shown once): {password}")


@web.command("link-wikimedia")
@click.argument("account")
@click.argument("wiki_user")
@click.pass_context
def link_wikimedia(ctx: click.Context, account: str, wiki_user: str) -> None:
    """Let the Wikimedia user WIKI_USER log in as ACCOUNT with "Log in with Wikimedia" (docs/web.md)."""
    from glamwiki.identities import link_account

    project = project_from(ctx)
    with project.open_store() as store:
        name = link_account(store, account, wiki_user, "command line")
    click.echo(f"Log in with Wikimedia as {name} now opens {account}.")
