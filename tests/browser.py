"""A headless Chromium driven over the DevTools protocol (websocket-client), for the site's
browser test. Uses the system's browser (Debian's ``chromium``); never downloads one."""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

PAGE_FACTS = """(() => {
  const w = document.documentElement.clientWidth;
  const wide = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.right > w + 1 || r.left < -1) wide.push(el.tagName + '.' + el.getAttribute('class')
      + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
  }
  return {
    links: [...document.querySelectorAll('a[href], link[href]')].map(a => a.href),
    // a chart is drawn wide and narrow; the screen's width shows one of the two
    marks: [...document.querySelectorAll('svg.chart')].filter(s => s.getClientRects().length)
      .reduce((n, s) => n + s.querySelectorAll('.obs').length, 0),
    figures: document.querySelectorAll('tr.figure').length,
    charts: [...document.querySelectorAll('svg.chart')].filter(s => s.getClientRects().length).length,
    titled: [...document.querySelectorAll('svg')].every(s => s.querySelector('title')
      && s.querySelector('desc')),
    scripts: document.querySelectorAll('script').length,
    scroll: document.documentElement.scrollWidth, client: w, wide: wide.slice(0, 5),
  };
})()"""

# Every visible chart: its scale on screen, each text's font size, its part-year marks and
# legend keys, and the ticks and years of its axes.
CHARTS = """(() => [...document.querySelectorAll('svg.chart')]
  .filter(s => s.getClientRects().length && getComputedStyle(s).display !== 'none')
  .map(s => {
    const k = s.getBoundingClientRect().width / s.viewBox.baseVal.width;
    return {
      sizes: [...s.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * k),
      partial: s.querySelectorAll('polygon.obs').length,
      partialKey: s.querySelectorAll('polygon.key').length,
      legend: [...s.querySelectorAll('text')].map(t => t.textContent).join(' '),
      ticks: [...s.querySelectorAll('text.tick')].map(t => t.textContent + '@' + t.getAttribute('y')),
      years: [...s.querySelectorAll('text.year')].map(t => t.textContent + '@' + t.getAttribute('x')),
    };
  }))()"""

# A Chinese page's prose: its text less the language switch (hreflang) and code spans (names
# of fields), read from a detached copy so the page itself is left as it was.
PROSE = """(() => { const c = document.body.cloneNode(true);
  for (const el of c.querySelectorAll('[hreflang], code')) el.remove();
  document.body.appendChild(c); const t = c.innerText; c.remove(); return t; })()"""

#: (width, height) of the screens: a laptop and a phone
SCREENS = [(1280, 800), (390, 844)]
LAPTOP, PHONE = SCREENS

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_browser() -> str | None:
    for name in NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


