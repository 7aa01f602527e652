#include "indexer/corpus/corpus_dir.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace medcode::indexer {
namespace {

bool is_directory(const std::string& path) {
  std::error_code error;
  return !path.empty() && std::filesystem::is_directory(path, error);
}

}  // namespace

Result<CorpusDir> resolve_corpus_dir(const CorpusDirInputs& inputs) {
  if (!inputs.flag_value.empty()) {
    if (!is_directory(inputs.flag_value)) {
      return Status::not_found("--corpus " + inputs.flag_value + ": no such directory");
    }
    return CorpusDir{inputs.flag_value, "--corpus"};
  }
  if (!inputs.env_value.empty()) {
    if (!is_directory(inputs.env_value)) {
      return Status::not_found("MEDCODE_CORPUS=" + inputs.env_value + ": no such directory");
    }
    return CorpusDir{inputs.env_value, "MEDCODE_CORPUS"};
  }
  for (const std::string& base : {inputs.working_dir, inputs.project_dir}) {
    if (base.empty()) continue;
    const std::string shared = (std::filesystem::path(base) / ".." / "shared" / "corpus")
                                   .lexically_normal()
                                   .string();
    if (is_directory(shared)) return CorpusDir{shared, "../shared/corpus"};
  }
  const std::string cache =
      (std::filesystem::path(inputs.project_dir) / "corpus" / "cache").lexically_normal().string();
  if (is_directory(cache)) return CorpusDir{cache, "corpus/cache"};
  return Status::not_found(
      "no corpus directory found: pass --corpus DIR, set MEDCODE_CORPUS, or download the "
      "official files with corpus/fetch (fills " + cache + ")");
}

CorpusDirInputs corpus_dir_inputs_from_environment(std::string flag_value) {
  CorpusDirInputs inputs;
  inputs.flag_value = std::move(flag_value);
  if (const char* env = std::getenv("MEDCODE_CORPUS")) inputs.env_value = env;
  std::error_code error;
  inputs.working_dir = std::filesystem::current_path(error).string();
  inputs.project_dir = MEDCODE_PROJECT_DIR;
  return inputs;
}

}  // namespace medcode::indexer
