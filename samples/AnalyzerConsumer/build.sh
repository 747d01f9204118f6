#!/usr/bin/env bash
# Packs Warden.Analyzers into artifacts/packages and builds this sample against the package, showing the warnings.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dotnet pack "$root/src/Warden.Analyzers" -c Release -o "$root/artifacts/packages"
rm -rf "$here/obj/packages/warden.analyzers"
dotnet build "$here/AnalyzerConsumer.csproj" --no-incremental "$@"
