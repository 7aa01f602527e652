// The curated morpheme table (corpus/morphemes.tsv), compiled into the indexer, which
// stores it in every index (schema kMorphemesKey) for the searcher's word formation.
#pragma once

#include <string_view>

namespace medcode::indexer {

std::string_view embedded_morpheme_table();

}  // namespace medcode::indexer
