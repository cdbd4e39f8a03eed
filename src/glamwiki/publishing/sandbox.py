"""A private MediaWiki on 127.0.0.1 from Debian's ``mediawiki`` package: SQLite, uploads and chunked
uploads on, the TitleBlacklist extension with a small list, and a bot account with a BotPassword
made by the maintenance scripts. Used by ``glamwiki sandbox`` and by the test suite.

Where MediaWiki is installed (``mediawiki``) and the environment PHP runs in (``env``; nothing of
this process's own unless the caller passes it) are arguments: the CLI resolves them."""

from __future__ import annotations

import fcntl
import json
import os
import secrets
import signal
import socket
import subprocess
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass
from pathlib import Path

from glamwiki.publishing.errors import PublishError
from glamwiki.wikimedia import Http, HttpSettings, WikimediaError

MEDIAWIKI = Path("/usr/share/mediawiki")  # where Debian's mediawiki package installs it
BOT_USER = "Uploader"
BOT_NAME = "glamwiki"
GRANTS = "basic,highvolume,editpage,createeditmovepage,uploadfile,uploadeditmovefile,editmycssjs"
BLACKLIST = """\
# glamwiki sandbox title blacklist (the kind of rules MediaWiki:Titleblacklist has on Commons)
File:(DSC|IMG|DSCN|DSCF|P)[ _]?\\d+.* <reupload>
File:.*Forbidden[ _]word.*
File:[^a-z]+\\.[a-z]+ <casesensitive|reupload>
"""
SETTINGS = """
# --- glamwiki sandbox ---
$wgEnableUploads = true;
$wgUploadDirectory = "{root}/images";
$wgUploadPath = "/images";
$wgFileExtensions = array_merge($wgFileExtensions, ['png', 'gif', 'jpg', 'jpeg', 'tif', 'tiff', 'webp', 'pdf', 'djvu']);
$wgMaxUploadSize = 8 * 1024 * 1024 * 1024;
$wgMinUploadChunkSize = 1024;
$wgJobRunRate = 0;
$wgUseInstantCommons = false;
$wgEnableEmail = false;
$wgShowExceptionDetails = true;
$wgRateLimits = [];
$wgGroupPermissions['*']['edit'] = false;
wfLoadExtension('TitleBlacklist');
$wgTitleBlacklistSources = ['glamwiki' => ['type' => 'file', 'src' => '{root}/titleblacklist.txt']];
$wgGroupPermissions['sysop']['tboverride'] = false;
"""


@dataclass
class Sandbox:
    root: Path
    port: int
    user: str = ""
    password: str = ""  # the BotPassword; kept in ROOT/credentials.json (mode 600), never printed by default

    @property
    def api(self) -> str:
        return f"http://127.0.0.1:{self.port}/api.php"

    @property
    def pid_file(self) -> Path:
        return self.root / "server.pid"

    @property
    def log_file(self) -> Path:
        return self.root / "server.log"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def available(mediawiki: Path = MEDIAWIKI) -> bool:
    return (mediawiki / "maintenance" / "install.php").is_file() and _has_sqlite()


def _has_sqlite() -> bool:
    proc = subprocess.run(["php", "-m"], capture_output=True, text=True, check=False)
    return "pdo_sqlite" in proc.stdout


def _php(args: list[str], root: Path, env: Mapping[str, str] | None) -> None:
    child = {"PATH": os.defpath, **(env or {}), "MW_CONFIG_FILE": str(root / "LocalSettings.php")}
    proc = subprocess.run(["php", *args], capture_output=True, text=True, env=child, check=False, cwd=root)
    if proc.returncode != 0:
        raise PublishError(f"Setting up the sandbox wiki failed ({args[0]}): {proc.stdout[-800:]} {proc.stderr[-800:]}")


def create(
    root: Path, port: int | None = None, mediawiki: Path = MEDIAWIKI, env: Mapping[str, str] | None = None
) -> Sandbox:
    """Install a new wiki in ``root`` (which must not hold one) and its bot account, with the
    maintenance scripts of the MediaWiki in ``mediawiki`` run in the environment ``env``."""
    if not available(mediawiki):
        raise PublishError(
            "The sandbox needs Debian's mediawiki package and PHP's SQLite driver: "
            "sudo apt-get install -y --no-install-recommends mediawiki php-sqlite3 php-cli"
        )
    root = root.resolve()
    (root / "images").mkdir(parents=True, exist_ok=True)
    box = Sandbox(root, port or free_port())
    admin = _password()
    maintenance = str(mediawiki / "maintenance")
    install = [f"{maintenance}/install.php", "--dbtype", "sqlite", "--dbpath", str(root / "data")]
    install += ["--dbname", "sandbox", "--server", f"http://127.0.0.1:{box.port}", "--scriptpath", ""]
    install += ["--confpath", str(root), "--pass", admin, "--lang", "en", "glamwiki sandbox", "Admin"]
    _php(install, root, env)
    with (root / "LocalSettings.php").open("a", encoding="utf-8") as fh:
        fh.write(SETTINGS.replace("{root}", str(root)))
    (root / "titleblacklist.txt").write_text(BLACKLIST, encoding="utf-8")
    _php([f"{maintenance}/createAndPromote.php", "--bot", BOT_USER, _password()], root, env)
    box.password = secrets.token_hex(16)
    _php(
        [f"{maintenance}/createBotPassword.php", "--appid", BOT_NAME, "--grants", GRANTS, BOT_USER, box.password],
        root,
        env,
    )
    box.user = f"{BOT_USER}@{BOT_NAME}"
    credentials = root / "credentials.json"
    credentials.touch(mode=0o600)
    credentials.write_text(json.dumps(asdict(box) | {"root": str(root)}), encoding="utf-8")
    return box


