#!/usr/bin/env bash
# The project's whole test run: installs what the tests need, builds the offline solution,
# runs every test project, the infrastructure checks, and prints one closing count line.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

step() { printf '\n== %s\n' "$*"; }

step "Installing Azurite and Playwright (npm, pinned by their package-lock.json files)"
(cd tools/azurite && npm ci --no-audit --no-fund --loglevel=error)
(cd tools/e2e && npm ci --no-audit --no-fund --loglevel=error)

step "Installing Chromium for the dashboard test (Debian package, skipped when present)"
scripts/install-browser.sh

# The Functions app's Durable Task Scheduler package is not in every package source; the app and its tests build
# without it (the Azure Storage backend), as the property below says. Its Durable Task packages ask for lower bounds
# that a package source may lack; the next version taken (NU1603) stays a warning.
functions_build=(-p:DurableTaskScheduler=false)

step "Building the solution (the Functions app without its Durable Task Scheduler package)"
dotnet build Broadcast.Offline.slnf -c Release -warnaserror -warnnotaserror:NU1603 "${functions_build[@]}"

results=$(mktemp -d)
step "Running the tests"
set +e
dotnet test Broadcast.Offline.slnf -c Release --no-build "${functions_build[@]}" \
  --logger "trx" --results-directory "$results" 2>&1 | tee "$results/test.log"
status=${PIPESTATUS[0]}
set -e

step "Checking infra/ with bicep build and bicep lint"
scripts/infra-check.sh || status=1

step "Crash and fault suite: 500 sessions, 10 SIGKILLs of the host, seeded vendor faults"
scripts/crash-suite.sh --no-build --seed 20261123 || status=1

# One closing line that counts every test of every project, from the TRX files.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); passed=$((passed + ${p:-0}))
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters"); failed=$((failed + ${f:-0}))
  # Skipped tests are counted in total but not in executed.
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters"); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
echo
# The bad-input suite's count of its cases, as its test wrote it into the results.
grep -ho 'Bad-input cases: [^<]*' "$results"/*.trx | head -1 || true
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
