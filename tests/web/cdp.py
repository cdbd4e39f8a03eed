"""A headless Chromium driven through the DevTools protocol (the browser's own remote-control
protocol, over a WebSocket on 127.0.0.1): open pages, fill and submit forms, read the DOM, with the
cookies a real browser keeps. https://chromedevtools.github.io/devtools-protocol/"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import httpx
from websockets.sync.client import ClientConnection, connect

from ..browser import FLAGS, chromium


class Tab:
    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws
        self.n = 0
        self.events: list[dict[str, Any]] = []
        self.call("Page.enable")
        self.call("Runtime.enable")

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        self.n += 1
        self.ws.send(json.dumps({"id": self.n, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv(timeout=60))
            if message.get("id") == self.n:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                result: dict[str, Any] = message["result"]
                return result
            self.events.append(message)

    def wait(self, method: str, timeout: float = 60) -> dict[str, Any]:
        end = time.monotonic() + timeout
        while True:
            for i, event in enumerate(self.events):
                if event.get("method") == method:
                    del self.events[: i + 1]
                    return event
            self.events.clear()
            self.events.append(json.loads(self.ws.recv(timeout=max(0.1, end - time.monotonic()))))

    def goto(self, url: str) -> str:
        """Open ``url`` and return the page's DOM once it has loaded."""
        self.events.clear()
        self.call("Page.navigate", url=url)
        self.wait("Page.loadEventFired")
        return self.html()

    def js(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_a_little(self, seconds: float = 0.1) -> None:
        time.sleep(seconds)

    def html(self) -> str:
        return str(self.js("document.documentElement.outerHTML"))

    def text(self) -> str:
        return str(self.js("document.body.innerText"))

    def url(self) -> str:
        return str(self.js("location.href"))

    def tab_to(self, selector: str, limit: int = 60) -> int:
        """Press Tab (real key events) until the element ``selector`` has the focus; how many presses it took
        (AssertionError when it is not reached within ``limit``)."""
        for n in range(1, limit + 1):
            for kind in ("keyDown", "keyUp"):
                self.call("Input.dispatchKeyEvent", type=kind, key="Tab", code="Tab", windowsVirtualKeyCode=9)
            if self.js(f"document.activeElement === document.querySelector({json.dumps(selector)})"):
                return n
        raise AssertionError(f"{selector} is not reached by Tab within {limit} presses")

    def press(self, key: str, alt: bool = False) -> None:
        """One real key press (key down, key up) as a keyboard sends it: ``Tab``, ``Enter``, ``Space``,
        ``Escape`` or a letter; a letter with ``alt`` is Chromium's access key chord on Linux."""
        named = {"Tab": ("Tab", 9, ""), "Enter": ("Enter", 13, "\r"), "Space": ("Space", 32, " "),
                 "Escape": ("Escape", 27, "")}  # fmt: skip
        code, vk, text = named.get(key) or (f"Key{key.upper()}", ord(key.upper()), key)
        name = " " if key == "Space" else key
        down = {"type": "keyDown", "key": name, "code": code, "windowsVirtualKeyCode": vk, "modifiers": 1 if alt else 0}
        if text:  # the character typed; unmodified (without Alt) it is what Blink matches to an access key
            down["text"] = down["unmodifiedText"] = text
        self.call("Input.dispatchKeyEvent", **down)
        self.call("Input.dispatchKeyEvent", **{**down, "type": "keyUp", "text": ""})

    def type_text(self, text: str) -> None:
        """Text typed into the element that has the focus (as a keyboard's input method delivers it)."""
        self.call("Input.insertText", text=text)

    def focused(self) -> str:
        """The element that has the keyboard focus: its id, else its tag and name."""
        return str(self.js("(e => e.id || (e.tagName.toLowerCase() + (e.name ? '[' + e.name + ']' : '')))"
                           "(document.activeElement)"))  # fmt: skip

    def submit(self, fields: dict[str, str], button: str) -> str:
        """Type ``fields`` (CSS selector -> value) and click ``button`` as a person would; the DOM after."""
        for selector, value in fields.items():
            self.js(f"document.querySelector({json.dumps(selector)}).value = {json.dumps(value)}")
        self.events.clear()
        self.js(f"document.querySelector({json.dumps(button)}).click()")
        self.wait("Page.loadEventFired")
        return self.html()


@contextmanager
def browser() -> Iterator[Tab]:
    """A fresh Chromium (its own empty profile: no cookies) with one tab."""
    # Chromium's helper processes may still write to the profile as it closes: cleanup errors are ignored.
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:
        args = [chromium(), *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank"]
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            port = _port(Path(profile) / "DevToolsActivePort")
            pages = [t for t in httpx.get(f"http://127.0.0.1:{port}/json/list").json() if t["type"] == "page"]
            with connect(pages[0]["webSocketDebuggerUrl"], max_size=None) as ws:
                yield Tab(ws)
        finally:
            _stop(proc)


def _port(path: Path, timeout: float = 30) -> int:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if path.is_file() and (lines := path.read_text().splitlines()):
            return int(lines[0])
        time.sleep(0.1)
    raise RuntimeError("Chromium did not open its DevTools port")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop the Chromium this module started and its helper processes (its own process group)."""
    with suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=20)