def _password() -> str:
    """A random password that cannot be taken for a command-line option (token_urlsafe may begin with "-")."""
    return "p" + secrets.token_urlsafe(24)


def load(root: Path) -> Sandbox:
    data = json.loads((root / "credentials.json").read_text(encoding="utf-8"))
    return Sandbox(Path(data["root"]), int(data["port"]), data["user"], data["password"])


def start(
    box: Sandbox,
    workers: int = 2,
    timeout: float = 30.0,
    mediawiki: Path = MEDIAWIKI,
    env: Mapping[str, str] | None = None,
) -> subprocess.Popen[bytes] | None:
    """Serve the wiki with PHP's built-in server on 127.0.0.1 and wait until the API answers.

    A sandbox already running is reused (None is returned); a port held by another program is
    refused. Only one start at a time per sandbox folder (a lock), so its pid file always names the
    server that ``stop`` must stop."""
    with _locked(box):
        if running(box) is not None:
            return None
        if _port_taken(box.port):
            raise PublishError(
                f"Port {box.port} on 127.0.0.1 is in use by another program, not this sandbox ({box.root}). "
                "Stop that program, or make a new sandbox in another --dir (it picks a free port)."
            )
        proc = _serve(box, workers, mediawiki, env)
        box.pid_file.write_text(str(proc.pid))
        try:
            _wait(box, proc, timeout)
        except BaseException:
            _kill_group(proc.pid)
            box.pid_file.unlink(missing_ok=True)
            raise
        return proc


def _serve(box: Sandbox, workers: int, mediawiki: Path, env: Mapping[str, str] | None) -> subprocess.Popen[bytes]:
    child = {
        "PATH": os.defpath,
        **(env or {}),
        "MW_CONFIG_FILE": str(box.root / "LocalSettings.php"),
        "PHP_CLI_SERVER_WORKERS": str(workers),
    }
    limits = ["-d", "upload_max_filesize=256M", "-d", "post_max_size=260M", "-d", "memory_limit=512M"]
    limits += ["-d", "opcache.enable_cli=1", "-d", "opcache.memory_consumption=128"]
    with box.log_file.open("ab") as log:
        return subprocess.Popen(
            ["php", *limits, "-S", f"127.0.0.1:{box.port}", "-t", str(mediawiki)],
            env=child,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=box.root,
            start_new_session=True,
        )


@contextmanager
def _locked(box: Sandbox) -> Iterator[None]:
    with (box.root / "start.lock").open("w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def running(box: Sandbox) -> int | None:
    """The process (group) id of this sandbox's server when it runs; a stale pid file is removed."""
    try:
        pid = int(box.pid_file.read_text().strip())
    except (OSError, ValueError):
        box.pid_file.unlink(missing_ok=True)
        return None
    if _alive(pid) and _serves(pid, box):
        return pid
    box.pid_file.unlink(missing_ok=True)
    return None


def _alive(pid: int) -> bool:
    try:
        os.killpg(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _serves(pid: int, box: Sandbox) -> bool:
    """Whether ``pid`` is PHP serving this sandbox's port (not another program that got the pid)."""
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return True  # no /proc to ask: trust the pid file
    return b"php" in command[0] and f"127.0.0.1:{box.port}".encode() in command


def _port_taken(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) == 0


def _wait(box: Sandbox, proc: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    probe = Http(HttpSettings(retries=0, timeout=5.0, connect_timeout=5.0))  # the loop here is the retry
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise PublishError(f"The sandbox wiki stopped at start; see {box.log_file}.")
        try:
            if probe.call("GET", box.api, lambda r: bool(r.ok), params={"action": "query", "format": "json"}):
                return
        except WikimediaError:
            pass
        time.sleep(0.2)
    raise PublishError(f"The sandbox wiki did not answer on {box.api} within {timeout:.0f} s; see {box.log_file}.")


def stop(box: Sandbox) -> bool:
    """Stop the server started for this sandbox (by its recorded process group). True if it was running."""
    with _locked(box):
        pid = running(box)
        if pid is None:
            return False
        box.pid_file.unlink()
        return _kill_group(pid)


def _kill_group(pid: int) -> bool:
    try:
        os.killpg(pid, signal.SIGTERM)
    except ProcessLookupError:
        return False
    for _ in range(50):
        with suppress(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)  # reap it when it is our own child
        if not _alive(pid):
            return True
        time.sleep(0.1)
    os.killpg(pid, signal.SIGKILL)
    return True


def add_user(
    box: Sandbox, name: str, *, appid: str = BOT_NAME, mediawiki: Path = MEDIAWIKI, env: Mapping[str, str] | None = None
) -> tuple[str, str]:
    """Another (non-bot) user of the sandbox with a BotPassword of its own, made by the maintenance
    scripts as ``create`` makes the bot's: (``Name@appid``, its password). For tests of uploads under a
    person's own identity."""
    maintenance = str(mediawiki / "maintenance")
    _php([f"{maintenance}/createAndPromote.php", name, _password()], box.root, env)
    password = secrets.token_hex(16)
    _php([f"{maintenance}/createBotPassword.php", "--appid", appid, "--grants", GRANTS, name, password], box.root, env)
    return f"{name}@{appid}", password
