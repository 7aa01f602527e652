#!/usr/bin/env bash
# Tests corpus/fetch against file:// URLs: a plain file, a file extracted from a zip, a
# kept file, and a sha256 mismatch that must fail without leaving the bad file behind; and the
# GEM rows' patterns: two rows naming members of one zip, two files extracted from one zip.
set -euo pipefail
root="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/publisher"
printf 'order file\n' > "$work/publisher/order.txt"
printf 'tables\n' > "$work/publisher/tables.xml"
(cd "$work/publisher" && zip -q bundle.zip tables.xml)
printf 'I9\r\n' > "$work/publisher/2018_I9gem.txt"
printf 'I10\r\n' > "$work/publisher/2018_I10gem.txt"
(cd "$work/publisher" && zip -q Dxgem_2018.zip 2018_I9gem.txt 2018_I10gem.txt)
printf 'i9pcs\r\n' > "$work/publisher/gem_i9pcs.txt"
printf 'pcsi9\r\n' > "$work/publisher/gem_pcsi9.txt"
(cd "$work/publisher" && zip -q pcs-gems.zip gem_i9pcs.txt gem_pcsi9.txt)
sha_dxgem=$(sha256sum "$work/publisher/Dxgem_2018.zip" | cut -d' ' -f1)
sha_i9pcs=$(sha256sum "$work/publisher/gem_i9pcs.txt" | cut -d' ' -f1)
sha_pcsi9=$(sha256sum "$work/publisher/gem_pcsi9.txt" | cut -d' ' -f1)
sha_order=$(sha256sum "$work/publisher/order.txt" | cut -d' ' -f1)
sha_tables=$(sha256sum "$work/publisher/tables.xml" | cut -d' ' -f1)
header=$'code_set\trelease\teffective\trole\tpath\tmember\tsha256\turl'
{
  echo "$header"
  printf 'icd10cm\tfy2026\t2025-10-01\torder\ticd10cm/fy2026/order.txt\t\t%s\tfile://%s\n' "$sha_order" "$work/publisher/order.txt"
  printf 'icd10pcs\tfy2026\t2025-10-01\ttables\ticd10pcs/fy2026/tables.xml\t\t%s\tfile://%s\n' "$sha_tables" "$work/publisher/bundle.zip"
  printf 'icd10cm\tfy2027\t2026-10-01\torder\ticd10cm/fy2027/order.txt\t\t%s\tfile://%s\n' "$sha_order" "$work/publisher/order.txt"
  printf 'icd10cm\tfy2018\t2017-10-01\tgem-forward\tgems/2018/Dxgem_2018.zip\t2018_I9gem.txt\t%s\tfile://%s\n' "$sha_dxgem" "$work/publisher/Dxgem_2018.zip"
  printf 'icd10cm\tfy2018\t2017-10-01\tgem-backward\tgems/2018/Dxgem_2018.zip\t2018_I10gem.txt\t%s\tfile://%s\n' "$sha_dxgem" "$work/publisher/Dxgem_2018.zip"
  printf 'icd10pcs\tfy2018\t2017-10-01\tgem-forward\tgems/2018/gem_i9pcs.txt\t\t%s\tfile://%s\n' "$sha_i9pcs" "$work/publisher/pcs-gems.zip"
  printf 'icd10pcs\tfy2018\t2017-10-01\tgem-backward\tgems/2018/gem_pcsi9.txt\t\t%s\tfile://%s\n' "$sha_pcsi9" "$work/publisher/pcs-gems.zip"
} > "$work/manifest.tsv"

MEDCODE_MANIFEST="$work/manifest.tsv" "$root/corpus/fetch" --release fy2026 "$work/cache" > "$work/out1"
cmp -s "$work/cache/icd10cm/fy2026/order.txt" "$work/publisher/order.txt" || { echo "plain file not fetched"; exit 1; }
cmp -s "$work/cache/icd10pcs/fy2026/tables.xml" "$work/publisher/tables.xml" || { echo "zip member not extracted"; exit 1; }
[ ! -e "$work/cache/icd10cm/fy2027" ] || { echo "--release fy2026 fetched fy2027"; exit 1; }
cmp -s "$work/cache/gems/2018/Dxgem_2018.zip" "$work/publisher/Dxgem_2018.zip" || { echo "GEM zip not fetched"; exit 1; }
cmp -s "$work/cache/gems/2018/gem_i9pcs.txt" "$work/publisher/gem_i9pcs.txt" || { echo "gem_i9pcs.txt not extracted"; exit 1; }
cmp -s "$work/cache/gems/2018/gem_pcsi9.txt" "$work/publisher/gem_pcsi9.txt" || { echo "gem_pcsi9.txt not extracted"; exit 1; }
[ "$(grep -c 'gems/2018/Dxgem_2018.zip' "$work/out1")" = 1 ] || { echo "shared zip fetched twice"; cat "$work/out1"; exit 1; }

MEDCODE_MANIFEST="$work/manifest.tsv" "$root/corpus/fetch" --release fy2026 "$work/cache" > "$work/out2"
grep -q '^ok       icd10cm/fy2026/order.txt$' "$work/out2" || { echo "verified file not kept"; cat "$work/out2"; exit 1; }

printf 'tampered\n' > "$work/publisher/order.txt"
rm -rf "$work/cache"
if MEDCODE_MANIFEST="$work/manifest.tsv" "$root/corpus/fetch" --code-set icd10cm --release fy2026 "$work/cache" 2> "$work/err3" > /dev/null; then
  echo "sha256 mismatch was accepted"; exit 1
fi
grep -q 'FAILED   icd10cm/fy2026/order.txt: sha256 ' "$work/err3" || { echo "no mismatch message"; cat "$work/err3"; exit 1; }
[ ! -e "$work/cache/icd10cm/fy2026/order.txt" ] || { echo "bad file left in cache"; exit 1; }
echo "corpus/fetch behaves"
