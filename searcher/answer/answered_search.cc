#include "searcher/answer/answered_search.h"

#include "searcher/engine/searcher.h"

namespace medcode::searcher {

Result<AnsweredSearch> search_with_answer(const Searcher& searcher, SearchRequest request) {
  if (Status valid = validate_search_request(request); !valid.is_ok()) return valid;
  auto answer = answer_question(searcher, request.query);
  if (!answer.is_ok()) return answer.status();
  const std::string typed = request.query;
  const std::string about = results_query(answer.value().question);
  if (!about.empty()) request.query = about;
  auto response = searcher.search(request);
  if (!response.is_ok()) return response.status();
  AnsweredSearch result{std::move(response).value(), std::nullopt};
  result.response.query = typed;
  if (request.offset == 0 && answer.value().question.type != QuestionType::kNone) result.answer = std::move(answer).value();
  return result;
}

}  // namespace medcode::searcher
