// The curated synonym lists of corpus/synonyms/, compiled into the indexer at build time so
// an installed binary needs no source tree.
#pragma once

#include <string_view>
#include <vector>

namespace medcode::indexer {

struct CuratedList {
  std::string_view name;  // file name, e.g. "lay_terms.tsv"
  std::string_view text;  // its content
};

// Every list, in file-name order.
const std::vector<CuratedList>& curated_synonym_lists();

}  // namespace medcode::indexer
