// The synonym table an index carries: curated lists plus the Alphabetic Index's "see"
// references, keyed by stemmed phrase (common/word_splitter.h synonym_key) and valued by
// search-form phrases. The searcher expands query spans with it.
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>

#include "indexer/sources/icd10cm_index_reader.h"
#include "indexer/sources/synonym_list_reader.h"

namespace medcode::indexer {

class SynonymTable {
 public:
  // Adds every row of a list (both ways when the list is bidirectional). source names a
  // vocabulary the pairs were mined from ("wordnet"); "" for curated lists.
  void add_list(const SynonymList& list, const std::string& source = "");

  // Adds main-term "see" references of the Alphabetic Index as synonyms: "Abdominalgia" see
  // "Pain, abdominal" makes "abdominalgia" expand to "pain abdominal", and a main term with
  // no code follows its "see also" ("Coxalgia, coxalgic" -> "pain joint hip", each spelling a
  // key). Generic targets ("see condition") are left out.
  void add_see_references(const IndexTerms& terms);

  // Adds one pair; both sides are normalized for search first. Returns false (and adds
  // nothing) when either side has no words or they are the same, or when a curated pair
  // already has the expansion. A mined pair's value records its source (schema.h).
  bool add(const std::string& term, const std::string& expansion, const std::string& source = "");

  // key -> values (expansion, or expansion TAB source), ready for
  // Xapian::WritableDatabase::add_synonym.
  const std::map<std::string, std::set<std::string>>& entries() const { return entries_; }
  std::size_t pair_count() const;

 private:
  std::map<std::string, std::set<std::string>> entries_;
};

}  // namespace medcode::indexer
