#!/usr/bin/env python3
"""Accessibility and reader checks of a built site, in headless Chromium (selenium, Debian's chromium-driver).

    python3 scripts/a11y/check.py [--site site]

1. axe-core (the copy bundled by the PyPI package axe-playwright-python; its version is printed, since an old
   axe flags the valid <div>-grouped <dl> of the report header) on the home page, a report page, the
   recommendations index, a list narrowed by year and the search page when there is one, in light and in
   dark mode: every violation is printed; any violation fails the check.
2. Keyboard: Tab from the top of each of those pages reaches every link, button, summary and field that is
   shown, in order, and each one shows a visible focus indicator (an outline or a box shadow).
3. The "Cite" control of a report page: clicking it copies "A/58/275, para. 80 (...#para-80)" and says so;
   a sub-paragraph's copies "para. 80 (a)"-style locators.

Exit status 0 when every check passes, 1 when one fails, 2 when the check could not run.
"""

import argparse
import sys
from pathlib import Path

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
except ImportError:
    print("a11y: selenium is not installed (python3 -m pip install selenium)", file=sys.stderr)
    sys.exit(2)


def axe_source():
    try:
        import axe_playwright_python
    except ImportError:
        print("a11y: axe-playwright-python is not installed (python3 -m pip install --no-deps axe-playwright-python)",
              file=sys.stderr)
        sys.exit(2)
    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def browser(width=1280, height=900):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", f"--window-size={width},{height}",
                "--allow-file-access-from-files"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def run_axe(driver, source):
    driver.execute_script(source)
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document).then(r => done({version: axe.version, violations: r.violations.map(v => ({"
        "  id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}))}))"
        ".catch(e => done({error: String(e)}));")


# Focusable things a keyboard user must reach: shown links, buttons, summaries and fields.
FOCUSABLE = """
const all = Array.from(document.querySelectorAll('a[href], button, summary, input, select, textarea'));
return all.filter(e => {
  if (e.closest('details:not([open])') && e.tagName !== 'SUMMARY') return false;
  if (e.closest('[hidden]')) return false;
  const r = e.getBoundingClientRect();
  const s = getComputedStyle(e);
  return s.visibility !== 'hidden' && s.display !== 'none' && (r.width > 0 || r.height > 0 || e.classList.contains('skip'));
}).length;
"""

FOCUS_STATE = """
const e = document.activeElement;
if (!e || e === document.body) return null;
const s = getComputedStyle(e);
const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow && s.boxShadow !== 'none');
return {tag: e.tagName, text: (e.textContent || e.value || '').trim().slice(0, 40), visible: visible,
        key: e.tagName + '|' + (e.getAttribute('href') || '') + '|' + (e.textContent || '').trim().slice(0, 60)};
"""


def keyboard(driver, limit=4000):
    """Tabs through the page; returns (reached, expected, problems)."""
    expected = driver.execute_script(FOCUSABLE)
    driver.execute_script("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur();")
    seen = []
    problems = []
    for _ in range(min(limit, expected + 5)):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        state = driver.execute_script(FOCUS_STATE)
        if state is None:
            break
        if seen and state["key"] == seen[0]:
            break
        seen.append(state["key"])
        if not state["visible"]:
            problems.append(f"no visible focus on <{state['tag'].lower()}> {state['text']!r}")
    return len(seen), expected, problems


def check_cite(driver, page):
    problems = []
    driver.get(page.as_uri())
    # The clipboard is the system's: record what the page writes to it instead.
    driver.execute_script("""
      window.__copied = [];
      const record = t => { window.__copied.push(t); return Promise.resolve(); };
      Object.defineProperty(navigator, 'clipboard', {value: {writeText: record,
        write: items => items[0].getType('text/plain').then(b => b.text()).then(record)}, configurable: true});
    """)
    buttons = driver.find_elements(By.CSS_SELECTOR, "#para-80 > button.cite")
    if len(buttons) != 1:
        return [f"cite: {len(buttons)} Cite buttons on paragraph 80, expected 1"]
    driver.execute_script("arguments[0].click()", buttons[0])
    driver.execute_script("return new Promise(r => setTimeout(r, 200))")
    copied = driver.execute_script("return window.__copied")
    expected = "A/58/275, para. 80 (" + page.as_uri() + "#para-80)"
    if copied != [expected]:
        problems.append(f"cite: copied {copied!r}, expected {[expected]!r}")
    status = driver.find_element(By.CSS_SELECTOR, ".cite-status").get_attribute("textContent")
    if status != "Copied: " + expected:
        problems.append(f"cite: status says {status!r}")
    sub = driver.find_elements(By.CSS_SELECTOR, ".subpara[id] > button.cite")
    if not sub:
        problems.append("cite: no Cite button on any sub-paragraph")
    else:
        label = sub[0].get_attribute("aria-label")
        if not label.startswith("Copy the citation A/58/275, para. ") or "(" not in label:
            problems.append(f"cite: a sub-paragraph's button says {label!r}")
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", default="site")
    args = parser.parse_args()
    site = Path(args.site).resolve()
    pages = ["index.html", "A/58/275/index.html", "recommendations/index.html", "browse/year/2003/index.html",
             "search.html"]
    pages = [site / p for p in pages if (site / p).exists()]
    if len(pages) < 4:
        print(f"a11y: {site} is not a built site of the project's content", file=sys.stderr)
        return 2
    # The search page is checked with results shown, too.
    queries = {site / "search.html": "?q=migrant+detention"}
    source = axe_source()
    failures = []
    checked = set()
    driver = browser()
    try:
        for scheme in ("light", "dark"):
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                                   {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
            for page in pages + [p for p in queries if p in pages]:
                with_query = page in queries and (scheme, page) in checked
                checked.add((scheme, page))
                driver.get(page.as_uri() + (queries[page] if with_query else ""))
                if with_query:
                    driver.execute_script("return new Promise(r => setTimeout(r, 1000))")
                result = run_axe(driver, source)
                if "error" in result:
                    print(f"a11y: axe failed on {page}: {result['error']}", file=sys.stderr)
                    return 2
                name = str(page.relative_to(site)) + (queries[page] if with_query else "")
                print(f"a11y: axe-core {result['version']} on {name} ({scheme}): {len(result['violations'])} violations")
                for v in result["violations"]:
                    failures.append(f"{name} ({scheme}): {v['id']} ({v['impact']}): {v['help']} at {', '.join(v['nodes'])}")
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
        for page in pages:
            driver.get(page.as_uri())
            reached, expected, problems = keyboard(driver)
            name = page.relative_to(site)
            print(f"a11y: keyboard on {name}: {reached} of {expected} controls reached by Tab")
            if reached < expected:
                failures.append(f"{name}: Tab reached {reached} of {expected} links and controls")
            failures += [f"{name}: {p}" for p in problems]
        failures += check_cite(driver, site / "A/58/275/index.html")
        # The paragraph a link names is highlighted.
        driver.get((site / "A/58/275/index.html").as_uri() + "#para-80")
        marked, plain = driver.execute_script(
            "return [getComputedStyle(document.getElementById('para-80')).backgroundColor,"
            " getComputedStyle(document.getElementById('para-81')).backgroundColor]")
        print(f"a11y: #para-80 background {marked}, para-81 {plain}")
        if marked == plain:
            failures.append("the paragraph named by #para-80 is not highlighted")
    finally:
        driver.quit()
    # 200 % zoom of a 1280-pixel window is a 640-pixel viewport: nothing may need scrolling sideways.
    driver = browser(640, 900)
    try:
        for page in pages:
            driver.get(page.as_uri())
            wide = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
            print(f"a11y: at 200% zoom {page.relative_to(site)} is {wide[0]} px wide in a {wide[1]} px window")
            if wide[0] > wide[1]:
                failures.append(f"{page.relative_to(site)}: at 200% zoom the page scrolls sideways ({wide[0]} > {wide[1]} px)")
    finally:
        driver.quit()
    for f in failures:
        print("a11y: FAIL " + f)
    print(f"a11y: {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
