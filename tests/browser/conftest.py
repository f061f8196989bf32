"""Headless Chromium, driven over the DevTools protocol (a WebSocket on the loopback
interface), for the tests that look at the pictures and the page as a browser lays them
out. No network: the browser is started with everything that would call out turned off,
and only ever opens files.

Without a Chromium the tests skip and say why, except in CI (CI=true), where they fail:
CI must run them (.ci/run installs Debian's chromium).
"""

from __future__ import annotations

import base64
import contextlib
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--force-color-profile=srgb",
    "--remote-debugging-port=0",
)


@pytest.fixture(autouse=True)
def _english() -> None:
    """The pictures are checked in English, whatever language an earlier test of the same
    process left set (``--lang`` sets it for the process)."""
    lang = sys.modules.get("bilat.render.lang")
    if lang is not None:
        lang.use(None)


def find_chromium() -> str | None:
    """BILAT_CHROMIUM, else Debian's chromium on the PATH."""
    for candidate in (
        os.environ.get("BILAT_CHROMIUM"),
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def unavailable(reason: str) -> None:
    """Skip, or fail in CI, where the browser tests must run."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true, but {reason}: the browser tests must run in CI", pytrace=False)
    pytest.skip(reason)


class Page:
    """One tab: navigate, evaluate JavaScript, take screenshots."""

    def __init__(self, browser: Browser, session: str, target: str) -> None:
        self.browser, self.session, self.target = browser, session, target

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        return self.browser.send(method, params, session=self.session)

    def open(self, url: str, width: int, height: int) -> None:
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )
        self.send("Page.enable")
        self.send("Page.navigate", url=url)
        self.browser.wait_for("Page.loadEventFired", self.session)

    def evaluate(self, expression: str) -> Any:
        reply = self.send(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in reply:
            raise AssertionError(reply["exceptionDetails"])
        return reply["result"].get("value")

    def screenshot(self) -> bytes:
        return base64.b64decode(self.send("Page.captureScreenshot", format="png")["data"])


class Browser:
    """A Chromium of its own (fresh profile in a temporary folder), ended by its pid."""

    def __init__(self, executable: str) -> None:
        from websockets.sync.client import connect

        self.profile = tempfile.mkdtemp(prefix="bilat-chromium-")
        self.process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.ids = itertools.count(1)
        self.pending: list[dict[str, Any]] = []
        self.closing = contextlib.ExitStack()
        self.socket = self.closing.enter_context(
            connect(self._endpoint(), max_size=None, open_timeout=30)
        )

    def _endpoint(self) -> str:
        """The browser's DevTools address, from the file it writes in its profile."""
        port_file = Path(self.profile) / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"chromium exited with status {self.process.returncode}")
            lines = port_file.read_text().split() if port_file.exists() else []
            if len(lines) == 2:
                return f"ws://127.0.0.1:{lines[0]}{lines[1]}"
            time.sleep(0.05)
        raise RuntimeError("chromium did not open its DevTools port within 30 s")

    def _receive(self) -> dict[str, Any]:
        message: dict[str, Any] = json.loads(self.socket.recv(timeout=60))
        return message

    def send(
        self, method: str, params: dict[str, Any] | None = None, session: str | None = None
    ) -> dict[str, Any]:
        number = next(self.ids)
        message: dict[str, Any] = {"id": number, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.socket.send(json.dumps(message))
        while True:
            reply = self._receive()
            if reply.get("id") == number:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            if "method" in reply:
                self.pending.append(reply)

    def wait_for(self, event: str, session: str) -> dict[str, Any]:
        while True:
            for i, message in enumerate(self.pending):
                if message["method"] == event and message.get("sessionId") == session:
                    return self.pending.pop(i)
            self.pending.clear()
            message = self._receive()
            if "method" in message:
                self.pending.append(message)

    def new_page(self) -> Page:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        attached = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})
        return Page(self, attached["sessionId"], target)

    def close(self) -> None:
        with contextlib.suppress(Exception):  # the browser may be gone already
            self.send("Browser.close")
        self.closing.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = find_chromium()
    if executable is None:
        unavailable("no Chromium found (apt-get install chromium, or set BILAT_CHROMIUM)")
    try:
        import websockets.sync.client  # noqa: F401
    except ImportError:
        unavailable("the websockets package is missing (pip install -e '.[test]')")
    assert executable is not None
    started = Browser(executable)
    yield started
    started.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    tab = browser.new_page()
    yield tab
    browser.send("Target.closeTarget", {"targetId": tab.target})
