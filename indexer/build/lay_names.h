// "Also called" names of a code, for its page: the curated lay-name, eponym and
// abbreviation phrases (corpus/synonyms/) whose expansion names the same concept as the
// code's title or one of its own Alphabetic Index entries (main term, or main term and up to
// two subterms). Each is labelled with its list; nothing is made up, so a code no list
// names gets none.
#pragma once

#include <vector>

#include "common/code_record.h"

namespace medcode::indexer {

// At most this many names per code, in list order.
inline constexpr std::size_t kMaxAlsoCalled = 8;

// Adds an attribute {kAlsoCalledAttribute, "heart attack", "lay terms (corpus/synonyms/
// lay_terms.tsv)"} per name to each ICD-10-CM record whose entries a phrase's expansion names.
void attach_lay_names(std::vector<CodeRecord>& records);

}  // namespace medcode::indexer
