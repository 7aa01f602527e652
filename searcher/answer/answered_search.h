// A search that answers a coding question too: what /v1/search and medcode-search run, so
// that both treat questions alike.
#pragma once

#include <optional>

#include "common/status.h"
#include "searcher/answer/answer.h"
#include "searcher/engine/search_request.h"
#include "searcher/engine/search_response.h"

namespace medcode::searcher {

struct AnsweredSearch {
  SearchResponse response;       // query: the text as typed
  std::optional<Answer> answer;  // a question's answer, on the first page only
};

// Validates request as typed (Searcher::search's errors). For a coding question the results
// are for what it asks about (results_query: its subject words, or the code it names) and
// the first page carries the answer; anything else is the plain search.
Result<AnsweredSearch> search_with_answer(const Searcher& searcher, SearchRequest request);

}  // namespace medcode::searcher
