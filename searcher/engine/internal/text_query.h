// Turns a normalized free-text query into the Xapian query the engine ranks with, and
// finds its spelling correction. The whole ranking recipe lives here; docs/RANKING.md
// explains it.
#pragma once

#include <xapian.h>

#include <string>

namespace medcode::searcher {

struct TextQuery {
  Xapian::Query query;
  std::string corrected_text;  // Xapian's spelling suggestion, "" when none
};

// Not thread-safe (Xapian::QueryParser keeps state); one per Searcher.
class TextQueryBuilder {
 public:
  TextQueryBuilder() = default;
  explicit TextQueryBuilder(const Xapian::Database& database);

  // normalized: output of normalize_for_search. Never throws for any user text.
  TextQuery build(const std::string& normalized) const;

 private:
  mutable Xapian::QueryParser parser_;
};

}  // namespace medcode::searcher
