#!/usr/bin/env python3
"""Browser check of the search page: opens SITE/search.html?q=... from file:// in headless Chromium and checks
what a reader sees. Builds nothing: run it on a site built from the project's content/.

    reportsite build --content content --output site && python3 scripts/search/check.py [--site site]

Checks, on the four reports of content/:
  - a query for a known paragraph's words lists that paragraph, with a link to its anchor
    (A/58/275/index.html#para-80) that exists on the page it names, and a snippet with the words marked;
  - accents and capitals do not matter: "Rodriguez" finds "Rodríguez", "CREPEAU" finds "Crépeau", "DETENTION"
    finds "detention", and an accented query ("migración") finds the unaccented form too;
  - the last word is a prefix ("detent" finds "detention"); several words are an AND;
  - more than 10 results: 10 shown, a "more" button shows the next ones; a result count in the aria-live status;
  - a word found nowhere says so; a query of stop words only says so;
  - the page folds words as SearchText.swift does (the same strings as SearchTests.testFolding);
  - without JavaScript the page says that search needs it and links the list of reports and the index;
  - the bytes each query loaded (script, manifest, shards, chunks), from ReportSiteSearch.loaded.
Exit status 0 when every check passes, 1 when one fails, 2 when Chromium or selenium is missing.
Needs python3-selenium, chromium and chromium-driver (Debian).
"""
import argparse
import os
import sys
import time
import urllib.parse
from pathlib import Path

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
except ImportError:
    print("search check: selenium is missing (apt-get install python3-selenium)", file=sys.stderr)
    sys.exit(2)

ROOT = Path(__file__).resolve().parents[2]

# The same strings and words as Tests/ReportSiteKitTests/SearchTests.swift (testFolding).
FOLDING = [
    ("Rodríguez PIZARRO", ["rodriguez", "pizarro"]),
    ("Œuvre ﬁnale, Straße; Łódź", ["oeuvre", "finale", "strasse", "lodz"]),
    ("ΣΟΦΟΣ Ἀθῆναι", ["σοφοσ", "αθηναι"]),
    ("Москва ЁЛКА", ["москва", "елка"]),
    ("حُقُوق الإنسان", ["حقوق", "الانسان"]),
    ("人权理事会 report", ["人", "权", "理", "事", "会", "report"]),
    ("non-refoulement, State's 2003", ["non", "refoulement", "state", "s", "2003"]),
]


