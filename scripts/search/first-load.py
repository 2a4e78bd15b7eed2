#!/usr/bin/env python3
"""What a first search loads: opens SITE/search.html?q=QUERY from file:// in headless Chromium, one fresh page
per query, lets the search finish, and adds up the bytes of every file it loaded: assets/search.js, then each
script search.js inserted (the manifest, the shards of the query's words, the chunks of the results shown), as
listed by ReportSiteSearch.loaded. Also prints the size of all the search files of the site.

    python3 scripts/search/first-load.py --site .bench/out/reportsite [QUERY ...]

Without queries, a set of typical ones is measured. Prints one line per query and the largest; exit status 1
when a first search loads more than --budget bytes (default 1,000,000).
"""
import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
check = __import__("check")

TYPICAL = ["torture", "detention", "detention of children", "migrant workers", "human rights council",
           "Rodriguez", "trafficking women", "smuggling", "recommends states ratify convention", "irregular migrants",
           "family reunification", "detent", "special rapporteur", "migrants rights", "xylophonequark"]


def main():
    parser = argparse.ArgumentParser(description="Bytes loaded by a first search on a built site.")
    parser.add_argument("--site", required=True)
    parser.add_argument("--budget", type=int, default=1_000_000)
    parser.add_argument("queries", nargs="*")
    args = parser.parse_args()
    site = Path(args.site).resolve()
    files = [p for p in (site / "search").rglob("*.js")]
    total = sum(p.stat().st_size for p in files)
    shards = [p for p in (site / "search/t").glob("*.js")]
    chunks = [p for p in (site / "search/r").rglob("*.js")]
    print("search files: %d (%d shards, %d chunks, manifest %d bytes), %.1f MB in all (shards %.1f MB, chunks %.1f MB)" % (
        len(files), len(shards), len(chunks), (site / "search/manifest.js").stat().st_size, total / 1e6,
        sum(p.stat().st_size for p in shards) / 1e6, sum(p.stat().st_size for p in chunks) / 1e6))
    browser = check.driver()
    worst = (None, 0)
    try:
        for query in args.queries or TYPICAL:
            browser.get("about:blank")  # a fresh page: nothing loaded yet
            c = check.Check(site)
            started = time.monotonic()
            status, results = c.search(browser, query)
            _, size, count = c.loads[-1]
            print("%-40s %8d bytes in %3d files, %4d results shown, %.2f s: %s" % (
                repr(query), size, count, len(results), time.monotonic() - started, status))
            if size > worst[1]:
                worst = (query, size)
    finally:
        browser.quit()
    print("largest first search: %r, %d bytes (budget %d)" % (worst[0], worst[1], args.budget))
    return 1 if worst[1] > args.budget else 0


if __name__ == "__main__":
    sys.exit(main())
