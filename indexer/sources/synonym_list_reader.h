// Reads one curated synonym list of corpus/synonyms/: tab-separated rows of
//   term <TAB> expansion[|expansion...] <TAB> comment
// '#' lines are comments; a "#! bidirectional" line makes every row work both ways
// (anatomical adjective <-> noun). Terms and expansions are stored as written.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "indexer/skip_log.h"

namespace medcode::indexer {

struct SynonymRow {
  std::string term;                     // "heart attack", "CHF"
  std::vector<std::string> expansions;  // {"myocardial infarction"}
  std::string location;                 // "lay_terms.tsv:12"
};

struct SynonymList {
  bool bidirectional = false;
  std::vector<SynonymRow> rows;
  SkipLog skipped;
};

// Parses a list. A row without a term or an expansion (fewer than 2 columns) is skipped
// and logged; the comment column is optional. Fails with
// kDataError on invalid UTF-8: "<name>:<line>:<col>: invalid UTF-8 (byte 0x..)".
Result<SynonymList> read_synonym_list(std::string_view bytes, const std::string& source_name);

}  // namespace medcode::indexer
