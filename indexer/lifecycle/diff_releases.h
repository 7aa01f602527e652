// `medcode-indexer diff`: loads two releases' order files (and the newer release's order
// addenda) through the manifest, diffs them and checks the diff against the addenda.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "indexer/lifecycle/release_diff.h"

namespace medcode::indexer {

struct DiffOptions {
  std::string corpus_dir;     // "" resolves as for a build
  std::string manifest_path;  // "" uses the built-in manifest
  std::string code_set = "icd10cm";  // icd10cm or icd10pcs: the sets with order files
  std::string from_release;   // "fy2025"
  std::string to_release;     // "fy2026"
};

struct DiffResult {
  ReleaseDiff diff;
  std::vector<AddendaCheck> checks;  // empty when the newer release ships no addenda
  bool has_addenda = false;
};

// Errors as for a build: an unknown release (kInvalidArgument naming the known ones), a
// missing file (kNotFound), a sha256 mismatch or malformed file (kDataError).
Result<DiffResult> diff_releases(const DiffOptions& options);

}  // namespace medcode::indexer
