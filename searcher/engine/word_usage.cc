#include "searcher/engine/internal/word_usage.h"

#include <cstdlib>

#include "common/schema.h"
#include "common/tsv_fields.h"
#include "searcher/engine/internal/per_index_cache.h"

namespace medcode::searcher {

std::shared_ptr<const WordUsage> WordUsage::of(const Xapian::Database& database, const std::string& index_instance) {
  return shared_per_index<WordUsage>(index_instance, [&database] {
    auto usage = std::make_shared<WordUsage>();
    for (const auto& fields : tsv_rows(database.get_metadata(std::string(schema::kWordUsageKey)))) {
      // strtod: a damaged count reads as 0 rather than throwing.
      if (fields.size() == 2) usage->reports_[fields[0]] = std::strtod(fields[1].c_str(), nullptr);
    }
    return std::shared_ptr<const WordUsage>(std::move(usage));
  });
}

double WordUsage::reports(const std::string& word) const {
  const auto found = reports_.find(word);
  return found == reports_.end() ? 0.0 : found->second;
}

}  // namespace medcode::searcher
