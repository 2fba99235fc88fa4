#!/usr/bin/env bash
# Benchmark: validate and build on 10,000 synthetic records, and validate of one file, start-up included.
# Usage: tool/bench/run.sh [COUNT] [RUNS]   (defaults 10000 and 5). Prints the median wall time of each.
# Targets (issue 2): validate + build of 10,000 records under 3 s together on 2 cores; one-file validate under 0.6 s.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
count="${1:-10000}"
runs="${2:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$here/tracker" --version >/dev/null   # builds the jar and the class-data archive if needed
"$here/tracker" --version >/dev/null
java "$here/tool/bench/SyntheticRegistry.java" "$work/registry" "$count" "$here/schema/model.schema.json"
has_command() { "$here/tracker" --help | grep -qE "^ +$1( |$)"; }
# Fill derived fields (headline, p_above, status) the way a maintainer would, when the tool can.
if has_command estimate; then
  "$here/tracker" estimate --repo "$work/registry" --write --all >/dev/null
fi
"$here/tracker" validate --repo "$work/registry" >/dev/null || { echo "synthetic records do not validate:"; "$here/tracker" validate --repo "$work/registry" | tail -5; exit 1; }
one="$(find "$work/registry/models" -name "*.yaml" -print -quit)"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() {
  local label="$1"; shift
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%-40s median %6d ms   (runs: %s)\n' "$label" "$(printf '%s\n' "${times[@]}" | median)" "${times[*]}"
}

echo "records: $count, runs per command: $runs, cores: $(nproc)"
measure "validate ($count records)" "$here/tracker" validate --repo "$work/registry"
measure "build ($count records)" "$here/tracker" build --repo "$work/registry" --out "$work/dist"
measure "validate one file" "$here/tracker" validate --repo "$work/registry" "$one"
for extra in "query --status above" "stats" "stats --trends"; do
  cmd=(${extra})
  if has_command "${cmd[0]}"; then
    measure "$extra ($count records)" "$here/tracker" "${cmd[@]}" --repo "$work/registry"
  fi
done
