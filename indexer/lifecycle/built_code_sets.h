// The code sets an index was built with, read back from its metadata, so that
// `medcode-indexer update` rebuilds those and no others (schema::kBuildCodeSetsKey).
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "indexer/build/index_build.h"

namespace medcode::indexer {

struct BuiltCodeSets {
  // Official code sets the build was asked for, in kAllCodeSets order; icd10cm always.
  std::vector<std::string> code_sets;
  // Imported code sets, each with the file it was read from (absolute when recorded).
  std::vector<LocalImport> imports;
  // False for an index built before the request was recorded: then code_sets are the
  // official sets it holds, and imports come from its list of sources.
  bool recorded = true;
};

// Reads what index_dir was built with. kDataError "<dir>: cannot be opened as an index:
// <Xapian's reason>" when it is not a readable index.
Result<BuiltCodeSets> read_built_code_sets(const std::string& index_dir);

// "icd10cm, hcpcs, cpt (import /data/cpt.tsv)": the sets, for a progress line.
std::string describe_code_sets(const std::vector<std::string>& code_sets, const std::vector<LocalImport>& imports);

}  // namespace medcode::indexer
