#include "searcher/engine/internal/english_words.h"

#include <algorithm>

#include "common/schema.h"
#include "searcher/engine/internal/per_index_cache.h"

namespace medcode::searcher {

std::shared_ptr<const EnglishWords> EnglishWords::of(const Xapian::Database& database, const std::string& index_id) {
  return shared_per_index<EnglishWords>(index_id, [&database] {
    auto words = std::make_shared<EnglishWords>();
    words->text_ = database.get_metadata(std::string(schema::kEnglishWordsKey));
    std::string_view text(words->text_);
    words->words_.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
    for (std::size_t start = 0; start < text.size();) {
      const std::size_t end = std::min(text.find('\n', start), text.size());
      if (end > start) words->words_.push_back(text.substr(start, end - start));
      start = end + 1;
    }
    // The indexer writes them sorted; a hand-made index must not break lookups.
    if (!std::is_sorted(words->words_.begin(), words->words_.end())) std::sort(words->words_.begin(), words->words_.end());
    return std::shared_ptr<const EnglishWords>(std::move(words));
  });
}

bool EnglishWords::contains(std::string_view word) const {
  return std::binary_search(words_.begin(), words_.end(), word);
}

}  // namespace medcode::searcher
