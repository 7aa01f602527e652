// What a search returns: ranked hits with their display data, the total, and the corrected
// query when spelling correction was used ("did you mean").
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace medcode::searcher {

enum class MatchKind {
  kCode,  // the query was this code, or a prefix of it
  kText,  // the query's words matched this code's text
};

struct SearchHit {
  std::string system;  // "icd10cm"
  std::string code;    // official display form: "I21.9"
  std::string title;
  bool is_billable = false;
  // 0-100: 100 for the code typed, 90 for its descendants; for text, the match's weight
  // relative to the query's best match (100). Comparable only within one response.
  int score = 0;
  MatchKind match = MatchKind::kText;
};

struct SearchResponse {
  std::string query;            // as given
  std::string corrected_query;  // "" unless the results are for a spelling correction
  std::size_t total = 0;        // estimated number of matches
  std::vector<SearchHit> hits;
};

// Autocomplete: whole phrases the user may mean, and the codes that best match so far.
struct SuggestResponse {
  std::string query;
  std::vector<std::string> completions;  // "acute myocardial", "acute myeloid", ...
  std::vector<SearchHit> codes;
};

}  // namespace medcode::searcher
