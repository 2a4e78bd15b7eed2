#!/usr/bin/env python3
"""Nothing on any page scrolls sideways: every page of a built site, in headless Chromium (selenium).

    python3 scripts/overflow/check.py --reportsite .build/release/reportsite [--content content] [--templates Templates]

Builds the content given, plus one report written to stress the layout (long unbroken words in its title,
headings, paragraphs, a table, a footnote and a citation), into a temporary site; then opens every HTML page
of that site at 390 px (a phone) and 1280 px (a laptop) and fails when the page is wider than the window,
or when the table of contents (or any other box) scrolls sideways inside itself, tables excepted (a wide
table scrolls in its own frame by design).

Exit status 0 when no page overflows, 1 when one does, 2 when the check could not run.
"""

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
except ImportError:
    print("overflow: selenium is not installed (python3 -m pip install selenium)", file=sys.stderr)
    sys.exit(2)

LONG = "Interception/detention/deportation/repatriation"
STRESS = f"""---
symbol: A/99/999
title: "{LONG} of migrants: {LONG * 2}"
date: 2020-01-01
body: General Assembly
---

## I. {LONG}

1. The {LONG}{LONG} practice.[^1] See https://example.org/{'a' * 120} for more.

### A. {LONG * 2}

2. A table:

| {LONG} | {LONG} |
|---|---|
| {LONG * 3} | x |

3. States should end {LONG * 3}.

[^1]: {LONG * 4}.
"""

# Returns what overflows on the page: the document itself, or boxes (not tables or their frames) whose
# content is wider than they are while they scroll.
PROBE = """
const out = [];
const doc = document.scrollingElement;
if (doc.scrollWidth > window.innerWidth + 1) out.push('the page is ' + doc.scrollWidth + ' px wide');
for (const el of document.querySelectorAll('body *')) {
  if (el.closest('table, .table, pre')) continue;
  const style = getComputedStyle(el);
  if (!/(auto|scroll)/.test(style.overflowX)) continue;
  if (el.scrollWidth > el.clientWidth + 1) {
    out.push(el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : '') +
             ' scrolls sideways (' + el.scrollWidth + ' > ' + el.clientWidth + ')');
  }
}
return out;
"""


def driver(width):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", f"--window-size={width},900",
                "--allow-file-access-from-files"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--reportsite", required=True)
    parser.add_argument("--content", default="content")
    parser.add_argument("--templates", default="Templates")
    args = parser.parse_args()
    binary = Path(args.reportsite).resolve()
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        shutil.copytree(args.content, work / "content")
        (work / "content" / "reports" / "A-99-999.md").write_text(STRESS, encoding="utf-8")
        built = subprocess.run([str(binary), "build", "--content", str(work / "content"), "--templates",
                                str(Path(args.templates).resolve()), "--output", str(work / "site"), "--no-cache"],
                               cwd=work, capture_output=True, text=True)
        if built.returncode != 0:
            print("overflow: the build failed:\n" + built.stderr, file=sys.stderr)
            return 2
        pages = sorted(p for p in (work / "site").rglob("*.html"))
        failures = []
        for width in (390, 1280):
            d = driver(width)
            try:
                for page in pages:
                    d.get(page.as_uri())
                    for problem in d.execute_script(PROBE):
                        failures.append(f"{page.relative_to(work / 'site')} at {width} px: {problem}")
            finally:
                d.quit()
        for f in failures:
            print("overflow: " + f)
        print(f"overflow: {len(pages)} pages at 390 and 1280 px, {len(failures)} overflowing")
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
