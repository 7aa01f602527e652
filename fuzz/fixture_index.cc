#include "fuzz/fixture_index.h"

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "tests/support/fixture_corpus.h"

namespace medcode::fuzzing {

searcher::ReloadingSearcher& fixture_searcher() {
  static const std::unique_ptr<searcher::ReloadingSearcher> opened = [] {
    auto result = searcher::ReloadingSearcher::open(testing::shared_fixture_index());
    if (!result.is_ok()) {
      std::fprintf(stderr, "fuzz target setup failed: fixture index: %s\n", result.status().to_string().c_str());
      std::exit(2);
    }
    return std::move(result).value();
  }();
  return *opened;
}

}  // namespace medcode::fuzzing

// libFuzzer calls this once before the first input: the index is built before fuzzing, so
// its build time is not counted against the first input's timeout.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  medcode::fuzzing::fixture_searcher();
  return 0;
}
