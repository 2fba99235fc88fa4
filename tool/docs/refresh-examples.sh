#!/usr/bin/env bash
# Reruns every example in a doc's ```console blocks and writes the real output back under its command.
# Usage: tool/docs/refresh-examples.sh [DOC...]   (default docs/query.md), from anywhere in the repository.
# A block is refreshed when its first line is "$ ./tracker ..."; the command runs from the repository
# root (stdout and stderr together, as a terminal shows them) and the lines after it are replaced.
# The sentence "on YYYY-MM-DD (`git log -1` then was `HASH`)" is brought up to the commit that answered.
# Review the result with `git diff` before committing: an example whose answer changed may need its prose changed too.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
docs=("$@"); [ ${#docs[@]} -gt 0 ] || docs=(docs/query.md)
./tracker --version >/dev/null 2>&1   # builds the tool first, so "building the tool" never lands in a doc
export NO_COLOR=1 TERM=dumb LC_ALL=C.UTF-8
today="$(git log -1 --format=%cs)"; head="$(git rev-parse --short=7 HEAD)"
for doc in "${docs[@]}"; do
  out="$(mktemp)"
  in_block=0; skipping=0
  while IFS= read -r line || [ -n "$line" ]; do
    if [ $skipping = 1 ]; then
      if [ "$line" = '```' ]; then skipping=0; printf '%s\n' "$line" >>"$out"; fi
      continue
    fi
    if [ $in_block = 1 ]; then
      in_block=0
      if [[ "$line" == '$ ./tracker '* ]]; then
        printf '%s\n' "$line" >>"$out"
        echo "refresh-examples: ${line#\$ }" >&2
        (bash -c "${line#\$ }" 2>&1 || true) | sed -e 's/\x1b\[[0-9;]*m//g' >>"$out"
        skipping=1
        continue
      fi
    fi
    [ "$line" = '```console' ] && in_block=1
    printf '%s\n' "$line" >>"$out"
  done <"$doc"
  sed -i -E "s/on [0-9]{4}-[0-9]{2}-[0-9]{2} \(\`git log -1\` then was \`[0-9a-f]{7,}\`\)/on $today (\`git log -1\` then was \`$head\`)/" "$out"
  mv "$out" "$doc"
done
