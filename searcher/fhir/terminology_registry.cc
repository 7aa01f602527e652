#include "searcher/fhir/terminology_registry.h"

#include <algorithm>
#include <string_view>
#include <cctype>

namespace medcode::searcher::fhir {
namespace {

std::vector<std::string> parts_of(const std::string& version) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = version.find('.', start);
    parts.push_back(version.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return parts;
}

bool is_number(const std::string& text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// The versions of one URL that match, latest last.
template <typename Map>
typename Map::mapped_type best_match(const Map& versions, const std::string& pattern) {
  std::vector<std::string> matching;
  for (const auto& [version, resource] : versions) {
    if (pattern.empty() || version_matches(pattern, version)) matching.push_back(version);
  }
  if (matching.empty()) return nullptr;
  // An exact version wins over a wider match.
  if (versions.count(pattern) != 0) return versions.at(pattern);
  return versions.at(*std::max_element(matching.begin(), matching.end(), version_less));
}

}  // namespace

bool version_matches(const std::string& pattern, const std::string& version) {
  if (pattern == version) return true;
  const std::vector<std::string> want = parts_of(pattern);
  const std::vector<std::string> have = parts_of(version);
  auto is_wildcard = [](const std::string& part) { return part == "x" || part == "*"; };
  // Without a wildcard part a version names itself only: "1" is not "1.0.0" (HL7's version
  // tests, as tx.fhir.org). A trailing wildcard covers the parts after it: "1.x" is "1.2.0".
  if (want.size() > have.size() || (want.size() < have.size() && !is_wildcard(want.back()))) return false;
  if (std::none_of(want.begin(), want.end(), is_wildcard)) return false;
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (is_wildcard(want[i])) continue;
    if (want[i] != have[i]) return false;
  }
  return true;
}

// A strict weak order over parts, as std::sort needs (a request's tx-resources choose the
// versions, so an inconsistent order would be a crash a client can cause): numbers by value
// (leading zeros ignored, then as written), before anything else; other parts as text.
bool part_less(const std::string& left, const std::string& right) {
  const bool left_number = is_number(left);
  const bool right_number = is_number(right);
  if (left_number != right_number) return left_number;
  if (!left_number) return left < right;
  const std::string_view a = std::string_view(left).substr(std::min(left.find_first_not_of('0'), left.size()));
  const std::string_view b = std::string_view(right).substr(std::min(right.find_first_not_of('0'), right.size()));
  if (a.size() != b.size()) return a.size() < b.size();
  if (a != b) return a < b;
  return left < right;
}

bool version_less(const std::string& a, const std::string& b) {
  const std::vector<std::string> left = parts_of(a);
  const std::vector<std::string> right = parts_of(b);
  for (std::size_t i = 0; i < std::min(left.size(), right.size()); ++i) {
    if (left[i] == right[i]) continue;
    return part_less(left[i], right[i]);
  }
  return left.size() < right.size();
}

std::pair<std::string, std::string> split_canonical(const std::string& canonical) {
  const std::size_t bar = canonical.find('|');
  if (bar == std::string::npos) return {canonical, ""};
  return {canonical.substr(0, bar), canonical.substr(bar + 1)};
}

void TerminologyRegistry::add_code_system(std::shared_ptr<const CodeSystemSource> code_system) {
  const CodeSystemInfo& info = code_system->info();
  code_systems_[info.url][info.version] = std::move(code_system);
}

void TerminologyRegistry::add_value_set(std::shared_ptr<const ValueSetResource> value_set) {
  const std::string url = value_set->url;
  const std::string version = value_set->version;
  value_sets_[url][version] = std::move(value_set);
}

const CodeSystemSource* TerminologyRegistry::code_system(const std::string& url, const std::string& version) const {
  auto found = code_systems_.find(url);
  if (found != code_systems_.end()) {
    if (auto best = best_match(found->second, version)) return best.get();
  }
  return fallback_ != nullptr ? fallback_->code_system(url, version) : nullptr;
}

std::vector<std::string> TerminologyRegistry::code_system_versions(const std::string& url) const {
  std::vector<std::string> versions = fallback_ != nullptr ? fallback_->code_system_versions(url) : std::vector<std::string>();
  if (auto found = code_systems_.find(url); found != code_systems_.end()) {
    for (const auto& [version, resource] : found->second) {
      if (std::find(versions.begin(), versions.end(), version) == versions.end()) versions.push_back(version);
    }
  }
  std::sort(versions.begin(), versions.end(), version_less);
  return versions;
}

const ValueSetResource* TerminologyRegistry::value_set(const std::string& url, const std::string& version) const {
  auto found = value_sets_.find(url);
  if (found != value_sets_.end()) {
    if (auto best = best_match(found->second, version)) return best.get();
  }
  return fallback_ != nullptr ? fallback_->value_set(url, version) : nullptr;
}

std::vector<std::string> TerminologyRegistry::value_set_versions(const std::string& url) const {
  std::vector<std::string> versions = fallback_ != nullptr ? fallback_->value_set_versions(url) : std::vector<std::string>();
  if (auto found = value_sets_.find(url); found != value_sets_.end()) {
    for (const auto& [version, resource] : found->second) {
      if (std::find(versions.begin(), versions.end(), version) == versions.end()) versions.push_back(version);
    }
  }
  std::sort(versions.begin(), versions.end(), version_less);
  return versions;
}

std::vector<const CodeSystemSource*> TerminologyRegistry::code_systems() const {
  std::vector<const CodeSystemSource*> all = fallback_ != nullptr ? fallback_->code_systems() : std::vector<const CodeSystemSource*>();
  for (const auto& [url, versions] : code_systems_) {
    for (const auto& [version, source] : versions) all.push_back(source.get());
  }
  return all;
}

}  // namespace medcode::searcher::fhir
