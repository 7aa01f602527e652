// Chooses, for one release of one code set, which manifest file serves each role, and
// checks each chosen file's sha256 before anything reads it.
// The order file (the first required role) must be of the release itself; enrichment roles (tabular, index, ...) take
// the newest file of that fiscal year or earlier that is present in the corpus.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "indexer/corpus/manifest.h"
#include "indexer/sources/source_bytes.h"

namespace medcode::indexer {

struct SelectedSource {
  ManifestFile file;
  SourceLocation location;  // absolute path (+ zip member) inside the corpus directory
};

struct ReleaseSources {
  std::string code_set;
  std::string release;
  int fiscal_year = 0;
  std::vector<SelectedSource> sources;  // one per role found, order first
  std::vector<std::string> notices;     // "eindex: fy2026-april not in corpus, using fy2025"

  // The source for a role, or nullptr when no file of that role is present.
  const SelectedSource* find(const std::string& role) const;
};

// Selects files for code_set/release from the manifest. required_roles must all be found
// (kNotFound "<code_set> <release>: no <role> file in <corpus>; expected <path> (run
// corpus/fetch)"); optional_roles are taken when present. An unknown release fails with
// kInvalidArgument listing the releases the manifest has.
Result<ReleaseSources> select_release_sources(const std::vector<ManifestFile>& manifest,
                                              const std::string& corpus_dir,
                                              const std::string& code_set,
                                              const std::string& release,
                                              const std::vector<std::string>& required_roles,
                                              const std::vector<std::string>& optional_roles);

// Checks the sha256 of every selected file (each distinct file once). Fails with kDataError
// "<path>: sha256 is <x> but the manifest (<loc>) expects <y>; the file is damaged or not
// the official release: fetch it again with corpus/fetch".
Status verify_release_sources(const ReleaseSources& sources);

}  // namespace medcode::indexer
