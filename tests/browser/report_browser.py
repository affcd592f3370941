#!/usr/bin/env python3
"""The page of `therex report` in a real browser: headless Chromium driven by
chromedriver (Debian's chromium and chromium-driver) over the WebDriver protocol, with
nothing but the standard library.

  usage: report_browser.py THEREX SOURCE_DIR WORK_DIR

Extracts the triples of SOURCE_DIR/corpus with SOURCE_DIR/rules, writes the report, opens
it (with every network request sent to a closed port, so that the page must load
nothing), takes a screenshot (WORK_DIR/report.png), types a therapy's name into the
filter box and checks that the list narrows to the claims naming it (a second
screenshot, WORK_DIR/report-filtered.png), then a word found nowhere (none shown), and
clicks a node of the graph (the box then holds its name).

Prints `browser: N passed, N failed`. Exit 0 when all passed, 1 otherwise; 77 (ctest's
skip) only when chromium or chromedriver is not installed, with the reason on stdout
(`sh .ci/install-deps --browser` installs them).
"""
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

SKIP = 77


class Driver:
    def __init__(self, port):
        self.base = f"http://127.0.0.1:{port}"
        self.session = None

    def call(self, method, path, body=None, timeout=60):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return json.loads(r.read().decode() or "{}").get("value")
        except urllib.error.HTTPError as e:
            raise RuntimeError(f"{method} {path}: {e.code} {e.read().decode()[:500]}") from None

    def s(self, method, path, body=None):
        return self.call(method, f"/session/{self.session}{path}", body)

    def js(self, script, *args):
        return self.s("POST", "/execute/sync", {"script": script, "args": list(args)})

    def find(self, css):
        v = self.s("POST", "/element", {"using": "css selector", "value": css})
        return next(iter(v.values()))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    if len(sys.argv) != 4:
        print(__doc__.strip().splitlines()[3].strip(), file=sys.stderr)
        return 2
    therex, src, work = sys.argv[1:]
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    chromedriver = shutil.which("chromedriver")
    if not chromium or not chromedriver:
        print("SKIPPED: the headless-browser test of therex report needs Debian's chromium "
              "and chromium-driver, which are not installed here "
              f"(chromium: {chromium or 'missing'}, chromedriver: {chromedriver or 'missing'}); "
              "`sh .ci/install-deps --browser` installs them")
        return SKIP
    os.makedirs(work, exist_ok=True)
    triples, page = os.path.join(work, "triples.jsonl"), os.path.join(work, "report.html")
    subprocess.run([therex, "extract", "-q", "-r", os.path.join(src, "rules"),
                    os.path.join(src, "corpus"), "-o", triples], check=True)
    subprocess.run([therex, "report", "-q", triples, "-o", page], check=True)

    passed = failed = 0

    def check(ok, what):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print(f"report_browser: FAIL: {what}")

    port = free_port()
    log = open(os.path.join(work, "chromedriver.log"), "w")
    drv_proc = subprocess.Popen([chromedriver, f"--port={port}"], stdout=log,
                                stderr=subprocess.STDOUT)
    d = Driver(port)
    try:
        deadline = time.time() + 30
        while True:
            try:
                if (d.call("GET", "/status", timeout=2) or {}).get("ready"):
                    break
            except (OSError, RuntimeError):
                pass
            if time.time() > deadline or drv_proc.poll() is not None:
                raise RuntimeError("chromedriver did not start (see chromedriver.log)")
            time.sleep(0.2)
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": chromium,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,1600", "--proxy-server=127.0.0.1:9",
                     "--proxy-bypass-list=<-loopback>", f"--user-data-dir={work}/profile"]}}}}
        d.session = d.call("POST", "/session", caps, timeout=120)["sessionId"]
        d.s("POST", "/url", {"url": "file://" + os.path.abspath(page)})

        count = ("return [document.querySelectorAll('.claim').length,"
                 " Array.prototype.filter.call(document.querySelectorAll('.claim'),"
                 " function (e) { return !e.hidden; }).length,"
                 " document.getElementById('shown').textContent];")
        total, visible, shown = d.js(count)
        check(total > 10, f"the corpus gives claims ({total})")
        check(visible == total, f"all {total} claims are shown before filtering ({visible})")
        check(shown == f"{total} of {total} evidence sentences shown", f"#shown says {shown!r}")
        check(d.js("return performance.getEntriesByType('resource').length;") == 0,
              "the page loads nothing")
        check(d.js("return document.querySelectorAll('#graph-svg path.edge').length;") > 0,
              "the graph has curves")
        png = base64.b64decode(d.s("GET", "/screenshot"))
        with open(os.path.join(work, "report.png"), "wb") as f:
            f.write(png)
        check(png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20000,
              f"a screenshot of the page ({len(png)} bytes)")

        # a therapy's name narrows the list to the claims that name it
        term = d.js("return document.querySelector('#by-therapy details.group:nth-of-type(2)"
                    " summary b').textContent;")
        box = d.find("#filter")
        d.s("POST", f"/element/{box}/value", {"text": term})
        total2, visible2, shown2 = d.js(count)
        check(0 < visible2 < total, f"typing {term!r} narrows the list ({visible2} of {total})")
        check(shown2 == f"{visible2} of {total} evidence sentences shown", f"#shown: {shown2!r}")
        # (each word typed must occur in a claim's names or text)
        stray = d.js("var words = arguments[0].split(' ');"
                     " return Array.prototype.filter.call(document.querySelectorAll('.claim'),"
                     " function (e) { var t = ((e.getAttribute('data-k') || '') + ' ' +"
                     " e.textContent).toLowerCase(); return !e.hidden && !words.every("
                     "function (w) { return t.indexOf(w) >= 0; }); }).length;",
                     term.lower())
        check(stray == 0, f"every claim shown has the words of {term!r} ({stray} do not)")
        check(d.js("return document.querySelector('#by-therapy details.group:not([hidden])"
                   " summary b').textContent;") == term,
              "the first therapy left is the one typed")
        png = base64.b64decode(d.s("GET", "/screenshot"))
        with open(os.path.join(work, "report-filtered.png"), "wb") as f:
            f.write(png)

        # a word found nowhere leaves nothing
        d.s("POST", f"/element/{box}/value", {"text": " zzqxjv"})
        _, visible3, _ = d.js(count)
        check(visible3 == 0, f"a word found nowhere shows nothing ({visible3})")

        # a click on a graph node filters by its name
        node = d.find("#graph-svg g.node text")
        d.s("POST", f"/element/{node}/click", {})
        name, value = d.js("return [document.querySelector('#graph-svg g.node')"
                           ".getAttribute('data-name'), document.getElementById('filter').value];")
        check(name == value, f"a click on the node {name!r} filters by it ({value!r})")
        _, visible4, _ = d.js(count)
        check(0 < visible4 < total, f"and narrows the list ({visible4} of {total})")
    except (RuntimeError, OSError, KeyError, TypeError) as e:
        check(False, f"the browser session: {e}")
    finally:
        if d.session:
            try:
                d.call("DELETE", f"/session/{d.session}", timeout=30)
            except (RuntimeError, OSError):
                pass
        drv_proc.terminate()
        try:
            drv_proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            drv_proc.kill()
        log.close()
    print(f"browser: {passed} passed, {failed} failed (screenshots in {work})")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
