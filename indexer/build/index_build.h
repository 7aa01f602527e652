// Builds a complete medcode index for one release: resolve the corpus, pick and verify the
// release's files, read each with its reader, merge into records, write them to a scratch
// directory and swap it into place. This is what `medcode-indexer build` runs.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "common/status.h"
#include "indexer/skip_log.h"

namespace medcode::indexer {

struct BuildProgress {
  std::string stage;      // "reading tabular", "writing index"
  std::size_t done = 0;   // units finished in this stage
  std::size_t total = 0;  // 0 when unknown
};

// A code set from a user's own licensed or local file (docs/IMPORT.md).
struct LocalImport {
  std::string system;  // "cpt", "payer-x": is_valid_system_name
  std::string path;    // .tsv, .jsonl or .ndjson
};

// The code sets a build can include; all by default.
inline const std::vector<std::string> kAllCodeSets = {"icd10cm", "icd10pcs", "hcpcs", "guidelines"};

struct BuildOptions {
  std::string corpus_dir;     // --corpus; "" resolves MEDCODE_CORPUS, ../shared/corpus, cache
  std::string release = "fy2026";  // ICD-10-CM release whose order file defines the codes
  std::string index_dir;      // where the finished index ends up (required)
  std::string manifest_path;  // "" uses the manifest compiled into the binary
  bool strict = false;        // fail instead of skipping malformed records
  // Which official code sets to include (icd10cm is always built: the others link to it).
  std::vector<std::string> code_sets = kAllCodeSets;
  std::vector<LocalImport> imports;
  // Update instead of build: start from this index and rewrite only the documents whose
  // content changed (medcode-indexer update). "" builds from nothing.
  std::string base_index_dir;
  // Leave-out evaluation (indexer/build/leave_out.h): when set, a fixed 10% of the
  // Alphabetic Index entries and inclusion terms stay out of the index and are written to
  // this file as queries.
  std::string leave_out_path;
  // The English word list that tells spelling correction what not to correct; "" for the
  // default (indexer/build/english_words.h). A missing list is a notice, not an error.
  std::string word_list_path;
  std::function<void(const BuildProgress&)> on_progress;  // optional; called often
};

// What one source contributed.
struct SourceReport {
  std::string code_set;  // "icd10cm", "icd10pcs", "hcpcs", "guidelines", or an import's system
  std::string role;     // "order", "tabular", ...
  std::string file;     // display name, with zip member
  std::string release;  // "fy2021"
  std::size_t records = 0;
  SkipLog skipped;
};

// What one code set put into the index.
struct CodeSetSummary {
  std::string code_set;
  std::string release;   // "fy2026", "2025-oct", or the imported file
  std::size_t documents = 0;
  std::size_t billable = 0;
  double seconds = 0;    // reading, merging and writing this set
  std::string detail;    // e.g. "116,807 index links; 2,120 synonyms"
};

// A release whose codes the index knows (what search with release= accepts).
struct KnownRelease {
  std::string system;          // "icd10cm"
  std::string release;         // "fy2025"
  std::string effective_date;  // "2024-10-01"
};

struct BuildReport {
  std::string corpus_dir;
  std::string corpus_chosen_by;
  std::string release;
  std::vector<SourceReport> sources;
  std::vector<CodeSetSummary> code_sets;
  std::vector<KnownRelease> known_releases;  // oldest first per system
  std::vector<std::string> notices;  // fallbacks to older files
  std::size_t documents = 0;
  // An update's work: documents written (new or changed), unchanged, and deleted.
  std::size_t documents_written = 0;
  std::size_t documents_unchanged = 0;
  std::size_t documents_deleted = 0;
  std::size_t attached_to_ancestor = 0;
  SkipLog unattached;  // enrichment whose code and category no longer exist
  double seconds = 0;
  unsigned long long index_bytes = 0;

  std::size_t skipped_total() const;
};

// Builds and publishes the index. On any failure the previous index at index_dir is left
// untouched and the scratch directory removed. Errors carry the file and position, e.g.
// kDataError "…/icd10cm_tabular_2021.xml:12:5: malformed XML: …", kNotFound for a missing
// file, kDataError for a sha256 mismatch, and with strict, kDataError "N records skipped;
// first: <file:line: reason>".
Result<BuildReport> build_index(const BuildOptions& options);

}  // namespace medcode::indexer
