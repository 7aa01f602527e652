// Finds the corpus directory: --corpus DIR, else $MEDCODE_CORPUS, else ../shared/corpus
// (beside the working directory or the project), else corpus/cache that corpus/fetch fills.
#pragma once

#include <string>

#include "common/status.h"

namespace medcode::indexer {

struct CorpusDirInputs {
  std::string flag_value;   // --corpus, "" when not given
  std::string env_value;    // $MEDCODE_CORPUS, "" when unset
  std::string working_dir;  // the process's current directory
  std::string project_dir;  // the source tree the binary was built from
};

struct CorpusDir {
  std::string path;
  std::string chosen_by;  // "--corpus", "MEDCODE_CORPUS", "../shared/corpus", "corpus/cache"
};

// Returns the first candidate in the order above. A directory named by --corpus or
// MEDCODE_CORPUS must exist (kNotFound "--corpus /x: no such directory"); when no default
// exists either, kNotFound tells the user to run corpus/fetch or pass --corpus.
Result<CorpusDir> resolve_corpus_dir(const CorpusDirInputs& inputs);

// The inputs of this process: environment, current directory and compiled-in project dir.
CorpusDirInputs corpus_dir_inputs_from_environment(std::string flag_value);

}  // namespace medcode::indexer
