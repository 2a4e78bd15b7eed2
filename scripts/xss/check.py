#!/usr/bin/env python3
"""XSS check for ReportSite: builds a corpus of hostile content and proves that no payload runs.

    python3 scripts/xss/check.py                        # builds reportsite with `swift build` first
    python3 scripts/xss/check.py --reportsite PATH      # uses that binary

1. make-corpus.py writes the corpus (see its header) into a temporary folder.
2. `reportsite build` (no --strict) builds every content folder with the project's Templates/; the folders
   with valid symbols must build, the folder of hostile symbols must be refused (exit 1, nothing written).
3. Every built HTML page is opened in headless Chromium (`--dump-dom`); the DOM after the scripts ran is
   searched for a payload's trace: <title>XSS-N</title>, an element id="xss-fired-N", data-xss="N".
4. Every page, as written and as Chromium parsed it, is checked: no <script> but the site's own
   assets/*.js, no javascript:/vbscript:/data: URL in an href/src (or action, formaction ...), no on...=
   event attribute, no srcdoc, no iframe/object/embed/base/svg/math/meta refresh, no form but the site's own search box (a GET to search.html), no style element but the site's own stylesheet (404.html).

Prints `xss: N payloads tried, F fired, P pages checked`. Exit status: 0 clean; 1 a payload fired, a page
failed a check, or a build did not do what it must; 2 the check itself could not run (no Chromium, no
binary, or the browser failed to detect the known-firing canary page).
Standard library only; needs Debian's `chromium`.
"""

import argparse
import base64
import binascii
import concurrent.futures
import html
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent

# --- Finding a payload's id in text, in a trace, in an offending attribute -----------------------------------

ID_PATTERN = re.compile(r"(?:XSS-|xss-fired-)(\d+)|data-xss[^0-9<>]{1,16}?(\d+)")


def ids_in(text):
    """Payload ids named in a piece of page text or attribute, after undoing the escapes a page may hold."""
    found = set()
    variants = [text]
    once = html.unescape(text)
    variants += [once, html.unescape(once)]
    variants += [urllib.parse.unquote(v) for v in list(variants)]
    for v in list(variants):
        for b64 in re.findall(r"base64,([A-Za-z0-9+/=]{8,})", v):
            try:
                variants.append(base64.b64decode(b64 + "=" * (-len(b64) % 4)).decode("utf-8", "replace"))
            except (binascii.Error, ValueError):
                pass
    for v in variants:
        for a, b in ID_PATTERN.findall(v):
            found.add(int(a or b))
    return found


# --- Traces in the DOM after the page ran --------------------------------------------------------------------

