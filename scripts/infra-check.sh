#!/usr/bin/env bash
# Compiles and lints infra/main.bicep with the Bicep CLI from the NuGet package
# Azure.Bicep.CommandLine.linux-x64 (restored by tools/bicep, version pinned in Directory.Packages.props).
# Fails on any error or warning, from the build and from the linter alike.
set -euo pipefail
cd "$(dirname "$0")/.."

project=tools/bicep/Broadcast.Tools.Bicep.csproj
package=azure.bicep.commandline.linux-x64

dotnet restore "$project" --verbosity quiet

version=$(sed -n 's/.*Include="Azure.Bicep.CommandLine.linux-x64" Version="\([^"]*\)".*/\1/p' Directory.Packages.props)
if [ -z "$version" ]; then
  echo "infra-check: no central version for Azure.Bicep.CommandLine.linux-x64 in Directory.Packages.props" >&2
  exit 1
fi

packages=$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: *//p')
bicep="${packages%/}/$package/$version/tools/bicep"
if [ ! -f "$bicep" ]; then
  echo "infra-check: the Bicep CLI is not at $bicep after restore" >&2
  exit 1
fi
chmod +x "$bicep"
export BICEP_TRACING_ENABLED=false

failed=0
# Bicep prints diagnostics as "<file>(line,col) : <Level> <code>: <message>"; a warning fails the check too.
check() {
  local label=$1; shift
  local output status
  set +e
  # Diagnostics go to stderr; the compiled JSON (stdout) is not needed.
  output=$("$bicep" "$@" 2>&1 >/dev/null)
  status=$?
  set -e
  if [ -n "$output" ]; then
    printf '%s\n' "$output"
  fi
  if [ "$status" -ne 0 ]; then
    echo "infra-check: bicep $label exited with $status" >&2
    failed=1
  elif grep -Eq ' : (Error|Warning) ' <<<"$output"; then
    echo "infra-check: bicep $label reported warnings or errors" >&2
    failed=1
  fi
}

echo "bicep $("$bicep" --version | sed -n 's/^Bicep CLI version \([^ ]*\).*/\1/p')"
check build build infra/main.bicep --stdout
check lint lint infra/main.bicep

# The JSON parameters file must match main.bicep's parameters (names, types, allowed values):
# turn it into a .bicepparam that points at main.bicep and compile that.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$bicep" decompile-params infra/main.parameters.json --bicep-file "$PWD/infra/main.bicep" \
  --outfile "$scratch/main.bicepparam" 2>/dev/null
check "build-params (infra/main.parameters.json)" build-params "$scratch/main.bicepparam" --stdout

if [ "$failed" -ne 0 ]; then
  exit 1
fi
echo "infra-check: infra/main.bicep builds and lints clean"
