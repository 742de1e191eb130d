#!/usr/bin/env bash
# The crash and fault suite: 500 sessions over HTTP and the queues while the host is killed with SIGKILL 10 times
# and the simulator injects faults; exits 1 and names the session when a promise breaks.
#   scripts/crash-suite.sh [--no-build] [--sessions N] [--kills K] [--seed S] [--fault-rate R] [--timeout-minutes M] [--keep]
# It builds the suite in Release (with the host and the simulator it starts), installs Azurite when missing, and runs.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# --no-build may stand anywhere among the arguments; the rest go to the suite.
build=1
args=()
for arg in "$@"; do
  if [ "$arg" = "--no-build" ]; then build=0; else args+=("$arg"); fi
done

if [ ! -x tools/azurite/node_modules/.bin/azurite-queue ]; then
  (cd tools/azurite && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ "$build" = 1 ]; then
  dotnet build bench/Broadcast.CrashSuite/Broadcast.CrashSuite.csproj -c Release -warnaserror -v quiet -nologo
fi

exec dotnet bench/Broadcast.CrashSuite/bin/Release/net10.0/Broadcast.CrashSuite.dll ${args[@]+"${args[@]}"}
