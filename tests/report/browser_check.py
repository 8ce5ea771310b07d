#!/usr/bin/env python3
"""Real-browser test of the HTML trip report (docs/report.md, "Tests").

Renders the built-in default example's report with the flyorcall CLI, opens it in headless
Chromium and speaks the DevTools protocol over --remote-debugging-pipe (fd 3: commands to the
browser, fd 4: its replies; each message is JSON ended by a NUL byte). Checks that the page loads
with no console error, no exception and no network request other than the file itself; that the
key sections are present; that printing starts each section on a new page; and that a screenshot
is not blank. Fails (exit 1) when Chromium is missing: scripts/setup.sh installs it.

Only the Python standard library is used.
"""
import argparse
import base64
import json
import os
import re
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib

KEY_SECTIONS = ["overview", "summary", "calendar", "trips", "clients", "calls", "costs", "value-cost", "map"]


def fail(message):
    print("report_in_chromium: FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def find_chromium():
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser"), shutil.which("google-chrome")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


class Browser:
    """Headless Chromium driven over the DevTools pipe."""

    def __init__(self, exe, profile_dir):
        to_browser_r, to_browser_w = os.pipe()
        from_browser_r, from_browser_w = os.pipe()
        # Park the child's ends on high descriptors so that placing them on 3 and 4 cannot
        # clobber one another.
        child_in = os.dup2(to_browser_r, 100)
        child_out = os.dup2(from_browser_w, 101)
        os.close(to_browser_r)
        os.close(from_browser_w)

        def place_pipes():
            os.dup2(child_in, 3)
            os.dup2(child_out, 4)

        args = [exe, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--remote-debugging-pipe", "--user-data-dir=" + profile_dir, "--no-first-run",
                "--no-default-browser-check", "--disable-extensions", "--disable-sync",
                "--disable-background-networking", "--disable-component-update",
                "--metrics-recording-only", "--mute-audio", "--hide-scrollbars", "about:blank"]
        self.proc = subprocess.Popen(args, pass_fds=(3, 4), preexec_fn=place_pipes,
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        os.close(child_in)
        os.close(child_out)
        self.write_fd = to_browser_w
        self.read_fd = from_browser_r
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([self.read_fd], [], [], left)
            if not ready:
                return None
            chunk = os.read(self.read_fd, 1 << 20)
            if not chunk:
                fail("Chromium closed the DevTools pipe (exit code %s)" % self.proc.poll())
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method, params=None, session=None, timeout=60):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.write_fd, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply is None:
                fail("no reply to %s within %d s" % (method, timeout))
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    fail("%s failed: %s" % (method, reply["error"]))
                return reply.get("result", {})
            self.events.append(reply)

    def wait_event(self, method, timeout):
        deadline = time.monotonic() + timeout
        while True:
            for e in self.events:
                if e.get("method") == method:
                    return e
            message = self._read_message(deadline)
            if message is None:
                return None
            self.events.append(message)

    def drain(self, seconds):
        deadline = time.monotonic() + seconds
        while True:
            message = self._read_message(deadline)
            if message is None:
                return
            self.events.append(message)

    def close(self):
        try:
            self.next_id += 1
            os.write(self.write_fd, json.dumps({"id": self.next_id, "method": "Browser.close"})
                     .encode() + b"\0")
            self.proc.wait(timeout=20)
        except Exception:  # the browser may already be gone; make sure it is
            self.proc.kill()
            self.proc.wait()
        os.close(self.write_fd)
        os.close(self.read_fd)


def png_pixels(data):
    """Decodes an 8-bit RGB or RGBA PNG: (width, height, channels, rows of bytes)."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail("screenshot is not a PNG")
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in (2, 6) or interlace != 0:
                fail("unexpected PNG format (depth %d, colour type %d)" % (depth, colour))
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[x] = (line[x] + pred) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


MAP_LABELS = """JSON.stringify((() => {
  const svg = document.querySelector('#map svg');
  const view = svg.viewBox.baseVal;
  const boxes = [...svg.querySelectorAll('g.city-label text')].map(t => {
    const b = t.getBBox();
    return {code: t.textContent, x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height};
  });
  return {boxes: boxes, width: view.width, height: view.height,
          dots: svg.querySelectorAll('circle').length,
          legend: !!svg.querySelector('g.legend')};
})())"""


def check_map_labels(browser, session, what):
    """The map's city labels, measured by the browser (getBBox): none overlaps another or leaves
    the map, every city has one, and there is a legend."""
    m = json.loads(browser.call("Runtime.evaluate", {"expression": MAP_LABELS,
                                                     "returnByValue": True},
                                session=session)["result"]["value"])
    if not m["legend"]:
        fail("%s: the map has no legend" % what)
    if len(m["boxes"]) + 3 != m["dots"]:
        fail("%s: %d labels for %d cities" % (what, len(m["boxes"]), m["dots"] - 3))
    boxes = m["boxes"]
    for i, a in enumerate(boxes):
        if a["x0"] < -0.5 or a["y0"] < -0.5 or a["x1"] > m["width"] + 0.5 or a["y1"] > m["height"] + 0.5:
            fail("%s: the label %s leaves the map: %s" % (what, a["code"], a))
        for b in boxes[i + 1:]:
            if a["x0"] < b["x1"] and b["x0"] < a["x1"] and a["y0"] < b["y1"] and b["y0"] < a["y1"]:
                fail("%s: the labels %s and %s overlap: %s %s" % (what, a["code"], b["code"], a, b))
    return len(boxes)


def screenshot_ink(png):
    """What a screenshot holds, sampled every third pixel: its size, its colours, the spread of its
    luminance and how many samples are dark; `blank` when it is (nearly) one colour."""
    width, height, channels, rows = png_pixels(png)
    colours, lum_sum, lum_sq, count, inked = set(), 0.0, 0.0, 0, 0
    for y in range(0, height, 3):
        row = rows[y]
        for x in range(0, width, 3):
            r, g, b = row[x * channels], row[x * channels + 1], row[x * channels + 2]
            colours.add((r, g, b))
            lum = 0.299 * r + 0.587 * g + 0.114 * b
            lum_sum += lum
            lum_sq += lum * lum
            count += 1
            inked += lum < 200
    mean = lum_sum / count
    spread = (lum_sq / count - mean * mean) ** 0.5
    return {"width": width, "height": height, "colours": len(colours), "spread": spread,
            "inked": inked, "count": count,
            "blank": len(colours) < 16 or spread < 8 or inked < count // 100}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True, help="path of the built flyorcall tool")
    parser.add_argument("--work", required=True, help="directory for the report and profile")
    parser.add_argument("--source", required=True, help="the source tree (for data/examples)")
    args = parser.parse_args()

    exe = find_chromium()
    if not exe:
        fail("Chromium not found (/usr/bin/chromium); run scripts/setup.sh to install it")
    os.makedirs(args.work, exist_ok=True)
    report = os.path.abspath(os.path.join(args.work, "default-report.html"))
    done = subprocess.run([args.cli, "report", "--example", "--format", "html", "-o", report],
                          capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        fail("flyorcall report --example failed (%d): %s" % (done.returncode, done.stderr))
    url = "file://" + report

    with tempfile.TemporaryDirectory(prefix="fyc-chromium-", dir=args.work) as profile:
        browser = Browser(exe, profile)
        try:
            target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = browser.call("Target.attachToTarget",
                                   {"targetId": target, "flatten": True})["sessionId"]
            for domain in ("Page", "Runtime", "Log", "Network"):
                browser.call(domain + ".enable", session=session)
            browser.call("Emulation.setDeviceMetricsOverride",
                         {"width": 1200, "height": 1600, "deviceScaleFactor": 1, "mobile": False},
                         session=session)
            browser.events.clear()
            browser.call("Page.navigate", {"url": url}, session=session)
            if browser.wait_event("Page.loadEventFired", 60) is None:
                fail("the page did not finish loading within 60 s")
            browser.drain(1.0)

            problems, requests = [], []
            for e in browser.events:
                method, params = e.get("method"), e.get("params", {})
                if method == "Runtime.consoleAPICalled" and params.get("type") in ("error",
                                                                                   "assert"):
                    problems.append("console %s: %s" % (params["type"], json.dumps(
                        [a.get("value", a.get("description")) for a in params.get("args", [])])))
                elif method == "Runtime.exceptionThrown":
                    problems.append("exception: %s" % params["exceptionDetails"].get("text"))
                elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                    problems.append("log error: %s" % params["entry"].get("text"))
                elif method == "Network.requestWillBeSent":
                    requests.append(params["request"]["url"])
            if problems:
                fail("the page logged errors: " + "; ".join(problems))
            others = [u for u in requests if u != url]
            if others:
                fail("the page made network requests: " + ", ".join(others))
            if url not in requests:
                fail("the browser did not report loading the report itself (%s)" % requests)

            probe = """JSON.stringify({
              ids: [...document.querySelectorAll('section[id]')].map(s => s.id),
              scripts: document.scripts.length,
              charts: [...document.querySelectorAll('svg')].map(s => ({
                label: s.getAttribute('aria-label') || '',
                title: !!s.querySelector('title'), desc: !!s.querySelector('desc'),
                width: s.getBoundingClientRect().width})),
              th_without_scope: document.querySelectorAll('th:not([scope])').length,
              trips: document.querySelectorAll('article.trip').length,
              title: document.title})"""
            page = json.loads(browser.call("Runtime.evaluate",
                                           {"expression": probe, "returnByValue": True},
                                           session=session)["result"]["value"])
            missing = [s for s in KEY_SECTIONS if s not in page["ids"]]
            if missing:
                fail("sections missing: %s (found %s)" % (missing, page["ids"]))
            if page["scripts"] != 0:
                fail("the page holds %d script elements" % page["scripts"])
            if len(page["charts"]) < 4:
                fail("expected at least 4 charts, found %d" % len(page["charts"]))
            for chart in page["charts"]:
                if not (chart["label"] and chart["title"] and chart["desc"]):
                    fail("a chart lacks its aria-label, title or desc: %s" % chart)
                if chart["width"] < 200:
                    fail("a chart is drawn too small (%.0f px wide)" % chart["width"])
            if page["th_without_scope"]:
                fail("%d table headers lack scope" % page["th_without_scope"])
            if page["trips"] < 1:
                fail("no trip itinerary in the default example's report")

            labels = check_map_labels(browser, session, "default example")
            # A screenshot of the map alone: drawn, not blank.
            rect = json.loads(browser.call("Runtime.evaluate", {"expression": """JSON.stringify(
                (() => { const r = document.querySelector('#map svg').getBoundingClientRect();
                         return {x: r.x + window.scrollX, y: r.y + window.scrollY,
                                 width: r.width, height: r.height}; })())""",
                "returnByValue": True}, session=session)["result"]["value"])
            map_shot = browser.call("Page.captureScreenshot", {
                "format": "png", "captureBeyondViewport": True,
                "clip": dict(rect, scale=1)}, session=session)
            if screenshot_ink(base64.b64decode(map_shot["data"]))["blank"]:
                fail("the map's screenshot looks blank")

            shot = browser.call("Page.captureScreenshot", {"format": "png"}, session=session)
            ink = screenshot_ink(base64.b64decode(shot["data"]))
            if ink["blank"]:
                fail("the screenshot looks blank (%d colours, luminance spread %.1f, %d of %d "
                     "samples dark)" % (ink["colours"], ink["spread"], ink["inked"], ink["count"]))

            browser.call("Emulation.setEmulatedMedia", {"media": "print"}, session=session)
            printed = json.loads(browser.call("Runtime.evaluate", {
                "expression": """JSON.stringify({
                  breaks: ['summary','calendar','trips','clients','map'].map(
                    id => getComputedStyle(document.getElementById(id)).breakBefore),
                  nav: getComputedStyle(document.querySelector('nav')).display,
                  background: getComputedStyle(document.body).backgroundColor})""",
                "returnByValue": True}, session=session)["result"]["value"])
            if any(b != "page" for b in printed["breaks"]):
                fail("printing does not start each section on a new page: %s" % printed)
            if printed["nav"] != "none" or printed["background"] not in ("rgb(255, 255, 255)",
                                                                          "rgba(0, 0, 0, 0)"):
                fail("print style unexpected: %s" % printed)

            # The first page (the title and the "answer" section) prints as one page on A4 and on
            # US Letter: print the page with every later section and the footer removed, and
            # count the PDF's pages.
            browser.call("Runtime.evaluate", {"expression": """
                for (const s of document.querySelectorAll('main > section:not(#overview), footer'))
                  s.remove();""", "returnByValue": True}, session=session)
            for paper, (width_in, height_in) in (("A4", (8.27, 11.69)), ("Letter", (8.5, 11.0))):
                pdf = base64.b64decode(browser.call("Page.printToPDF", {
                    "paperWidth": width_in, "paperHeight": height_in, "marginTop": 0.4,
                    "marginBottom": 0.4, "marginLeft": 0.4, "marginRight": 0.4,
                    "printBackground": True}, session=session)["data"])
                pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
                if pages != 1:
                    fail("the first page prints on %d %s pages, not one" % (pages, paper))

            # A world-wide example of 40 clients: Cairo beside Tel Aviv, Riyadh beside Dubai,
            # Auckland at the map's edge.
            world_plan = os.path.join(args.work, "world.plan.json")
            world_report = os.path.abspath(os.path.join(args.work, "world-report.html"))
            world_input = os.path.join(args.source, "data", "examples", "world.json")
            for cmd in ([args.cli, "plan", world_input, "--method", "greedy", "-q", "-o", world_plan],
                        [args.cli, "report", world_plan, "--input", world_input, "-o", world_report]):
                done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
                if done.returncode != 0:
                    fail("%s failed (%d): %s" % (" ".join(cmd[:2]), done.returncode, done.stderr))
            browser.call("Emulation.setEmulatedMedia", {"media": "screen"}, session=session)
            browser.events.clear()
            browser.call("Page.navigate", {"url": "file://" + world_report}, session=session)
            if browser.wait_event("Page.loadEventFired", 60) is None:
                fail("the world example's report did not finish loading within 60 s")
            world_labels = check_map_labels(browser, session, "world example")

            # The compare page of a sweep: it fits a 1280 px window (no sideways scrolling, no
            # table box that scrolls), draws three panels, and its screenshot is not blank.
            compare_html = os.path.abspath(os.path.join(args.work, "compare.html"))
            cmd = [args.cli, "compare", os.path.join(args.source, "data", "examples", "default.json"),
                   "--set", "/policy/budget/money=45000", "--set", "/clients/0/must_visit=false",
                   "--sweep", "/policy/carbon_price_per_t=0:300:100", "--method", "greedy",
                   "--format", "html", "-o", compare_html]
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
            if done.returncode != 0:
                fail("flyorcall compare failed (%d): %s" % (done.returncode, done.stderr))
            browser.call("Emulation.setDeviceMetricsOverride",
                         {"width": 1280, "height": 1000, "deviceScaleFactor": 1, "mobile": False},
                         session=session)
            browser.events.clear()
            browser.call("Page.navigate", {"url": "file://" + compare_html}, session=session)
            if browser.wait_event("Page.loadEventFired", 60) is None:
                fail("the compare page did not finish loading within 60 s")
            fit = json.loads(browser.call("Runtime.evaluate", {"expression": """JSON.stringify({
                page: document.documentElement.scrollWidth,
                boxes: [...document.querySelectorAll('div.wide')].filter(
                  d => d.scrollWidth > d.clientWidth + 1).length,
                panels: document.querySelectorAll('svg g.panel').length,
                raw: [...document.querySelectorAll('h3')].filter(
                  h => h.textContent.startsWith('/')).length})""",
                "returnByValue": True}, session=session)["result"]["value"])
            if fit["page"] > 1280 or fit["boxes"]:
                fail("the compare page does not fit 1280 px: %s" % fit)
            if fit["panels"] != 3 or fit["raw"]:
                fail("the compare page's sweep or scenario names are not as expected: %s" % fit)
            shot = browser.call("Page.captureScreenshot", {"format": "png"}, session=session)
            if screenshot_ink(base64.b64decode(shot["data"]))["blank"]:
                fail("the compare page's screenshot looks blank")
        finally:
            browser.close()

    print("report_in_chromium: ok: %d sections, %d charts, %d trips, screenshot %dx%d with %d "
          "colours; map labels clear of each other: %d (default), %d (world example)" % (
              len(page["ids"]), len(page["charts"]), page["trips"], ink["width"], ink["height"],
              ink["colours"],
              labels, world_labels))


if __name__ == "__main__":
    main()
