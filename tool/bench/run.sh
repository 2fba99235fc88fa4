#!/usr/bin/env bash
# Benchmark of issue 15: the repository's records plus COUNT synthetic ones (default 10,000), start-up included.
# Usage: tool/bench/run.sh [COUNT] [RUNS]   (defaults 10000 and 5)
# Prints a Markdown table (median wall time and peak memory of each command) to paste into docs/architecture.md.
# Needs: Java, Maven (the launcher builds the tool), Git (the diff row), npm (installs ajv-cli + ajv-formats under tool/bench/node_modules),
# GNU time at /usr/bin/time for peak memory (without it the memory column says "n/a").
# The validation cache is kept in a temporary folder, so a run never touches the user's cache.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bench="$here/tool/bench"
count="${1:-10000}"
runs="${2:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export TRACKER_CACHE_DIR="$work/cache"
tracker="$here/tracker"

"$tracker" --version >/dev/null   # builds the jar and the start-up archive if needed
"$tracker" --version >/dev/null

# ajv-cli 5 and ajv-formats, installed once beside this script (node_modules/ is git-ignored).
ajv="$bench/node_modules/.bin/ajv"
if [ ! -x "$ajv" ] || [ ! -d "$bench/node_modules/ajv-formats" ]; then
  npm install --no-save --no-audit --no-fund --silent --prefix "$bench" ajv-cli@5 ajv-formats@3 >/dev/null
fi

