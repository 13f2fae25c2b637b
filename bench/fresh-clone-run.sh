#!/usr/bin/env bash
# Issue #19's check, as a new user would do it: a fresh clone of this repository's main branch into DIR, then
#   ./expat up; bench/usage-burst.sh 300 4; ./expat test; ./expat down
# with the duration of each step written to DIR.times (and each step's output to DIR.<step>.log).
# Usage: bench/fresh-clone-run.sh DIR      (stop any other stack first: the ports are the same)
set -uo pipefail
SOURCE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
DIR=${1:?usage: bench/fresh-clone-run.sh DIR}
rm -rf "$DIR" && git clone -q --branch main "$SOURCE" "$DIR" && cd "$DIR" || exit 1
git log --oneline -1 >"$DIR.times"
step() { local name=$1 t0=$SECONDS rc; shift; "$@" >"$DIR.$name.log" 2>&1; rc=$?
  echo "$name rc=$rc $((SECONDS - t0)) s" >>"$DIR.times"; return "$rc"; }
step up ./expat up && step burst bench/usage-burst.sh 300 4 && step test ./expat test
rc=$?
step down ./expat down
cat "$DIR.times"
exit "$rc"
