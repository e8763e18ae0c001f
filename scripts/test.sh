#!/usr/bin/env bash
# The one test command (npm test): makes sure the Debian packages the tests need are present, type-checks,
# lints, runs every jest test under TZ=UTC, and ends with a plain "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/.."

# Debian packages: Chromium renders the cards, LibreOffice and poppler open the Word documents, as a person would.
declare -A NEEDED=([chromium]=chromium [soffice]=libreoffice-writer-nogui [pdftoppm]=poppler-utils [pdftotext]=poppler-utils)
missing=()
for cmd in "${!NEEDED[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("${NEEDED[$cmd]}")
done
if ((${#missing[@]})); then
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian packages the tests need: ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || exit 1
  else
    echo "The tests need Debian packages that are not installed. Run:"
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}"
    exit 1
  fi
fi

npx tsc --noEmit -p tsconfig.json || { echo "0 passed, 1 failed"; exit 1; }
npx prettier --check --log-level warn . || { echo "Formatting differs: run npm run format"; echo "0 passed, 1 failed"; exit 1; }
npx eslint . || { echo "0 passed, 1 failed"; exit 1; }

mkdir -p build
# The HTTPS fakes' self-signed certificate, trusted by every test process from its start.
NODE_EXTRA_CA_CERTS="$(npx tsx test/support/testTls.ts)" || { echo "0 passed, 1 failed"; exit 1; }
export NODE_EXTRA_CA_CERTS
# Browser journeys start several Playground instances and Chromium: they run one at a time, after the rest,
# so that load on a 2-core machine does not turn into timeouts.
TZ=UTC npx jest --maxWorkers=2 --testPathIgnorePatterns=/test/browser/ --json --outputFile=build/jest-results.json "$@"
status=$?
TZ=UTC npx jest --runInBand --passWithNoTests --json --outputFile=build/jest-browser-results.json test/browser "$@" || status=1
node -e '
const runs = ["./build/jest-results.json", "./build/jest-browser-results.json"].map((f) => require(f));
const passed = runs.reduce((n, r) => n + r.numPassedTests, 0);
const failed = runs.reduce((n, r) => n + r.numFailedTests + r.numRuntimeErrorTestSuites, 0);
console.log(`${passed} passed, ${failed} failed`);
if (passed + failed === 0) process.exitCode = 1;
' || status=1
exit $status
