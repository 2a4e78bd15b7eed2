#!/usr/bin/env python3
"""Screenshots of a built site, at desktop and phone widths, in light and dark mode, for docs/screenshots/.

    python3 scripts/screenshots.py [--site site] [--out docs/screenshots]

Opens the pages from disk (file://) in headless Chromium through selenium (PyPI) and Debian's chromium-driver.
The dark shots ask the page for `prefers-color-scheme: dark`, as a system set to dark mode does.
"""

import argparse
import sys
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

SHOTS = [
    # name, page (relative to the site), fragment, query
    ("home", "index.html", "", ""),
    ("report", "A/58/275/index.html", "#para-80", ""),
    ("recommendations", "recommendations/index.html", "", ""),
    ("search", "search.html", "", "?q=Rodriguez+Pizarro"),
]
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}


def driver(width, height):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", f"--window-size={width},{height}",
                "--force-device-scale-factor=1", "--allow-file-access-from-files"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", default="site")
    parser.add_argument("--out", default="docs/screenshots")
    args = parser.parse_args()
    site = Path(args.site).resolve()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    made = 0
    for width_name, (width, height) in WIDTHS.items():
        browser = driver(width, height)
        try:
            # A phone's viewport, as Chromium's device mode gives it.
            if width_name == "phone":
                browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": True})
            for scheme in ("light", "dark"):
                browser.execute_cdp_cmd("Emulation.setEmulatedMedia",
                                        {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
                for name, page, fragment, query in SHOTS:
                    path = site / page
                    if not path.exists():
                        print(f"screenshots: {path} does not exist; skipped", file=sys.stderr)
                        continue
                    browser.get(path.as_uri() + query + fragment)
                    browser.implicitly_wait(1)
                    if query:
                        # Results are drawn by the page's script after it loads its index.
                        browser.execute_script("return new Promise(r => setTimeout(r, 800))")
                    target = out / f"{name}-{width_name}-{scheme}.png"
                    browser.save_screenshot(str(target))
                    made += 1
        finally:
            browser.quit()
    print(f"screenshots: {made} written to {out}/")


if __name__ == "__main__":
    main()
