#!/usr/bin/env bash
# Checks #include lines against the module rules (STYLE.md section 1): common includes no
# other module; indexer and searcher never include each other; the engine never sees
# Beast, RapidJSON or ProgramOptions; internal/ headers stay inside their module.
set -u
root="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
cd "$root" || exit 2
failures=0
fail() { echo "include rule broken: $1"; failures=$((failures + 1)); }

while IFS= read -r line; do fail "$line (common may include std and ICU only)"; done \
  < <(grep -rnE '#include "(indexer|searcher)/' common || true)
while IFS= read -r line; do fail "$line (indexer must not include searcher)"; done \
  < <(grep -rnE '#include "searcher/' indexer || true)
while IFS= read -r line; do fail "$line (searcher must not include indexer)"; done \
  < <(grep -rnE '#include "indexer/' searcher || true)
while IFS= read -r line; do fail "$line (the engine never sees HTTP, JSON or flags)"; done \
  < <(grep -rnE '#include <(boost/beast|boost/program_options|rapidjson)' searcher/engine || true)
while IFS= read -r line; do fail "$line (public headers keep Xapian, ICU, Beast, RapidJSON out)"; done \
  < <(grep -rnE '#include <(xapian|unicode/|boost/beast|rapidjson)' --include='*.h' common indexer searcher \
        | grep -v '/internal/' || true)
for module in common indexer searcher; do
  while IFS= read -r line; do fail "$line (internal/ headers are private to their module)"; done \
    < <(grep -rnE '#include "[a-z]+/.*internal/' --include='*.cc' --include='*.h' . \
          | grep -v "^./$module/" | grep -E "\"$module/.*internal/" || true)
done

if [ "$failures" -gt 0 ]; then
  echo "$failures include rule(s) broken"
  exit 1
fi
echo "include rules hold"
