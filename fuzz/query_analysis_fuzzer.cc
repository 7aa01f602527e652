// libFuzzer target over what a typed query goes through: UTF-8 checks, normalization, code
// detection, the question grammar, note references, and the engine's search, suggest and
// answer on the fixture index (synonyms, spelling correction, the index walk).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "common/code_format.h"
#include "common/text_normalizer.h"
#include "searcher/answer/answer.h"
#include "searcher/answer/note_references.h"
#include "searcher/answer/question.h"
#include "searcher/engine/searcher.h"
#include "fuzz/fixture_index.h"

namespace {

using namespace medcode;
using namespace medcode::searcher;
using medcode::fuzzing::fixture_searcher;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  (void)normalize_for_search(text);
  (void)code_candidates(text);
  (void)compact_code(text);
  const Question question = parse_question(text);
  (void)results_query(question);
  (void)note_names_code(text, "I10");
  const std::shared_ptr<const Searcher> current = fixture_searcher().current();
  const Searcher& searcher = *current;
  SearchRequest request;
  request.query = text;
  request.with_snippets = true;
  (void)searcher.search(request);
  request.include_deleted = true;
  request.release = "fy2025";
  (void)searcher.search(request);
  SuggestRequest suggest;
  suggest.query = text;
  (void)searcher.suggest(suggest);
  (void)answer_question(searcher, text);
  return 0;
}
