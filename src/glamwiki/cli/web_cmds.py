"""web: the web workspace of the current project (serve; add-user)."""

from __future__ import annotations

import click

from glamwiki.cli.context import project_from
from glamwiki.cli.worker_cmds import workers_alongside
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
@click.option(
    "--no-worker",
    is_flag=True,
    help="Do not run the jobs started in the browser in this process: a separate `glamwiki worker` runs them.",
)
@click.pass_context
def web(ctx: click.Context, host: str, port: int, allow_hosts: tuple[str, ...], https: bool,
        no_worker: bool) -> None:  # fmt: skip
    """Serve the project's web workspace: dashboards, record pages, review queues, jobs.

    On first start it makes an account `admin` and prints its password once (it is stored only as a
    hash). Jobs started in the browser run in a worker thread of this process (--no-worker: run
    `glamwiki worker` beside it). Stop with Ctrl-C. See docs/web.md."""
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
    app.state.project = project  # the jobs page's settings and files
    click.echo(f"glamwiki web: http://{host}:{port}/ (Ctrl-C stops it)", err=True)
    with workers_alongside([project], enabled=not no_worker):  # jobs started in the browser run here
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