class TraceFinder(HTMLParser):
    """The traces a payload leaves when it runs; text that merely shows a payload is not a trace."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.fired = {}          # id -> what was seen
        self.in_title = False
        self.title = ""

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            if name == "data-xss":
                self.fired.setdefault(self.number(value), f"<{tag} data-xss=\"{value}\">")
            if name == "id" and value.startswith("xss-fired-"):
                self.fired.setdefault(self.number(value[len("xss-fired-"):]), f"<{tag} id=\"{value}\">")
        if tag == "title":
            self.in_title = True
            self.title = ""

    def handle_endtag(self, tag):
        if tag == "title" and self.in_title:
            self.in_title = False
            m = re.fullmatch(r"\s*XSS-(\d+)\s*", self.title)
            if m:
                self.fired.setdefault(int(m.group(1)), f"<title>{self.title.strip()}</title>")

    def handle_data(self, data):
        if self.in_title:
            self.title += data

    @staticmethod
    def number(text):
        m = re.match(r"\s*(\d+)", text)
        return int(m.group(1)) if m else -1


# --- Structure: what a page may hold, as written and as the browser parsed it --------------------------------

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "poster", "background", "cite",
                  "longdesc", "lowsrc", "dynsrc", "ping", "codebase", "manifest", "icon", "archive", "profile",
                  "usemap", "classid", "itemtype", "srcset", "imagesrcset"}
FORBIDDEN_ELEMENTS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "svg", "math", "form",
                      "style", "noscript", "template", "portal", "fencedframe"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")
# The one <style> element a page may hold: the site's own stylesheet, which 404.html carries inline so that it is
# styled at any depth without base_url. Content never reaches it.
OWN_STYLESHEET = (ROOT / "Templates" / "assets" / "style.css").read_text()
OWN_SCRIPT = re.compile(r"(?:\.\./)*assets/[A-Za-z0-9_.-]+\.js")
# The one <form> a page may hold: the site's own search box (the header's, and search.html's), which sends a GET
# to search.html; content never reaches its attributes.
# With base_url, the 404 page's box names it absolutely (base_url is the publisher's, checked as a web address).
OWN_FORM_ACTION = re.compile(r"(?:https?://[^\s\"'<>`]+/)?(?:\.\./)*search\.html")
OWN_FORM_ATTRIBUTES = {"class", "id", "action", "method", "role", "aria-label"}
OWN_SCRIPT_TAG = re.compile(r'<script src="(?:\.\./)*assets/[A-Za-z0-9_.-]+\.js"(?: defer(?:="")?)?(?: async(?:="")?)?>')


def bad_scheme(url):
    """The scheme a browser would see, without the spaces, tabs, newlines and controls it ignores."""
    compact = "".join(c for c in url if ord(c) > 0x20).lower()
    for scheme in BAD_SCHEMES:
        if compact.startswith(scheme):
            return scheme
    return None


class StructureCheck(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []       # (problem, snippet)
        self.in_script = False
        self.in_style = False
        self.style_text = ""

    def problem(self, what, snippet):
        self.problems.append((what, snippet))

    def handle_starttag(self, tag, attrs):
        self.check(tag, attrs)
        if tag == "script":
            self.in_script = True

    def handle_startendtag(self, tag, attrs):
        self.check(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False
        if tag == "style" and self.in_style:
            self.in_style = False
            if self.style_text.strip() != OWN_STYLESHEET.strip():
                self.problem("<style> element other than the site's own stylesheet", "<style>" + self.style_text[:300])

    def handle_data(self, data):
        if self.in_style:
            self.style_text += data
        if self.in_script and data.strip():
            self.problem("inline script", data.strip()[:300])

    def check(self, tag, attrs):
        shown = "<" + tag + "".join(f" {n}=\"{v.replace('&', '&amp;').replace(chr(34), '&quot;')}\""
                                    if v is not None else f" {n}" for n, v in attrs) + ">"
        shown = shown[:400]
        values = {n: (v or "") for n, v in attrs}
        if tag == "script":
            src = values.get("src", "")
            if not OWN_SCRIPT.fullmatch(src):
                self.problem("script element other than the site's assets/*.js", shown)
        if tag == "style" and not attrs:
            # Allowed only as the site's own stylesheet, which 404.html carries inline: checked at its end tag.
            self.in_style = True
            self.style_text = ""
        elif tag == "form" and OWN_FORM_ACTION.fullmatch(values.get("action", "")) and values.get("method") == "get" \
                and set(values) <= OWN_FORM_ATTRIBUTES:
            pass
        elif tag in FORBIDDEN_ELEMENTS:
            self.problem(f"<{tag}> element", shown)
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.problem("meta refresh", shown)
        for name, value in values.items():
            if name.startswith("on"):
                self.problem(f"event attribute {name}=", shown)
            elif name == "srcdoc":
                self.problem("srcdoc attribute", shown)
            elif name in URL_ATTRIBUTES:
                urls = [u.strip().split(" ")[0] for u in value.split(",")] if name.endswith("srcset") else [value]
                for url in urls:
                    scheme = bad_scheme(url)
                    if scheme:
                        self.problem(f"{scheme} URL in {name}", shown)
            elif name == "style" and re.search(r"javascript:|expression\s*\(|url\s*\(", value, re.I):
                self.problem("style attribute with a URL or expression", shown)


def structure_problems(text):
    checker = StructureCheck()
    checker.feed(text)
    checker.close()
    problems = list(checker.problems)
    # The literal check of the issue: every `<script` in the file is the site's own script.
    for m in re.finditer(r"<\s*script\b[^>]*>", text, re.I):
        if not OWN_SCRIPT_TAG.fullmatch(m.group(0)):
            problems.append(("`<script` in the file", m.group(0)[:400]))
    return problems


# --- Running things ------------------------------------------------------------------------------------------

def run(cmd, cwd=None, timeout=600):
    return subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          errors="replace", timeout=timeout)


def find_binary(args):
    if args.reportsite:
        path = Path(args.reportsite).resolve()
        if not os.access(path, os.X_OK):
            sys.exit(f"xss: error: {path} is not an executable")
        return path
    print("xss: building reportsite (swift build --product reportsite) ...", flush=True)
    built = run(["swift", "build", "--product", "reportsite"], cwd=ROOT, timeout=3600)
    if built.returncode != 0:
        sys.stderr.write(built.stdout + built.stderr)
        sys.exit("xss: error: swift build failed")
    where = run(["swift", "build", "--product", "reportsite", "--show-bin-path"], cwd=ROOT)
    path = Path(where.stdout.strip().splitlines()[-1]) / "reportsite"
    if not os.access(path, os.X_OK):
        sys.exit(f"xss: error: no binary at {path}")
    return path


class Browser:
    def __init__(self, chromium, workdir, timeout):
        self.chromium = chromium
        self.workdir = workdir
        self.timeout = timeout

    def dump(self, page, slot, budget=2000, extra=()):
        """The DOM of a page after its scripts ran (2 s of virtual time), or None when Chromium failed."""
        profile = self.workdir / f"profile-{slot}"
        cmd = [self.chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-extensions", "--disable-dev-shm-usage", "--mute-audio", f"--user-data-dir={profile}",
               *extra, f"--virtual-time-budget={budget}", "--dump-dom", page.as_uri()]
        for _ in range(2):
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                                    errors="replace", start_new_session=True)
            try:
                out, _ = proc.communicate(timeout=self.timeout)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.communicate()
                continue
            if proc.returncode == 0 and "<html" in out.lower():
                return out
        return None

    def dump_all(self, pages, jobs):
        slots = list(range(jobs))
        results = {}
        with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
            # One profile folder per worker: two Chromiums never share one.
            futures = {}
            free = list(slots)
            queue = list(pages)
            while queue or futures:
                while queue and free:
                    slot = free.pop()
                    page = queue.pop(0)
                    futures[pool.submit(self.dump, page, slot)] = (page, slot)
                done, _ = concurrent.futures.wait(futures, return_when=concurrent.futures.FIRST_COMPLETED)
                for f in done:
                    page, slot = futures.pop(f)
                    results[page] = f.result()
                    free.append(slot)
        return results


    def interact(self, pages, slot):
        """The interaction pass: a harness page opens each page in an iframe, fires every event a handler
        could wait for on every element, and clicks each javascript: link (one fresh load a link). Returns
        {page: {"traces": [...], "clicked": [...], "error": ...}}, or None when Chromium failed."""
        harness = self.workdir / f"harness-{slot}.html"
        harness.write_text(HARNESS.replace("/*PAGES*/[]", json.dumps([p.as_uri() for p in pages])))
        # Virtual time: a load and a wait of 400 ms per page and per clicked link; unused time is not spent.
        dom = self.dump(harness, slot, budget=3000 + 1500 * len(pages) * 4,
                        extra=("--allow-file-access-from-files",))
        if dom is None:
            return None
        grab = ResultGrabber()
        grab.feed(dom)
        if grab.text is None:
            return None
        results = json.loads(grab.text)
        return {Path(urllib.parse.unquote(urllib.parse.urlparse(r["page"]).path)): r for r in results}


class ResultGrabber(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.inside = False
        self.text = None

    def handle_starttag(self, tag, attrs):
        if tag == "pre" and ("id", "xss-results") in attrs:
            self.inside = True
            self.text = ""

    def handle_endtag(self, tag):
        if tag == "pre":
            self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.text += data


HARNESS = r"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>harness</title></head><body>
<pre id="xss-progress"></pre>
<script>
var PAGES = /*PAGES*/[];
var EVENTS = ["mouseover", "mouseenter", "mousemove", "mouseout", "mouseleave", "mousedown", "mouseup", "dblclick",
  "contextmenu", "pointerover", "pointerenter", "pointerdown", "pointerup", "focus", "focusin", "blur", "focusout",
  "keydown", "keyup", "keypress", "input", "change", "select", "wheel", "scroll", "copy", "paste", "drag", "drop",
  "animationstart", "animationend", "transitionend", "toggle", "load", "error", "begin", "start", "show", "search"];
function traces(f) {
  var t = [], d;
  try { d = f.contentDocument; } catch (x) { return ["error " + x]; }
  if (!d || !d.documentElement) return t;
  if (/^\s*XSS-\d+\s*$/.test(d.title || "")) t.push("<title>" + d.title.trim() + "</title>");
  var a = d.documentElement.getAttribute("data-xss");
  if (a !== null) t.push("data-xss=" + a);
  d.querySelectorAll("[id^='xss-fired-']").forEach(function (e) { t.push("id=" + e.id); });
  var text = d.body ? d.body.textContent.trim() : "";
  if (/^(XSS-|xss-fired-)\d+$/.test(text)) t.push("page replaced by " + text);
  return t;
}
function load(url, then) {
  var f = document.createElement("iframe");
  var first = true;
  f.addEventListener("load", function () {
    if (!first) return;
    first = false;
    then(f);
  });
  f.src = url;
  document.body.appendChild(f);
}
function jsLinks(d) {
  return Array.prototype.filter.call(d.querySelectorAll("a[href], area[href]"), function (a) {
    return (a.protocol || "").toLowerCase() === "javascript:";
  });
}
var results = [];
function visit(i) {
  if (i >= PAGES.length) {
    var out = document.createElement("pre");
    out.id = "xss-results";
    out.textContent = JSON.stringify(results);
    document.body.appendChild(out);
    return;
  }
  var r = {page: PAGES[i], traces: [], clicked: []};
  results.push(r);
  load(PAGES[i], function (f) {
    var links = 0;
    try {
      var d = f.contentDocument, w = f.contentWindow;
      d.querySelectorAll("*").forEach(function (e) {
        EVENTS.forEach(function (type) { try { e.dispatchEvent(new Event(type)); } catch (x) {} });
      });
      ["load", "pageshow", "focus", "hashchange", "resize"].forEach(function (type) { w.dispatchEvent(new Event(type)); });
      links = jsLinks(d).length;
    } catch (x) { r.error = String(x); }
    setTimeout(function () {
      r.traces = r.traces.concat(traces(f));
      f.remove();
      click(i, 0, links);
    }, 400);
  });
}
function click(i, k, n) {
  if (k >= n) { visit(i + 1); return; }
  var r = results[results.length - 1];
  load(PAGES[i], function (f) {
    try {
      var a = jsLinks(f.contentDocument)[k];
      r.clicked.push(a.getAttribute("href").slice(0, 300));
      a.click();
    } catch (x) { r.error = String(x); }
    setTimeout(function () {
      traces(f).forEach(function (t) { r.traces.push("after clicking link " + (k + 1) + ": " + t); });
      f.remove();
      click(i, k + 1, n);
    }, 400);
  });
}
visit(0);
</script>
</body></html>
"""


