// Reads the ICD-10-PCS Index XML (<ICD10PCS.index>): main terms and nested terms leading
// to a full code (<code>), a code prefix (<codes>, <see><codes>, <tab>), or another term
// (<see>, <use>: "Abdominal aortic plexus" use "Abdominal Sympathetic Nerve").
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "indexer/skip_log.h"

namespace medcode::indexer {

struct PcsIndexEntry {
  std::vector<std::string> path;  // {"Abortion", "Laminaria"}
  std::string code_prefix;  // 3 to 7 characters: every valid code starting with it; "" if none
  std::string see;          // "Resection, Appendix"
  std::string use;          // "Abdominal Sympathetic Nerve"
  std::string location;     // "file:line"
};

struct PcsIndex {
  std::vector<PcsIndexEntry> entries;
  SkipLog skipped;
};

// A code prefix that is not 3-7 PCS characters is logged as skipped and the entry kept
// without it. Fails with kDataError on invalid UTF-8, malformed XML, a root other than
// <ICD10PCS.index>, or no main terms.
Result<PcsIndex> read_icd10pcs_index(std::string bytes, const std::string& source_name);

}  // namespace medcode::indexer
