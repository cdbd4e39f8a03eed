"""web: the web workspace of the current project (serve; add-user)."""

from __future__ import annotations

import click

from glamwiki.cli.context import project_from
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

    from glamwiki.web.app import create_app

    project = project_from(ctx)
    with project.open_store() as store:
        password = first_admin(store)
    if password is not None:
        click.echo("First start: made the account 'admin' with this password (shown once, stored only hashed):")
        click.echo(f"  {password}")
    app = create_app(project.db_path, project.name, session_secret(project.root), https=https,
                     allowed_hosts=[host, *allow_hosts])  # fmt: skip
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


@web.command("refresh")
@click.pass_context
def refresh(ctx: click.Context) -> None:
    """Draw every stage dashboard again now and keep it (the web shows the kept one while the
    project's data stays as it is; after a long run on a large project, saves the first visitor
    the wait). See docs/web.md, "Performance"."""
    from glamwiki.web.dashboards import refresh_all

    project = project_from(ctx)
    with project.open_store() as store:
        for d in refresh_all(store):
            click.echo(f"{d.stage}: drawn in {d.seconds:.1f} s")