class Browser:
    """One page of a headless browser: navigate, evaluate, resize, screenshot, and collect
    console errors, uncaught exceptions and failed loads."""

    def __init__(self, binary: str):
        import websocket

        self.profile = tempfile.mkdtemp(prefix="planck-chromium-")
        # the browser's log goes to a file: a pipe nobody reads would fill and stall it
        self.log = Path(self.profile) / "stderr.log"
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(
                [binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-extensions", "--disable-background-networking", "--hide-scrollbars",
                 "--remote-debugging-port=0", "--remote-allow-origins=*",
                 f"--user-data-dir={self.profile}", "about:blank"],
                stdout=subprocess.DEVNULL, stderr=log)
        port = self._port()
        page = self._page_socket(port)
        self.ws = websocket.create_connection(page, timeout=60, suppress_origin=True)
        self.next_id, self.events = 0, []
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable")

    def _port(self) -> int:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            text = self.log.read_text(encoding="utf-8", errors="replace")
            found = re.search(r"DevTools listening on ws://[^:]+:(\d+)/", text)
            if found:
                return int(found.group(1))
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        raise RuntimeError("chromium did not start its DevTools endpoint:\n" + text[-2000:])

    @staticmethod
    def _page_socket(port: int) -> str:
        from urllib.request import urlopen

        for _ in range(50):
            with urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as res:
                pages = [t for t in json.load(res) if t.get("type") == "page"]
            if pages:
                return pages[0]["webSocketDebuggerUrl"]
            time.sleep(0.1)
        raise RuntimeError("chromium opened no page")

    def call(self, method: str, **params) -> dict:
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self.next_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            self.events.append(msg)

    def _wait(self, event: str, timeout: float = 30) -> None:
        end = time.monotonic() + timeout
        seen = len(self.events)
        while time.monotonic() < end:
            if any(e.get("method") == event for e in self.events[seen:]):
                return
            self.events.append(json.loads(self.ws.recv()))
        raise TimeoutError(event)

    def open(self, url: str) -> None:
        self.events.clear()
        self.call("Page.navigate", url=url)
        self._wait("Page.loadEventFired")

    def wait_load(self, timeout: float = 30) -> None:
        """Wait for a second page load since ``open`` (the redirect of the page opened)."""
        end = time.monotonic() + timeout
        while sum(e.get("method") == "Page.loadEventFired" for e in self.events) < 2:
            if time.monotonic() > end:
                raise TimeoutError("no second page load")
            self.events.append(json.loads(self.ws.recv()))

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and failed loads since the last ``open``."""
        out = []
        for e in self.events:
            m, p = e.get("method"), e.get("params", {})
            if m == "Runtime.exceptionThrown":
                out.append(str(p.get("exceptionDetails", {}).get("text")))
            elif m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                out.append(json.dumps(p.get("args")))
            elif m == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
                out.append(p["entry"].get("text", ""))
        return out

    def js(self, expression: str):
        res = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in res:
            raise RuntimeError(res["exceptionDetails"])
        return res["result"].get("value")

    def width(self, width: int, height: int = 900) -> None:
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height,
                  deviceScaleFactor=1, mobile=width < 600)

    def screenshot(self, path: Path) -> None:
        data = self.call("Page.captureScreenshot", format="png")  # the viewport
        path.write_bytes(base64.b64decode(data["data"]))

    def close(self) -> None:
        try:
            self.ws.close()
        finally:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
            shutil.rmtree(self.profile, ignore_errors=True)


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("true", "1")


def file_of(url: str) -> Path:
    return Path(unquote(urlsplit(url).path))


def has_charts(name: str) -> bool:
    """Whether a page (its path in the site) is an indicator or a compare page."""
    parts = name.split("/")
    return len(parts) == 3 and (parts[1] == "compare" or parts[2] != "index.html")


@dataclass
class Visit:
    """What one page showed: its errors and facts (PAGE_FACTS) on the phone, its charts
    (CHARTS) on each screen where it has charts, its prose where it is a Chinese page."""

    errors: list[str]
    facts: dict
    charts: dict[tuple[int, int], list] = field(default_factory=dict)
    prose: str | None = None


def tour(browser: Browser, site: Path) -> dict[str, Visit]:
    """Every page reached by following links from ``en/index.html``, keyed by its path in the
    site, each opened once (a page load is most of what a browser test costs) and read for
    every browser test that reads it: opened on the phone, measured, then resized to the
    laptop and its charts measured again. A page without scripts lays out the same after the
    window is resized as when it is opened at that size."""
    todo, visits = [(site / "en" / "index.html").as_uri()], {}
    while todo:
        url = todo.pop()
        name = file_of(url).relative_to(site).as_posix()
        if name in visits:
            continue
        browser.width(*PHONE)
        browser.open(url)
        visit = visits[name] = Visit([], browser.js(PAGE_FACTS))
        if has_charts(name):
            visit.charts[PHONE] = browser.js(CHARTS)
        if name.startswith("zh/"):
            visit.prose = browser.js(PROSE)
        if has_charts(name):
            browser.width(*LAPTOP)
            visit.charts[LAPTOP] = browser.js(CHARTS)
        visit.errors = browser.errors()  # every one since the page was opened
        for link in visit.facts["links"]:
            parts = urlsplit(link)
            if parts.scheme == "file" and file_of(link).suffix == ".html":
                todo.append(parts._replace(fragment="").geturl())
    return visits


class Reader:
    """Pages read with a script on several screens, each page opened once for all of them:
    on the first screen, then resized to each of the others (as ``tour`` does). A test run
    once per screen reads what the first of its runs measured, so the second opens nothing.
    A screenshot of each screen is taken where ``shot`` names it: (folder, file name with
    ``{width}`` in it)."""

    def __init__(self, browser: Browser):
        self.browser = browser
        self.read: dict[tuple, dict] = {}

    def __call__(self, page: Path, screens: tuple, script: str,
                 shot: tuple[Path, str] | None = None) -> dict:
        """{screen: what ``script`` returned on it} for ``page``."""
        key = (page, screens, script, shot)
        if key not in self.read:
            found = {}
            for i, screen in enumerate(screens):
                self.browser.width(*screen)
                if i == 0:
                    self.browser.open(page.as_uri())
                found[screen] = self.browser.js(script)
                if shot is not None:
                    self.browser.screenshot(shot[0] / shot[1].format(width=screen[0]))
            self.read[key] = found
        return self.read[key]
