// Splits search-form text (see text_normalizer.h) into words the way Xapian's
// TermGenerator does when indexing, so query-side code can name the exact terms that exist,
// and defines the stemmed key under which synonyms are stored (schema: synonym table).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace medcode {

// Words of normalized text: runs of letters and digits; an apostrophe inside a word stays
// ("crohn's"), a trailing one goes ("colles'"); "." or "," between digits stays ("1.5").
// Everything else separates: "covid-19" -> {"covid", "19"}, "s/p" -> {"s", "p"}.
std::vector<std::string> split_words(std::string_view normalized);

// The synonym table key of a phrase: its words without stop words, each stemmed by stem
// unless it starts with a digit (TermGenerator never stems those), joined by single spaces.
// Stop words stay when dropping them would leave one letter or less ({"s", "p"} -> "s p").
// Indexer and searcher both call this with Xapian's English stemmer:
// {"heart", "attacks"} -> "heart attack", {"ringing", "in", "the", "ears"} -> "ring ear".
std::string synonym_key(const std::vector<std::string>& words,
                        const std::function<std::string(const std::string&)>& stem);

// The concept key of a set of words, order-free: the stems of its non-stop words, sorted,
// without repeats, joined by single spaces. "fracture of the wrist" and "wrist fractures"
// share "fractur wrist". The index stores one per Alphabetic Index main term and subterm
// (schema kConceptTermPrefix); the searcher looks up the query's.
std::string concept_key(const std::vector<std::string>& words,
                        const std::function<std::string(const std::string&)>& stem);

}  // namespace medcode
