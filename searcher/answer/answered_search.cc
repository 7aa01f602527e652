#include "searcher/answer/answered_search.h"

#include "searcher/engine/searcher.h"

namespace medcode::searcher {

Result<AnsweredSearch> search_with_answer(const Searcher& searcher, SearchRequest request) {
  if (Status valid = validate_search_request(request); !valid.is_ok()) return valid;
  auto question = read_question(searcher, request.query);
  if (!question.is_ok()) return question.status();
  const std::string typed = request.query;
  const std::string about = results_query(question.value());
  if (!about.empty()) request.query = about;
  auto response = searcher.search(request);
  if (!response.is_ok()) return response.status();
  AnsweredSearch result{std::move(response).value(), std::nullopt};
  result.response.query = typed;
  // Only the first page shows the answer, so only it builds one.
  if (request.offset == 0 && question.value().type != QuestionType::kNone) {
    auto answer = answer_read_question(searcher, question.value());
    if (!answer.is_ok()) return answer.status();
    result.answer = std::move(answer).value();
  }
  return result;
}

}  // namespace medcode::searcher
