#!/bin/sh
# Writes a picture of an HTML report with headless Chromium (Debian: apt-get install chromium).
# Usage: scripts/screenshot.sh REPORT.html OUT.png [WIDTH HEIGHT]
set -eu
if [ $# -lt 2 ]; then
    echo "usage: $0 REPORT.html OUT.png [WIDTH HEIGHT]" >&2
    exit 2
fi
report=$1 out=$2 width=${3:-1280} height=${4:-2000}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
    echo "$0: chromium is not installed (apt-get install chromium)" >&2
    exit 2
fi
case $report in /*) ;; *) report=$(pwd)/$report ;; esac
case $out in /*) ;; *) out=$(pwd)/$out ;; esac
[ -r "$report" ] || { echo "$0: cannot read $report" >&2; exit 2; }
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# A profile of its own: no first-run pages, no shared state; the report makes no network request.
"$browser" --headless --disable-gpu --no-sandbox --no-first-run --user-data-dir="$profile" \
    --hide-scrollbars --virtual-time-budget=3000 --window-size="$width,$height" \
    --screenshot="$out" "file://$report" >/dev/null 2>&1
[ -s "$out" ] || { echo "$0: no picture was written" >&2; exit 1; }
echo "$out"