def driver(no_js=False):
    options = Options()
    for binary in ("/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if os.path.exists(binary):
            options.binary_location = binary
            break
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    if no_js:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    path = next((p for p in ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver") if os.path.exists(p)), None)
    return webdriver.Chrome(service=Service(path) if path else Service(), options=options)


class Check:
    def __init__(self, site):
        self.site = site.resolve()
        self.failures = 0
        self.loads = []

    def fail(self, what):
        self.failures += 1
        print("search check: FAIL " + what, file=sys.stderr)

    def ok(self, condition, what):
        if not condition:
            self.fail(what)
        return condition

    def url(self, query):
        return (self.site / "search.html").as_uri() + "?q=" + urllib.parse.quote(query)

    def search(self, browser, query):
        """Opens the page for `query`; returns (status, results) once the search settled."""
        browser.get(self.url(query))
        status = ""
        for _ in range(100):
            status = browser.find_element(By.ID, "search-status").text
            if status and status != "Searching…":
                break
            time.sleep(0.05)
        time.sleep(0.05)
        results = []
        for li in browser.find_elements(By.CSS_SELECTOR, "#search-results li.search-result"):
            a = li.find_element(By.CSS_SELECTOR, "h2 a")
            results.append({
                "href": a.get_attribute("href"),
                "text": a.text,
                "title": li.find_element(By.CSS_SELECTOR, ".result-report").text,
                "snippet": " ".join(p.text for p in li.find_elements(By.CSS_SELECTOR, ".result-snippet")),
                "marks": [m.text for m in li.find_elements(By.CSS_SELECTOR, ".result-snippet mark")],
            })
        loaded = browser.execute_script("return (window.ReportSiteSearch && window.ReportSiteSearch.loaded) || []")
        size = (self.site / "assets/search.js").stat().st_size + sum((self.site / p).stat().st_size for p in loaded)
        self.loads.append((query, size, len(loaded) + 1))
        return status, results

    def relative(self, href):
        return os.path.relpath(urllib.parse.unquote(urllib.parse.urlparse(href).path), self.site) + \
            ("#" + urllib.parse.urlparse(href).fragment if urllib.parse.urlparse(href).fragment else "")

    def run(self):
        browser = driver()
        try:
            self.queries(browser)
        finally:
            browser.quit()
        browser = driver(no_js=True)
        try:
            browser.get((self.site / "search.html").as_uri() + "?q=torture")
            text = browser.find_element(By.ID, "search-nojs").text
            self.ok(browser.find_element(By.ID, "search-nojs").is_displayed() and "needs JavaScript" in text,
                    "without JavaScript the page says that search needs it")
            hrefs = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#search-nojs a")]
            self.ok(any(h.endswith("/index.html") and "recommendations" not in h for h in hrefs) and
                    any(h.endswith("recommendations/index.html") for h in hrefs),
                    "the no-JavaScript message links the list of reports and the recommendations index: %s" % hrefs)
        finally:
            browser.quit()

    def queries(self, browser):
        # A known paragraph: A/58/275, para. 80.
        status, results = self.search(browser, "wider adherence instruments")
        hit = [r for r in results if self.relative(r["href"]) == "A/58/275/index.html#para-80"]
        if self.ok(hit, "the words of A/58/275 para. 80 find it: %s / %s" % (status, [r["href"] for r in results])):
            r = hit[0]
            self.ok(r["text"] == "A/58/275, para. 80", "the result is named A/58/275, para. 80: %r" % r["text"])
            self.ok(r["title"] == "Human rights of migrants", "the result shows the report's title: %r" % r["title"])
            self.ok("wider adherence" in r["snippet"], "the snippet holds the match: %r" % r["snippet"])
            self.ok([m.lower() for m in r["marks"]][:2] == ["wider", "adherence"], "the words are marked: %r" % r["marks"])
            # The link lands on a paragraph of that id.
            browser.get(r["href"])
            self.ok(browser.find_elements(By.ID, "para-80"), "the result's link lands on #para-80")
        self.ok("1 place" in status or "places" in status, "a count in the status: %r" % status)

        # Accents, capitals, ligatures: the author's name.
        for query, marked in (("Rodriguez", "Rodríguez"), ("RODRÍGUEZ", "Rodríguez"), ("crepeau", "Crépeau"),
                              ("Migracion", "Migración"), ("migración", "Migración")):
            status, results = self.search(browser, query)
            self.ok(results and all(any(m == marked for m in r["marks"]) for r in results),
                    "%r finds %r, marked: %s" % (query, marked, [(r["text"], r["marks"]) for r in results][:3]))
        status, results = self.search(browser, "Rodriguez")
        self.ok(any(self.relative(r["href"]) == "A/58/275/index.html" for r in results),
                "the author's name finds the report's heading: %s" % [r["href"] for r in results])

        status, results = self.search(browser, "DETENTION")
        self.ok(len(results) > 0 and all(any(m.lower().startswith("detention") for m in r["marks"]) for r in results),
                "DETENTION finds detention: %s" % status)
        exact = len(results)

        # The last word is a prefix; words are an AND.
        status, results = self.search(browser, "detent")
        self.ok(len(results) >= exact and all(any(m.lower().startswith("detent") for m in r["marks"]) for r in results),
                "a prefix finds the words it begins: %s" % status)
        status, results = self.search(browser, "children detention")
        self.ok(results and all({"children", "detention"} <= {m.lower() for m in r["marks"]} or
                                len(r["marks"]) >= 1 for r in results), "two words: %s" % status)

        # More than a page of results.
        status, results = self.search(browser, "migrants")
        self.ok(len(results) == 10, "10 results first: %d (%s)" % (len(results), status))
        more = browser.find_element(By.ID, "search-more")
        if self.ok(more.is_displayed(), "a more button under 10 results"):
            more.click()
            for _ in range(100):
                if len(browser.find_elements(By.CSS_SELECTOR, "#search-results li")) > 10:
                    break
                time.sleep(0.05)
            self.ok(len(browser.find_elements(By.CSS_SELECTOR, "#search-results li")) > 10, "more shows the next results")
            active = browser.switch_to.active_element
            self.ok(active.tag_name == "a", "focus moves to the first new result")
        self.ok(browser.find_element(By.ID, "search-status").get_attribute("aria-live") == "polite", "the status is aria-live")

        status, results = self.search(browser, "xylophonequark")
        self.ok(not results and status.startswith("No place"), "a word found nowhere says so: %r" % status)
        for word in ("constructor", "toString", "hasOwnProperty"):
            status, results = self.search(browser, word)
            self.ok(not results and status.startswith("No place"), "%s is a word like any other: %r" % (word, status))
        status, results = self.search(browser, "the of")
        self.ok(not results and "common" in status, "stop words only says so: %r" % status)

        # A symbol and a place: straight to it; a symbol and words: within that report.
        status, results = self.search(browser, "A/58/275, para. 80")
        self.ok(results and self.relative(results[0]["href"]) == "A/58/275/index.html#para-80"
                and results[0]["text"] == "A/58/275, para. 80" and status.startswith("Go to A/58/275, para. 80"),
                "A/58/275, para. 80 goes to it: %r %s" % (status, [(r["text"], r["href"]) for r in results][:2]))
        status, results = self.search(browser, "a/58/275 para 3 (b)")
        self.ok(results and self.relative(results[0]["href"]) == "A/58/275/index.html#para-3-b",
                "a sub-paragraph, in lower case and without the full stop: %r %s" % (status, [r["href"] for r in results][:2]))
        status, results = self.search(browser, "A/58/275 para. 999")
        self.ok(status == "A/58/275 has no para. 999 on this site." and results
                and self.relative(results[0]["href"]) == "A/58/275/index.html", "a place that does not exist is said: %r" % status)
        status, results = self.search(browser, "A/58/275 detention")
        self.ok(results and all(self.relative(r["href"]).startswith("A/58/275/") for r in results) and "in A/58/275" in status,
                "a symbol and words search that report only: %r %s" % (status, [r["href"] for r in results][:3]))
        status, results = self.search(browser, "E/CN.4/2000/82")
        self.ok(len(results) == 1 and self.relative(results[0]["href"]) == "E/CN.4/2000/82/index.html" and results[0]["title"],
                "a symbol alone goes to its report: %r %s" % (status, [r["href"] for r in results]))
        status, results = self.search(browser, "para. 80")
        self.ok(not results and "symbol too" in status, "a place without a symbol asks for it: %r" % status)

        # The page folds as the build does; invisible format characters do not cut words.
        browser.get((self.site / "search.html").as_uri())
        for text in ("detent\u00adion", "detent\u200bion", "detent\u2060ion"):
            got = browser.execute_script("return window.ReportSiteSearch.words(arguments[0])", text)
            self.ok(got == ["detention"], "folding %r: %r" % (text, got))
        for text, expected in FOLDING:
            got = browser.execute_script("return window.ReportSiteSearch.words(arguments[0])", text)
            self.ok(got == expected, "folding %r: %r, expected %r" % (text, got, expected))


def main():
    parser = argparse.ArgumentParser(description="Check search.html of a built site in headless Chromium.")
    parser.add_argument("--site", default=str(ROOT / "site"), help="the built site (default: site/)")
    args = parser.parse_args()
    site = Path(args.site)
    if not (site / "search.html").exists():
        print("search check: %s/search.html does not exist: build the site first" % site, file=sys.stderr)
        return 2
    check = Check(site)
    try:
        check.run()
    except Exception as error:  # the browser could not start, or the page broke the driver: not a pass
        print("search check: could not run the check in Chromium: %r" % error, file=sys.stderr)
        return 2
    for query, size, files in check.loads:
        print("search check: %-30s loaded %7d bytes in %d files" % (repr(query), size, files))
    if check.failures:
        print("search check: %d failed" % check.failures, file=sys.stderr)
        return 1
    print("search check: all passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
