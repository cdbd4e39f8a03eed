"""[web.oauth] of glamwiki.toml: Log in with Wikimedia (the consumer's client id, the wiki's rest.php)
with the client SECRET referenced, never written in the file: the name of an environment variable
(``client_secret_env``, default GLAMWIKI_OAUTH_CLIENT_SECRET) or a file (``client_secret_file``)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from glamwiki.errors import ConfigError
from glamwiki.identities import JobResolver, Vault, job_resolver, key_file
from glamwiki.project import Project
from glamwiki.wikimedia.agent import user_agent
from glamwiki.wikimedia.oauth2 import OAuthClient

DEFAULT_SECRET_ENV = "GLAMWIKI_OAUTH_CLIENT_SECRET"


def oauth_settings(project: Project) -> dict[str, object]:
    web = project.config.data.get("web", {})
    found = web.get("oauth", {}) if isinstance(web, dict) else {}
    return dict(found) if isinstance(found, dict) else {}


def oauth_client(project: Project, env: Mapping[str, str]) -> OAuthClient | None:
    """The consumer of [web.oauth], its secret read from the environment variable or file it names;
    None when Wikimedia login is not configured (no ``client_id``)."""
    settings = oauth_settings(project)
    if not settings.get("client_id"):
        return None
    if "client_secret" in settings:
        raise ConfigError("[web.oauth] client_secret must not be written in glamwiki.toml: put the secret in an "
                          f"environment variable (client_secret_env, default {DEFAULT_SECRET_ENV}) or a file "
                          "readable only by you (client_secret_file).")  # fmt: skip
    rest = str(settings.get("rest") or "https://meta.wikimedia.org/w/rest.php")
    secret_file = str(settings.get("client_secret_file") or "")
    if secret_file:
        path = Path(secret_file).expanduser()
        path = path if path.is_absolute() else project.root / path
        try:
            secret = path.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ConfigError(f"[web.oauth] client_secret_file {path}: {exc.strerror}. Write the consumer's "
                              "secret there (mode 0600).") from None  # fmt: skip
    else:
        name = str(settings.get("client_secret_env") or DEFAULT_SECRET_ENV)
        secret = env.get(name, "")
        if not secret:
            raise ConfigError(f"[web.oauth] is configured but the environment variable {name} (the consumer's "
                              "secret) is not set. Set it, or name a file with client_secret_file.")  # fmt: skip
    contact = str(project.config.get("publishing", "contact", ""))
    return OAuthClient(rest, str(settings["client_id"]), secret, user_agent(contact))


def redirect_uri(project: Project) -> str:
    return str(oauth_settings(project).get("redirect_uri") or "")


def vault(project: Project, env: Mapping[str, str]) -> Vault:
    """The project's identity key (web-identity.key, made once) and its consumer (to renew tokens)."""
    return Vault(key_file(project.root), oauth_client(project, env))


def identity_resolver(project: Project, env: Mapping[str, str], *, required: bool = False) -> JobResolver:
    """For the job worker's ``Setup(resolvers=[...])``: a publishing job's credentials are those of the
    account that started it (its Wikimedia identity, ADR 0014), renewed with [web.oauth]'s consumer."""
    return job_resolver(project.open_store, vault(project, env), required=required)
