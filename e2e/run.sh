#!/usr/bin/env bash
# Browser end-to-end tests: builds the binary and two dossiers (the bundled one in
# content/, the fixture tests/fixtures/valid-en), then drives Debian's Chromium over them
# with playwright-core (node --test). Screenshots and reports go to target/e2e/.
#
#   bash e2e/run.sh                  every test
#   bash e2e/run.sh tests/search.test.js   one file (paths relative to e2e/)
#
# Without Chromium (or Node.js, or Java for the HTML checker) outside CI, the suite says
# so loudly and is skipped; in CI (CI=true) a missing tool is a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
in_ci=false
case "${CI:-}" in 1 | true | TRUE | True | yes) in_ci=true ;; esac

skip_or_fail() {
  echo "" >&2
  echo "==================================================================" >&2
  if $in_ci; then
    echo "FAILED: $1" >&2
    echo "==================================================================" >&2
    exit 1
  fi
  echo "SKIPPED: $1" >&2
  echo "         the browser tests did not run" >&2
  echo "==================================================================" >&2
  exit 0
}

command -v node >/dev/null 2>&1 || skip_or_fail "node not found (apt-get install nodejs npm)"
command -v npm >/dev/null 2>&1 || skip_or_fail "npm not found (apt-get install npm)"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || skip_or_fail "node $(node --version) is too old: playwright-core needs Node.js 20 or later"
if [ -z "${CHROMIUM:-}" ]; then
  for name in chromium chromium-browser google-chrome google-chrome-stable; do
    if command -v "$name" >/dev/null 2>&1; then
      CHROMIUM=$(command -v "$name")
      break
    fi
  done
fi
[ -n "${CHROMIUM:-}" ] && [ -x "$CHROMIUM" ] || skip_or_fail "chromium not found (apt-get install chromium)"
export CHROMIUM
echo "e2e: browser $CHROMIUM ($("$CHROMIUM" --version 2>/dev/null || echo 'version unknown'))"

# 1. The binary.
cargo build --release --quiet
bin="$repo/target/release/dossier"
export E2E_BIN="$bin"

# 2. The sites, in a temporary folder removed at exit.
work=$(mktemp -d "${TMPDIR:-/tmp}/dossier-e2e.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$bin" build --out "$work/bundled"
"$bin" build --root tests/fixtures/valid-en --out "$work/fixture-en"
export E2E_SITE="$work/bundled" E2E_FIXTURE="$work/fixture-en"
export E2E_OUT="$repo/target/e2e"
# A full run starts from an empty report folder; one file adds to the last full run's.
if [ $# -eq 0 ]; then rm -rf "$E2E_OUT"; fi
mkdir -p "$E2E_OUT"

# 3. The npm packages, exactly as locked; --ignore-scripts: no install script may
#    download anything (vnu-jar's would fetch a Java; the machine's own is used).
cd e2e
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --ignore-scripts --no-audit --no-fund
fi

# 4. The tests, one file at a time (each starts its own Chromium; two cores are shared).
if [ $# -gt 0 ]; then files=("$@"); else files=(tests/*.test.js); fi
status=0
node --test --test-concurrency=1 --test-timeout=180000 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$E2E_OUT/results.tap" \
  "${files[@]}" || status=$?

count() {
  local n
  n=$(sed -n "s/^# $1 \([0-9][0-9]*\)$/\1/p" "$E2E_OUT/results.tap" 2>/dev/null | tail -1)
  echo "${n:-0}"
}
# node --test exits non-zero on any failure; a run that never wrote its report failed too.
[ -s "$E2E_OUT/results.tap" ] || status=1
echo ""
echo "screenshots and reports: $E2E_OUT"
echo "e2e: $(count pass) passed, $(count fail) failed, $(count skipped) skipped"
exit $status
