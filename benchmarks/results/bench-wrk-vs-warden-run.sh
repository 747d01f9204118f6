#!/usr/bin/env bash
# wrk vs warden on the same Storefront endpoint at the same connection count, alternating, ROUNDS rounds.
# Storefront (Release) serves on 5099 and its fake downstream runs as a second process on 5098, so the
# endpoint's latency is the real HTTP fan-out. Run from the repository root after:
#   dotnet build -c Release src/Warden.Cli && dotnet build -c Release samples/Storefront
# Usage: benchmarks/results/bench-wrk-vs-warden-run.sh OUTDIR [ROUNDS]
set -u
out=${1:?output folder}; rounds=${2:-5}
mkdir -p "$out"
store="dotnet samples/Storefront/bin/Release/net10.0/Storefront.dll"
warden="dotnet src/Warden.Cli/bin/Release/net10.0/Warden.Cli.dll"
url=http://127.0.0.1:5099/async/products/1
$store --port 5098 > "$out/downstream.log" 2>&1 & down=$!
$store --port 5099 --downstream http://127.0.0.1:5098/ > "$out/storefront.log" 2>&1 & front=$!
trap 'kill $front $down 2>/dev/null; wait $front $down 2>/dev/null' EXIT
for _ in $(seq 1 100); do curl -sf $url > /dev/null && break; done
# One unrecorded warm-up of the server for each tool, so neither measures a cold JIT.
wrk -t2 -c100 -d5s $url > /dev/null
for round in $(seq 1 "$rounds"); do
  echo "=== round $round wrk $(date -u +%T) load: $(cat /proc/loadavg)"
  wrk -t2 -c100 -d15s --latency --timeout 10s $url
  echo "=== round $round warden $(date -u +%T) load: $(cat /proc/loadavg)"
  $warden bench http $url --concurrency 100 --duration 15s --warmup 2s --repeat 1 --out "$out/warden-round$round.json"
done
