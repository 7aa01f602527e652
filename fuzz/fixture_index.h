// The fixture index the fuzz targets search: built once per process, in LLVMFuzzerInitialize
// (fixture_index.cc), into a temporary directory from the test fixtures
// (tests/support/fixture_corpus.h), and opened once.
#pragma once

#include "searcher/engine/reloading_searcher.h"

namespace medcode::fuzzing {

// The fixture index opened as the server opens it; exits with a message when it cannot be
// built or opened (a fuzz target that cannot set up must not fuzz).
searcher::ReloadingSearcher& fixture_searcher();

}  // namespace medcode::fuzzing
