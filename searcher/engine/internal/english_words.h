// The English words an index carries (schema kEnglishWordsKey), for spelling correction
// that never rewrites a valid word. One copy per index is shared by every Searcher on it.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace medcode::searcher {

class EnglishWords {
 public:
  // The index's word list, loaded once per index instance (keyed by index_id).
  static std::shared_ptr<const EnglishWords> of(const Xapian::Database& database, const std::string& index_id);

  bool contains(std::string_view word) const;
  std::size_t size() const { return words_.size(); }

 private:
  std::string text_;                    // sorted words, one per line
  std::vector<std::string_view> words_;  // views into text_
};

}  // namespace medcode::searcher
