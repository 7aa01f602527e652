// How often the codes using each title word are reported (schema kWordUsageKey), read once
// per index the first time autocomplete needs it: completions of equal standing go to the
// words coders use most ("dia" -> diabetes before diagnostic).
#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <unordered_map>

namespace medcode::searcher {

class WordUsage {
 public:
  static std::shared_ptr<const WordUsage> of(const Xapian::Database& database, const std::string& index_instance);

  // Times the codes with word in their title were reported; 0 for words no counted code has.
  double reports(const std::string& word) const;

 private:
  std::unordered_map<std::string, double> reports_;
};

}  // namespace medcode::searcher
