#!/usr/bin/env python3
"""How long `reportsite serve` takes from a saved report to the open page reloaded, in headless Chromium.

    python3 scripts/serve/reload-time.py --content DIR [--reportsite .build/release/reportsite] [--saves 5]

Copies DIR (a content folder, e.g. .bench/corpus-1000/content from `make bench`) into a temporary folder, starts
`reportsite serve --port 0` there with the project's Templates/, opens the page of one report, then edits that
report's first numbered paragraph (--saves times) and measures the time until the page has reloaded (a mark the
test left in the page is gone). Prints each time and the median. Needs selenium and Debian's chromium-driver.
"""
import argparse
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = Path(__file__).resolve().parents[2]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--content", required=True)
    parser.add_argument("--reportsite", default=str(ROOT / ".build/release/reportsite"))
    parser.add_argument("--saves", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="reload-time-"))
    shutil.copytree(args.content, work / "content")
    reports = sorted((work / "content/reports").glob("*.md"))
    report = reports[len(reports) // 2]
    symbol = re.search(r"^symbol:\s*(\S+)", report.read_text(encoding="utf-8"), re.M).group(1)
    server = subprocess.Popen([args.reportsite, "serve", "--port", "0", "--templates", str(ROOT / "Templates")],
                              cwd=work, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    port = None
    for line in server.stdout:
        found = re.search(r"at http://127\.0\.0\.1:(\d+)/", line)
        if found:
            port = found.group(1)
            break
    if port is None:
        print("reload-time: the server did not start", file=sys.stderr)
        return 2
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-proxy-server"):
        options.add_argument(arg)
    browser = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    times = []
    try:
        for n in range(args.saves):
            browser.get(f"http://127.0.0.1:{port}/{symbol}/")
            time.sleep(1.0)
            browser.execute_script("window.__reloadMark = 1")
            text = report.read_text(encoding="utf-8")
            report.write_text(re.sub(r"^1\. ", f"1. Edit {n}. ", text, count=1, flags=re.M), encoding="utf-8")
            start = time.time()
            while time.time() - start < 60:
                try:
                    if browser.execute_script("return window.__reloadMark") is None:
                        break
                except Exception:
                    pass
                time.sleep(0.02)
            times.append(time.time() - start)
            time.sleep(1.0)
    finally:
        browser.quit()
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    print("reload-time: %s: %s s; median %.2f s" % (symbol, ", ".join("%.2f" % t for t in times), statistics.median(times)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
