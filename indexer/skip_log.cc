#include "indexer/skip_log.h"

namespace medcode::indexer {

void SkipLog::add(std::string location, std::string reason) {
  ++count_;
  if (examples_.size() < kKeptExamples) examples_.push_back(location + ": " + reason);
}

void SkipLog::merge(const SkipLog& other) {
  count_ += other.count_;
  for (const auto& example : other.examples_) {
    if (examples_.size() < kKeptExamples) examples_.push_back(example);
  }
}

}  // namespace medcode::indexer
