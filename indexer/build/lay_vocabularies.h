// The open lay-language vocabularies mined into the synonym table at build time: HPO's
// layperson synonyms and the Symptom Ontology (shared/vocab, verified by sha256) and the
// medical senses of WordNet (Debian's wordnet-base). A missing one is a notice: the index is
// built without it.
#pragma once

#include <string>

#include "indexer/build/build_steps.h"

namespace medcode::indexer {

// Where the vocabularies are: $MEDCODE_VOCAB, else the vocab folder beside the corpus.
std::string vocabulary_dir(const std::string& corpus_dir);

// Adds every vocabulary found to context.synonyms, one report line and one sources line each.
Status add_lay_vocabularies(BuildContext& context);

}  // namespace medcode::indexer
