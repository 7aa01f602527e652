// Records the source records a reader or the builder had to skip, so the build summary can
// report how many and where the first ones are (and --strict can refuse them).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace medcode::indexer {

class SkipLog {
 public:
  // How many skips keep their location and reason; later ones are only counted.
  static constexpr std::size_t kKeptExamples = 5;

  // location: "file:line"; reason: what was wrong, e.g. "code \"X\" is not ICD-10-CM shaped".
  void add(std::string location, std::string reason);
  void merge(const SkipLog& other);

  std::size_t count() const { return count_; }
  // "file:line: reason" of the first kKeptExamples skips.
  const std::vector<std::string>& examples() const { return examples_; }

 private:
  std::size_t count_ = 0;
  std::vector<std::string> examples_;
};

}  // namespace medcode::indexer
