// Autocomplete over one database: completes the last, partly typed word from the title
// vocabulary, preferring words the best matches for the earlier words use, and builds the
// query for the completed phrase. Kept apart from Searcher so the rules sit in one place.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "searcher/engine/internal/text_query.h"
#include "searcher/engine/internal/word_usage.h"

namespace medcode::searcher {

struct Completions {
  std::vector<std::string> phrases;  // earlier words + a completion of the last word
  Xapian::Query query;               // the ranking query for the first phrase
};

// words: the query's words; partial: whether the last one is still being typed; stemmer:
// the caller's own (a Xapian::Stem must not be shared between threads); usage: how often
// the codes using each word are reported (may be null).
// Never throws for user text; Xapian errors from the database propagate.
Completions complete(const Xapian::Database& database, const Xapian::Stem& stemmer,
                     const TextQueryBuilder& text_query, const WordUsage* usage,
                     const std::vector<std::string>& words, bool partial, std::size_t limit);

}  // namespace medcode::searcher
