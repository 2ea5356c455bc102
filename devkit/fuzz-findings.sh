#!/usr/bin/env bash
# make fuzz's last step: every input Jazzer found failing (functions/*/target/fuzz/crash-*, and the reports' fuzz
# test in scenarios/) becomes a regression
# input of its fuzz test, under src/test/resources/<package>/<Class>Inputs/<method>/, which make test replays.
# Commit it with the fix of what it shows. Each function module has one fuzz test class with one @FuzzTest.
set -euo pipefail
cd "$(dirname "$0")/.."
found=0
for crash in functions/*/target/fuzz/crash-* scenarios/target/fuzz/crash-*; do
  [ -f "$crash" ] || continue
  module=${crash%%/target/*}
  source=$(find "$module/src/test/java" -name '*FuzzTest.java' | head -n 1)
  package=$(sed -n 's/^package \([a-z.]*\);/\1/p' "$source")
  method=$(grep -A3 '@FuzzTest' "$source" | sed -n 's/.*void \([A-Za-z_0-9]*\)(.*/\1/p' | head -n 1)
  class=$(basename "$source" .java)
  inputs="$module/src/test/resources/${package//.//}/${class}Inputs/$method"
  name=$(basename "$crash"); name="regression-${name#crash-}"; name=${name:0:23}
  mkdir -p "$inputs"
  if [ ! -f "$inputs/$name" ]; then
    cp "$crash" "$inputs/$name"
    echo "make fuzz: new regression input $inputs/$name (make test replays it: fix what it shows, then commit both)"
    found=$((found + 1))
  fi
done
[ "$found" -gt 0 ] || echo "make fuzz: no new finding"
