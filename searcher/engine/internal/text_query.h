// Turns a normalized free-text query into the Xapian query the engine ranks with: spelling
// correction of unknown words, synonym expansion of phrases, and the ranking recipe of
// docs/RANKING.md. This file and text_query.cc are the one place ranking is decided.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

#include "searcher/engine/internal/code_priors.h"
#include "searcher/engine/internal/english_words.h"
#include "searcher/engine/morphology.h"

namespace medcode::searcher {

struct TextQuery {
  Xapian::Query query;         // empty when the text has no searchable words
  Xapian::Query fallback;      // any single word of any expansion: for when query finds nothing
  std::string corrected_text;  // the query with unknown words corrected; "" when none were
};

// Holds a reference to the database it was made with. Not thread-safe (shares the
// Searcher's Database).
class TextQueryBuilder {
 public:
  // index_instance: what identifies this index for EnglishWords::of (its English words, which
  // are loaded the first time a word might be corrected); priors: its codes' usage priors
  // and reporting flags, never null.
  TextQueryBuilder(const Xapian::Database& database, std::string index_instance,
                   std::shared_ptr<const CodePriors> priors);

  // normalized: output of normalize_for_search. Never throws for any user text.
  TextQuery build(const std::string& normalized) const;

 private:
  struct Span;
  bool is_known(const std::string& word) const;
  std::vector<std::string> corrected(const std::vector<std::string>& words, bool& changed) const;
  std::vector<Span> spans_of(const std::vector<std::string>& words) const;
  Xapian::Query word_query(const std::string& word, const std::string& prefix) const;
  Xapian::Query words_query(const std::vector<std::string>& words, const std::string& prefix) const;
  Xapian::Query span_query(const Span& span, const std::string& prefix) const;
  std::vector<std::string> concept_terms(const std::vector<const Span*>& spans) const;
  Xapian::Query concept_query(const std::vector<Span>& spans) const;
  std::vector<std::string> head_concept_words(const std::vector<Span>& spans) const;

  const Xapian::Database& database_;
  Xapian::Stem stemmer_;
  bool is_english(const std::string& word) const;

  std::string index_instance_;
  mutable std::shared_ptr<const EnglishWords> english_;  // loaded on first use
  std::shared_ptr<const CodePriors> priors_;
  Morphology morphology_;
};

}  // namespace medcode::searcher
