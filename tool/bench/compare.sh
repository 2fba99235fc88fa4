#!/usr/bin/env bash
# Compares two builds of the tool (or two JVM settings) on one command by alternating runs: A B, B A, A B, ...
# so that a host growing busier or quieter weighs on both alike. Prints each side's median wall and CPU time and
# whether their outputs were the same. Used for every before/after figure in docs/architecture.md (Speed).
#
# Usage: tool/bench/compare.sh [-n RUNS] [-r REGISTRY] [-b BEFORE] JAR_A JAR_B -- COMMAND [ARGS...]
#   RUNS      runs per side (default 10)
#   REGISTRY  the registry the command runs on (default: this repository); --repo REGISTRY is added at the end
#   BEFORE    a shell command run (untimed) before every timed run, e.g. 'printf "# x\n" >> REGISTRY/models/a.yaml'
#             to time validation after an edit
#   A record file in COMMAND (validate FILE) resolves against the working folder, not REGISTRY: give its absolute
#   path, or each side only times "no such file or folder".
#   {side}    in COMMAND's arguments stands for A or B, so that each side writes its own folder, e.g.
#             build --out /tmp/dist-{side} (a build that keeps its folder as it is needs that folder to itself)
#   JAVA_OPTS_A, JAVA_OPTS_B  more JVM options for one side (after the launcher's, so they win), e.g.
#             JAVA_OPTS_A="-XX:NewSize=256m" to compare a setting on one jar given twice
# Each side gets its own copy of its jar, its own class archive (made beside the copy by the launcher, given it as
# TRACKER_JAR: trained as for any user; the launcher also says the JVM options it runs that copy with) and its own
# cache, warmed by one validate and one run of the command before timing.
# Needs GNU time at /usr/bin/time for the CPU column.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs=10
registry="$here"
before=""
while getopts "n:r:b:" option; do
  case "$option" in
    n) runs="$OPTARG" ;;
    r) registry="$(cd "$OPTARG" && pwd)" ;;
    b) before="$OPTARG" ;;
    *) sed -n '6,16p' "${BASH_SOURCE[0]}" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
if [ $# -lt 4 ] || [ "$3" != "--" ]; then sed -n '6,16p' "${BASH_SOURCE[0]}" >&2; exit 2; fi
jar_a="$1"; jar_b="$2"; shift 3
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

side_options() { if [ "$1" = A ]; then echo "${JAVA_OPTS_A:-}"; else echo "${JAVA_OPTS_B:-}"; fi; }

# Each side's JVM options as the launcher runs its copy of the jar: its archive's (made now) and the launcher's flags.
declare -A launched
for side in A B; do
  mkdir -p "$work/$side"
  if [ "$side" = A ]; then cp "$jar_a" "$work/$side/tracker.jar"; else cp "$jar_b" "$work/$side/tracker.jar"; fi
  launched[$side]="$(TRACKER_JAR="$work/$side/tracker.jar" TRACKER_JAVA="$(command -v java)" TRACKER_PRINT_JVM_FLAGS=1 \
    "$here/tracker" 2>/dev/null | tr '\n' ' ')"
  case "${launched[$side]}" in
    *SharedArchiveFile=* | *AOTCache=*) ;;
    *) echo "side $side: no class archive (this Java cannot make one)" >&2 ;;
  esac
  # shellcheck disable=SC2046,SC2086
  TRACKER_CACHE_DIR="$work/cache-$side" java ${launched[$side]} $(side_options "$side") \
    -jar "$work/$side/tracker.jar" validate --repo "$registry" >/dev/null 2>&1 || true
  # shellcheck disable=SC2046,SC2086
  TRACKER_CACHE_DIR="$work/cache-$side" java ${launched[$side]} $(side_options "$side") \
    -jar "$work/$side/tracker.jar" "${@//\{side\}/$side}" --repo "$registry" >/dev/null 2>&1 || true
done

declare -A walls cpus
run() {
  local side="$1" start end
  shift
  if [ -n "$before" ]; then bash -c "$before"; fi
  start=$(date +%s%N)
  # shellcheck disable=SC2046,SC2086
  TRACKER_CACHE_DIR="$work/cache-$side" /usr/bin/time -f "%U %S" -o "$work/cpu" \
    java ${launched[$side]} $(side_options "$side") \
    -jar "$work/$side/tracker.jar" "${@//\{side\}/$side}" --repo "$registry" >"$work/out-$side.txt" 2>&1 || true
  end=$(date +%s%N)
  local arg
  for arg in "$@"; do  # the output compared names {side}'s folder as the command line did
    if [[ "$arg" == *"{side}"* ]]; then
      local mine="${arg//\{side\}/$side}"
      local text
      text="$(<"$work/out-$side.txt")"
      printf '%s\n' "${text//"$mine"/"$arg"}" >"$work/out-$side.txt"
    fi
  done
  walls[$side]="${walls[$side]:-} $(((end - start) / 1000000))"
  cpus[$side]="${cpus[$side]:-} $(awk '{printf "%d", ($1 + $2) * 1000}' "$work/cpu")"
}
median() { tr ' ' '\n' | grep . | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

for i in $(seq "$runs"); do
  if [ $((i % 2)) = 1 ]; then run A "$@"; run B "$@"; else run B "$@"; run A "$@"; fi
done
for side in A B; do
  echo "$side: median $(echo "${walls[$side]}" | median) ms wall, $(echo "${cpus[$side]}" | median) ms CPU  (runs:${walls[$side]})"
done
if cmp -s "$work/out-A.txt" "$work/out-B.txt"; then
  echo "same output"
else
  echo "OUTPUTS DIFFER (last run of each):"
  diff "$work/out-A.txt" "$work/out-B.txt" | head -10
  exit 1
fi
