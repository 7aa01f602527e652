#!/usr/bin/env bash
# Builds the full index of the official corpus once per test run, as a user does
# (medcode-indexer build --index DIR), for the tests that need it: the docs examples and the
# real-corpus searches (ctest fixture real_corpus_index). Exits 77 (skipped) when there is no
# corpus; the tests that need the index then skip as well.
set -uo pipefail
indexer="$1"
index="$2"
# A stale index from an earlier run must not stand in for this build.
rm -rf -- "$index"
mkdir -p -- "$(dirname -- "$index")"
out="$("$indexer" build --index "$index" 2>&1)"
status=$?
if [ "$status" -eq 66 ] && grep -q "no corpus directory found" <<<"$out"; then
  echo "skipped: $out"
  exit 77
fi
printf '%s\n' "$out" | tail -n 6
exit "$status"
