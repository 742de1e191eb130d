#!/usr/bin/env bash
# The end-to-end benchmark: full sessions/s at 10, 100 and 1,000 concurrent sessions, join->push p50/p99, the ratio
# to a plain loop making the same vendor calls, and the host's RSS with 10,000 sessions waiting; then the chart.
#   scripts/bench.sh           the full run (a few minutes; run it on an otherwise idle machine)
#   scripts/bench.sh --quick   a small run that proves it works
# Figures: bench/Broadcast.Benchmarks/results/<full|quick>/benchmark.{json,csv,png}
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

mode=full
for arg in "$@"; do
  if [ "$arg" = "--quick" ]; then mode=quick; fi
done
out="bench/Broadcast.Benchmarks/results/$mode"

dotnet build bench/Broadcast.Benchmarks/Broadcast.Benchmarks.csproj -c Release -warnaserror -v quiet -nologo
dotnet bench/Broadcast.Benchmarks/bin/Release/net10.0/Broadcast.Benchmarks.dll --out "$out" "$@"

# The chart needs matplotlib. Debian ships it for its own python3 (/usr/bin/python3), which may not be the first
# python3 on the PATH.
chart_python=""
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" >/dev/null && "$candidate" -c "import matplotlib" 2>/dev/null; then
    chart_python=$candidate
    break
  fi
done
if [ -z "$chart_python" ]; then
  echo "Installing python3-matplotlib (Debian) for the chart"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; fi
  $sudo apt-get update -qq && $sudo apt-get install -y -qq python3-matplotlib >/dev/null
  chart_python=/usr/bin/python3
fi
"$chart_python" scripts/bench-chart.py "$out"
