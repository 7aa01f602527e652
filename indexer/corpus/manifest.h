// The corpus manifest (corpus/manifest.tsv): which official release files exist, where they
// live in a corpus directory, their sha256 and their download URL. The copy in the source
// tree is compiled into the indexer, so a binary always knows the files it was built for.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace medcode::indexer {

struct ManifestFile {
  std::string code_set;   // "icd10cm"
  std::string release;    // "fy2026", "fy2026-april", "2025-oct"
  std::string effective;  // "2025-10-01"
  std::string role;       // "order", "tabular", "index", "eindex", "drug", "neoplasm", ...
  std::string path;       // relative to the corpus directory
  std::string member;     // zip member, or ""
  std::string sha256;     // 64 lower-case hex digits
  std::string url;
  int fiscal_year = 0;    // from release "fyYYYY..."; 0 when the release is not fiscal-year named
  std::string location;   // "manifest.tsv:12", for messages
};

// Parses manifest text; '#' lines and blank lines are ignored, the first other line must be
// the column header. Fails with kDataError "<name>:<line>: expected 8 tab-separated columns,
// found N", "<name>:<line>: sha256 \"..\" is not 64 hex digits", "<name>:<line>: effective
// date \"..\" is not YYYY-MM-DD", and the like.
Result<std::vector<ManifestFile>> parse_manifest(std::string_view text,
                                                 const std::string& source_name);

// The manifest compiled into this binary (corpus/manifest.tsv at build time).
std::string_view embedded_manifest();

}  // namespace medcode::indexer