# The registry: the repository's records and schema, plus COUNT seeded synthetic records with derived values filled in.
registry="$work/registry"
java "$bench/SyntheticRegistry.java" "$registry" "$count" "$here/schema/model.schema.json"
cp "$here"/models/*.yaml "$registry/models/"
[ -d "$here/data" ] && cp -r "$here/data" "$registry/data"
"$tracker" estimate --repo "$registry" --write --all >/dev/null
"$tracker" validate --repo "$registry" >/dev/null || { echo "the benchmark records do not validate:"; "$tracker" validate --repo "$registry" | tail -5; exit 1; }
ones=("$registry"/models/synthetic-*.yaml); one="${ones[0]}"   # (a glob: "ls | head" fails under pipefail)
total=$(ls "$registry/models" | wc -l)

has_time=0
[ -x /usr/bin/time ] && /usr/bin/time -f "%M" true >/dev/null 2>&1 && has_time=1

# measure LABEL GOAL CMD... : runs CMD RUNS times; sets last_ms (median wall ms), last_kb (peak RSS in KB, max over
# runs) and last_cpu (median user+sys CPU seconds, which a busy machine disturbs less than wall time).
measure() {
  local label="$1" goal="$2"; shift 2
  local times=() cpus=() peak=0
  for _ in $(seq "$runs"); do
    local start end kb
    start=$(date +%s%N)
    if [ "$has_time" = 1 ]; then
      /usr/bin/time -f "%M %U %S" -o "$work/rss" "$@" >/dev/null 2>&1 || true
      read -r kb user sys < <(tail -1 "$work/rss")
      [ "$kb" -gt "$peak" ] && peak=$kb
      cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u + s}')")
    else
      "$@" >/dev/null 2>&1 || true
    fi
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  last_ms=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  last_kb=$peak
  last_cpu=$( [ ${#cpus[@]} -gt 0 ] && printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)] " s"}' || echo "n/a")
  row "$label" "$last_ms" "$last_kb" "$goal" "${times[*]}"
}
seconds() { awk -v ms="$1" 'BEGIN {printf "%.2f", ms / 1000}'; }
memory() { if [ "$has_time" = 1 ] && [ "$1" -gt 0 ]; then awk -v kb="$1" 'BEGIN {printf "%d MB", kb / 1024}'; else echo "n/a"; fi; }
row() { printf '| %s | %s s | %s | %s | %s | %s |\n' "$1" "$(seconds "$2")" "$last_cpu" "$(memory "$3")" "$4" "$5"; }

java_bin="${TRACKER_JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/java}}"
java_bin="${java_bin:-java}"
java_version="$("$java_bin" -version 2>&1 | sed -n 1p)"
launcher_mode() {
  ls "$here"/tool/target/tracker-java*.aot >/dev/null 2>&1 && [ "$("$java_bin" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -c ' AOTCache ')" -gt 0 ] \
    && echo "ahead-of-time cache (Java 25+)" || echo "class-data sharing (AppCDS)"
}

echo "Benchmark: $total records ($count synthetic + the repository's), $runs runs per command, median wall time"
echo "with start-up; peak RSS is the largest over the runs. Machine: $(nproc) cores, $(uname -sm),"
echo "$java_version, launcher start-up: $(launcher_mode)."
echo "Load before: $(uptime | sed 's/.*load average: /load average /')."
echo
echo "| command | median wall | median CPU | peak RSS | goal | runs (ms) |"
echo "|---|---|---|---|---|---|"
sleep 3   # files written in the last 3 s are not trusted by their stamps yet (see ValidationCache)
"$tracker" validate --repo "$registry" >/dev/null   # the cache is filled by the first run; the rows below are later runs
measure "\`tracker validate\` ($total records, cache filled)" "faster than ajv" "$tracker" validate --repo "$registry"
validate_ms=$last_ms
# The row above: nothing changed since a clean run, so validate answers from the files' stamps (the clean-run
# record of the cache). Next, one file's stamp moved with its content the same (a checkout back and forth): that
# file is hashed, and the clean run still answers. Last, the usual case after an edit: one file's content
# changed (a comment added each run), so it and the records tied to it are checked again, the rest taken from
# their summaries.
measure "\`tracker validate\` ($total records, one file touched before each run)" "—" \
  bash -c 'touch "$1" && "$2" validate --repo "$3"' _ "$one" "$tracker" "$registry"
measure "\`tracker validate\` ($total records, one file edited before each run)" "—" \
  bash -c 'printf "# edited by the benchmark\n" >> "$1" && "$2" validate --repo "$3"' _ "$one" "$tracker" "$registry"
edited_validate_ms=$last_ms
measure "\`tracker validate --no-cache\` ($total records)" "—" "$tracker" validate --no-cache --repo "$registry"
# A build with nothing changed since the last build into its folder leaves the outputs as they are (LastBuild);
# the row after it edits a record before each run, so every output is made again. The first build (after the
# edits above) is not timed: it makes the outputs the rows' runs keep.
"$tracker" build --repo "$registry" --out "$work/dist" >/dev/null 2>&1 || true
measure "\`tracker build\` ($total records, nothing changed since the last build)" "—" "$tracker" build --repo "$registry" --out "$work/dist"
build_ms=$last_ms
measure "\`tracker build\` ($total records, one file edited before each run)" "—" \
  bash -c 'printf "# edited by the benchmark\n" >> "$1" && "$2" build --repo "$3" --out "$4"' _ "$one" "$tracker" "$registry" "$work/dist"
edited_build_ms=$last_ms
printf '| validate + build, nothing changed | %s s | | | ≤ 3 s | |\n' "$(seconds $((validate_ms + build_ms)))"
printf '| validate + build, one file edited before each (the sum of the two edited rows) | %s s | | | — | |\n' "$(seconds $((edited_validate_ms + edited_build_ms)))"
# What a contractor runs after an edit: validate, then build. The build then finds the registry as the validation
# left it (clean), so it validates nothing again; it copies every row but the edited record's from the last build.
measure "edit, then \`tracker validate\` and \`tracker build\` one after the other ($total records)" "≤ 3 s" \
  bash -c 'printf "# edited by the benchmark\n" >> "$1" && "$2" validate --repo "$3" && "$2" build --repo "$3" --out "$4"' _ "$one" "$tracker" "$registry" "$work/dist"
sleep 3   # the row above edited the file: until its stamp has settled, a run reads the index to trust it
measure "\`tracker validate models/one.yaml\` (in $total records)" "≤ 0.5 s" "$tracker" validate --repo "$registry" "$one"
measure "\`tracker validate models/one.yaml\` (in $total records, that file edited before each run)" "≤ 0.5 s" \
  bash -c 'printf "# edited by the benchmark\n" >> "$1" && "$2" validate --repo "$3" "$1"' _ "$one" "$tracker" "$registry"
measure "ajv-cli 5 + ajv-formats, same files and schema (schema only)" "—" \
  "$ajv" validate --spec=draft2020 --strict=false -c ajv-formats -s "$registry/schema/model.schema.json" -d "$registry/models/*.yaml"
ajv_ms=$last_ms
printf '| ratio tracker validate / ajv (wall) | %s | | | < 1 | |\n' "$(awk -v a="$validate_ms" -v b="$ajv_ms" 'BEGIN {printf "%.2f", a / b}')"
for extra in "query --status above" "stats" "stats --trends"; do
  read -r -a args <<< "$extra"
  measure "\`tracker $extra\` ($total records)" "—" "$tracker" "${args[@]}" --repo "$registry"
done
# What the Validate workflow runs on a pull request: diff of two commits (packed, as a clone has them), the second
# changing one record, with the cache filled by a validate of the checkout.
git_bench() { git -C "$registry" -c user.name=bench -c user.email=bench@localhost -c gc.auto=0 "$@" >/dev/null; }
git_bench init -q -b main && git_bench add -A && git_bench commit -q -m "base"
sed -i 's/^name: \(.*\)$/name: \1 (renamed)/' "$one" && git_bench commit -q -a -m "one record renamed" && git_bench gc -q
"$tracker" validate --repo "$registry" >/dev/null 2>&1 || true
measure "\`tracker diff --base HEAD~1 --head HEAD\` ($total records, one record renamed)" "—" \
  "$tracker" diff --base HEAD~1 --head HEAD --repo "$registry"
# What the bot runs, offline: Epoch AI's large-scale models (the saved copy the tests use) against every record.
measure "\`tracker scrape --source epoch --snapshot FILE\` ($total records, Epoch's saved CSV)" "—" \
  "$tracker" scrape --source epoch --snapshot "$here/tool/src/test/resources/fixtures/epoch/large_scale_ai_models_2026-02.csv" --repo "$registry"

# The real repository, after a first run of each command (start-up dominates).
real=$(ls "$here/models" | wc -l)
reals=("$here"/models/*.yaml); real_one="${reals[0]}"; real_id="$(basename "$real_one" .yaml)"
for cmd in "validate" "validate $real_one" "build --out $work/dist-real" "query --status above" "stats" \
    "stats --trends" "show $real_id" "estimate $real_id" "diff --base HEAD~1 --head HEAD"; do
  read -r -a args <<< "$cmd"
  "$tracker" "${args[@]}" --repo "$here" >/dev/null 2>&1 || true
  shown="${cmd/$work\/dist-real/DIR}"
  shown="${shown/$here\//}"
  measure "\`tracker $shown\` (the repository, $real records)" "≤ 0.5 s" "$tracker" "${args[@]}" --repo "$here"
done
# A copy of the repository, one record edited before each run: what a contractor's build after an edit costs.
copy="$work/repository-copy"
mkdir -p "$copy"
cp -r "$here/models" "$here/schema" "$copy/"
[ -d "$here/data" ] && cp -r "$here/data" "$copy/data"
copies=("$copy"/models/*.yaml); copy_one="${copies[0]}"
"$tracker" build --repo "$copy" --out "$work/dist-copy" >/dev/null 2>&1 || true
for cmd in "validate" "build --out $work/dist-copy"; do
  read -r -a args <<< "$cmd"
  measure "\`tracker ${args[0]}\` (a copy of the repository, one file edited before each run)" "—" \
    bash -c 'printf "# edited by the benchmark\n" >> "$1" && shift && "$@"' _ "$copy_one" "$tracker" "${args[@]}" --repo "$copy"
done
echo
echo "Load after: $(uptime | sed 's/.*load average: /load average /'). ajv reads unquoted dates as YAML 1.1 timestamps"
echo "and reports them as not strings; its time is what is compared."
