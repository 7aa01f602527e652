#include "indexer/build/usage_prior.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "common/code_format.h"
#include "common/ranking_policy.h"

namespace medcode::indexer {

double usage_damping(const std::string& code) {
  if (code.size() < 3 || code[0] != 'Z') return 1.0;
  const int category = std::atoi(code.substr(1, 2).c_str());
  const bool status_or_exposure =
      category == 20 || category == 28 || category == 67 || category == 68 || category >= 77;
  return status_or_exposure ? ranking::kStatusCodeReportShare : 1.0;
}

void apply_usage_prior(std::vector<CodeRecord>& records, const std::map<std::string, std::uint64_t>& mentions) {
  std::unordered_map<std::string, double> category_total;
  std::unordered_map<std::string, int> category_billable;
  std::unordered_map<std::string, double> category_least;  // the least-reported billable code's weight
  std::unordered_map<std::string, double> weight;  // code -> damped count
  for (auto& record : records) {
    if (record.system != kIcd10Cm) continue;
    const auto found = mentions.find(record.code);
    record.times_reported = found == mentions.end() ? 0 : found->second;
    const double damped = static_cast<double>(record.times_reported) * usage_damping(record.code);
    weight[record.code] = damped;
    if (record.is_billable) {
      const std::string category = record.code.substr(0, 3);
      category_total[category] += damped;
      ++category_billable[category];
      if (damped > 0) {
        auto least = category_least.try_emplace(category, damped).first;
        least->second = std::min(least->second, damped);
      }
    }
  }
  // Never reported: back off to the category.
  for (auto& record : records) {
    if (record.system != kIcd10Cm || !record.is_billable || record.times_reported > 0) continue;
    const std::string category = record.code.substr(0, 3);
    const int billable = category_billable[category];
    if (billable == 0) continue;
    // Never above half the least-reported sibling: a code nobody reported ranks below them all.
    const auto least = category_least.find(category);
    const double cap = least == category_least.end() ? 0.0 : 0.5 * least->second;
    weight[record.code] = std::min(ranking::kUnreportedShare * category_total[category] / billable, cap);
  }
  // Headers take their best descendant's weight: walk each billable code's ancestors.
  std::unordered_map<std::string, const CodeRecord*> by_code;
  for (const auto& record : records) {
    if (record.system == kIcd10Cm) by_code[record.code] = &record;
  }
  for (const auto& record : records) {
    if (record.system != kIcd10Cm || !record.is_billable) continue;
    const double own = weight[record.code];
    for (std::string parent = record.parent; !parent.empty();) {
      auto& header = weight[parent];
      header = std::max(header, own);
      const auto up = by_code.find(parent);
      parent = up == by_code.end() ? "" : up->second->parent;
    }
  }
  double highest = 0;
  for (const auto& [code, w] : weight) highest = std::max(highest, w);
  if (highest <= 0) return;
  for (auto& record : records) {
    if (record.system != kIcd10Cm) continue;
    record.usage_prior = std::log1p(weight[record.code]) / std::log1p(highest);
  }
}

}  // namespace medcode::indexer
