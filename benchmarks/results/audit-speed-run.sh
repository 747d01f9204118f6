#!/bin/bash
# Interleaved: the build before this session (warden-rel), this session's Release build (warden-rel4), the same ReadyToRun-published (warden-r2r4).
for round in 1 2 3; do
  for repo in Polly npgsql; do
    for b in warden-rel warden-rel4 warden-r2r4; do
      /usr/bin/time -f "%e %U %S %M" -o /tmp/t.txt dotnet /tmp/$b/Warden.Cli.dll audit $repo --format json -o /tmp/speed-$repo-$b.json >/dev/null 2>&1
      echo "$round $repo $b $(cat /tmp/t.txt | tail -1) findings=$(python3 -c "import json;print(len(json.load(open('/tmp/speed-$repo-$b.json'))['findings']))")"
    done
  done
done