CANARY = """<!DOCTYPE html>
<html><head><title>canary</title></head><body>
<p>The check's own control page: each of these runs, so each trace must be found.</p>
<img src="missing.png" onerror="document.title='XSS-900001'">
<script>document.documentElement.setAttribute('data-xss','900002')</script>
<script>setTimeout(function () { document.documentElement.appendChild(document.createElement('b')).id = 'xss-fired-900003'; }, 500);</script>
<p>&lt;b id="xss-fired-900004"&gt; shown as text is not a trace, nor data-xss="900005".</p>
</body></html>
"""


CLICK_CANARY = """<!DOCTYPE html>
<html><head><title>click canary</title></head><body>
<p>The interaction pass's control page: a handler that needs an event, and links that need a click.</p>
<p onmouseover="document.documentElement.appendChild(document.createElement('b')).id='xss-fired-900012'">hover</p>
<a href="javascript:document.documentElement.setAttribute('data-xss','900011')">click</a>
<a href="javascript:document.title='XSS-900013'">click (replaces the page)</a>
</body></html>
"""


def main():
    parser = argparse.ArgumentParser(description="Build a corpus of XSS payloads with ReportSite and check that none runs in Chromium.")
    parser.add_argument("--reportsite", help="the reportsite binary (default: build it with `swift build --product reportsite`)")
    parser.add_argument("--templates", default=str(ROOT / "Templates"), help="the templates folder (default: the project's Templates/)")
    parser.add_argument("--chromium", default="chromium", help="the Chromium command (default: chromium)")
    parser.add_argument("--jobs", type=int, default=2, help="Chromium processes at a time (default: 2)")
    parser.add_argument("--timeout", type=int, default=60, help="seconds a page may take in Chromium (default: 60)")
    parser.add_argument("--keep", metavar="DIR", help="write the corpus and the sites to DIR and keep them")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every problem in full")
    args = parser.parse_args()
    started = time.monotonic()

    chromium = shutil.which(args.chromium)
    if not chromium:
        print(f"xss: error: {args.chromium} not found (on Debian: apt-get install chromium)", file=sys.stderr)
        return 2
    binary = find_binary(args)
    templates = Path(args.templates).resolve()

    if args.keep:
        work = Path(args.keep).resolve()
        work.mkdir(parents=True, exist_ok=True)
        for p in work.glob("site-*"):
            shutil.rmtree(p)
        if (work / "browser").exists():
            shutil.rmtree(work / "browser")
        temporary = None
    else:
        temporary = tempfile.TemporaryDirectory(prefix="reportsite-xss-")
        work = Path(temporary.name)
    try:
        return check(args, binary, templates, chromium, work, started)
    finally:
        if temporary:
            temporary.cleanup()


