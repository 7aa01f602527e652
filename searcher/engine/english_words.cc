#include "searcher/engine/internal/english_words.h"

#include <algorithm>
#include <map>
#include <mutex>

#include "common/schema.h"

namespace medcode::searcher {

std::shared_ptr<const EnglishWords> EnglishWords::of(const Xapian::Database& database, const std::string& index_id) {
  static std::mutex mutex;
  static std::map<std::string, std::weak_ptr<const EnglishWords>> loaded;
  std::lock_guard<std::mutex> lock(mutex);
  if (auto shared = loaded[index_id].lock()) return shared;
  auto words = std::make_shared<EnglishWords>();
  words->text_ = database.get_metadata(std::string(schema::kEnglishWordsKey));
  std::string_view text(words->text_);
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    if (end > start) words->words_.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  // The indexer writes them sorted; sort anyway so a hand-made index cannot break lookups.
  std::sort(words->words_.begin(), words->words_.end());
  // Forget indexes no Searcher uses any more.
  for (auto it = loaded.begin(); it != loaded.end();) it = it->second.expired() ? loaded.erase(it) : std::next(it);
  loaded[index_id] = words;
  return words;
}

bool EnglishWords::contains(std::string_view word) const {
  return std::binary_search(words_.begin(), words_.end(), word);
}

}  // namespace medcode::searcher