def check(args, binary, templates, chromium, work, started):
    failures = []
    made = run([sys.executable, str(HERE / "make-corpus.py"), str(work)])
    if made.returncode != 0:
        sys.stderr.write(made.stdout + made.stderr)
        print("xss: error: make-corpus.py failed", file=sys.stderr)
        return 2
    manifest = json.loads((work / "manifest.json").read_text())
    payloads = {p["id"]: p for p in manifest["payloads"]}

    # Build every folder.
    pages = []
    page_folder = {}
    rejected_ok = []
    rejected_total = 0
    rejected_sites = []
    for entry in manifest["folders"]:
        folder = entry["folder"]
        out = work / ("site-" + folder)
        built = run([str(binary), "build", "--content", str(work / folder), "--output", str(out),
                     "--templates", str(templates)], cwd=work)
        diagnostics = built.stdout + built.stderr
        if entry["expect"] == "build":
            # A hostile site.yml (base_url or documents that is not an http(s) address) is refused with RS020:
            # the build exits 1 and writes nothing; its payloads never reach a page.
            if folder.startswith("content-site-") and built.returncode == 1 and "[RS020]" in diagnostics:
                if out.exists():
                    failures.append(f"{folder}: the refused build wrote {out}")
                rejected_sites.append(folder)
                continue
            if built.returncode != 0:
                failures.append(f"build of {folder} failed with exit {built.returncode}:\n{diagnostics.strip()[-3000:]}")
                continue
            for symbol in entry["reports"]:
                if not (out / symbol / "index.html").is_file():
                    failures.append(f"{folder}: no page for {symbol}: its payloads were not tried")
            found = sorted(out.rglob("*.html"))
            pages += found
            for p in found:
                page_folder[p] = folder
        else:
            hostile = entry["hostile_files"]
            rejected_total = len(hostile)
            leftovers = [p.name for p in work.iterdir() if p.name.startswith(f".{out.name}.tmp-")]
            if built.returncode != 1:
                failures.append(f"{folder}: the build exited {built.returncode}, not 1, with hostile symbols")
            if out.exists() or leftovers:
                failures.append(f"{folder}: the refused build wrote {out if out.exists() else leftovers}")
            for f in hostile:
                if re.search(re.escape(f) + r":\d+:\d+: error: .*\[RS015\]", diagnostics):
                    rejected_ok.append(f)
                else:
                    failures.append(f"{folder}/{f}: no invalid-symbol error (RS015) for a hostile symbol")

    browser_dir = work / "browser"
    browser_dir.mkdir(exist_ok=True)
    browser = Browser(chromium, browser_dir, args.timeout)

    # The check must see a payload that does run: a control page with known traces.
    canary = browser_dir / "canary.html"
    canary.write_text(CANARY)
    dom = browser.dump(canary, 0)
    seen = set()
    if dom:
        finder = TraceFinder()
        finder.feed(dom)
        seen = set(finder.fired)
    if seen != {900001, 900002, 900003}:
        print(f"xss: error: the control page's traces were not detected as expected (saw {sorted(seen)}): "
              f"the browser check does not work here", file=sys.stderr)
        return 2

    # Open every page.
    jobs = max(1, args.jobs)
    doms = browser.dump_all(pages, jobs)
    # Then interact with every page: events on every element, a click on every javascript: link.
    click_canary = browser_dir / "click-canary.html"
    click_canary.write_text(CLICK_CANARY)
    batches = [pages[k::jobs] for k in range(jobs)]
    batches[0] = [click_canary] + batches[0]
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        interacted = list(pool.map(lambda kb: browser.interact(kb[1], kb[0]), enumerate(batches)))
    if any(r is None for r in interacted):
        print("xss: error: the interaction pass did not finish in Chromium", file=sys.stderr)
        return 2
    interactions = {}
    for r in interacted:
        interactions.update(r)
    canary_ids = set()
    for t in interactions.get(click_canary, {}).get("traces", []):
        canary_ids |= ids_in(t)
    if canary_ids != {900011, 900012, 900013}:
        print(f"xss: error: the interaction pass missed the control page's traces (saw {sorted(canary_ids)}): "
              f"the browser check does not work here", file=sys.stderr)
        return 2
    fired_on_interaction = {}   # id -> [(page, trace)]
    clicked = 0
    fired = {}                # id -> [(page, trace)]
    problems = {}             # (problem, where, snippet) -> {"ids": set, "pages": [..]}
    unchecked = []
    shown = set()
    for page in pages:
        rel = f"{page_folder[page]}: " + str(page.relative_to(work / ("site-" + page_folder[page])))
        raw = page.read_text(errors="replace")
        shown |= ids_in(raw)
        dom = doms.get(page)
        sources = [("as written", raw)]
        if dom is None:
            unchecked.append(rel)
        else:
            finder = TraceFinder()
            finder.feed(dom)
            for n, trace in finder.fired.items():
                fired.setdefault(n, []).append((rel, trace))
            sources.append(("as Chromium parsed it", dom))
        done = interactions.get(page)
        if done is None:
            unchecked.append(rel + " (interaction pass)")
        else:
            clicked += len(done.get("clicked", []))
            if done.get("error"):
                failures.append(f"{rel}: the interaction pass failed: {done['error']}")
            for trace in done.get("traces", []):
                ids = ids_in(trace)
                if not ids:
                    failures.append(f"{rel}: the interaction pass saw {trace!r}")
                for n in ids:
                    fired_on_interaction.setdefault(n, []).append((rel, trace))
        for where, text in sources:
            for what, snippet in structure_problems(text):
                key = (what, where, snippet)
                entry = problems.setdefault(key, {"ids": ids_in(snippet), "pages": []})
                entry["pages"].append(rel)

    checked = len([p for p in pages if doms.get(p) is not None and p in interactions])
    elapsed = time.monotonic() - started
    all_fired = set(fired) | set(fired_on_interaction)
    print(f"xss: {len(payloads)} payloads tried, {len(all_fired)} fired, {checked} pages checked")
    print(f"xss: fired on load: {len(fired)}; fired on interaction (events on every element, "
          f"{clicked} javascript: link clicks): {len(set(fired_on_interaction) - set(fired))}")
    print(f"xss: rejected at build: {len(rejected_ok)} of {rejected_total} hostile symbols "
          f"(the build exits 1 and writes nothing)")
    site_folders = [e["folder"] for e in manifest["folders"] if e["folder"].startswith("content-site-")]
    print(f"xss: rejected at build: {len(rejected_sites)} of {len(site_folders)} hostile site.yml variants "
          f"(RS020: base_url and documents must be http(s) addresses)")
    in_pages = [n for n in payloads if payloads[n]["folder"] != "content-rejected" and payloads[n]["folder"] not in rejected_sites]
    print(f"xss: of the {len(in_pages)} payloads in built folders, {len(set(in_pages) & shown)} are shown as text "
          f"on some page and {len(set(in_pages) - shown)} were removed by the build")

    def describe(n):
        p = payloads.get(n)
        if p is None:
            return f"id {n} (not a payload of the corpus)"
        return f"payload {n} ({p['vector']} in {p['context']}, {p['folder']}/{p['file']}): {p['text']!r}"

    for n in sorted(fired):
        places = "; ".join(f"{page} {trace}" for page, trace in fired[n][:4])
        failures.append(f"FIRED on load: {describe(n)}\n    trace: {places}")
    for n in sorted(set(fired_on_interaction) - set(fired)):
        places = "; ".join(f"{page}: {trace}" for page, trace in fired_on_interaction[n][:4])
        more = len(fired_on_interaction[n]) - 4
        failures.append(f"FIRED on interaction: {describe(n)}\n    trace: {places}" + (f" (and {more} more)" if more > 0 else ""))
    for page in unchecked:
        failures.append(f"{page}: Chromium could not open the page; it was not checked")
    # Group structure problems by what and payload, so that one payload on every page is one line.
    grouped = {}
    for (what, where, snippet), entry in problems.items():
        key = (what, tuple(sorted(entry["ids"])))
        g = grouped.setdefault(key, {"pages": set(), "where": set(), "snippets": [], "parsed": []})
        g["pages"].update(entry["pages"])
        g["where"].add(where)
        examples = g["snippets"] if where == "as written" else g["parsed"]
        if snippet not in examples:
            examples.append(snippet)
    for (what, ids), g in sorted(grouped.items()):
        who = ", ".join(f"payload {n} ({payloads[n]['context']}, {payloads[n]['folder']}/{payloads[n]['file']})"
                        if n in payloads else f"id {n} (not a payload of the corpus)" for n in ids) or "no payload id"
        pages_list = sorted(g["pages"])
        more = "" if args.verbose or len(pages_list) <= 4 else f" and {len(pages_list) - 4} more"
        shown_pages = ", ".join(pages_list if args.verbose else pages_list[:4]) + more
        examples = "".join(f"\n    e.g. {x[:300]}" for x in (g["snippets"] or g["parsed"])[:3])
        failures.append(f"raw check: {what} [{' and '.join(sorted(g['where']))}] from {who}{examples}\n"
                        f"    pages: {shown_pages}")

    for f in failures:
        print("FAIL " + f)
    print(f"xss: {'FAILED' if failures else 'passed'} in {elapsed:.0f} s"
          + (f" ({len(failures)} problems)" if failures else ""))
    if args.keep:
        print(f"xss: corpus and sites kept in {work}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
