#include "indexer/build/tabular_sort_key.h"

#include <cstdio>

namespace medcode::indexer {
namespace {

// Keys for the parts that follow one parent, in file order. A part is out of code order
// when it does not sort after the key before it, or when it sorts after the next part
// while that one follows the key before it (C43, C4A, C44: C4A is the one placed by
// meaning, not C44). Such a part's key is the key before it plus "~".
std::vector<std::string> sibling_keys(const std::vector<std::string>& parts) {
  std::vector<std::string> keys;
  std::string previous;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string& part = parts[i];
    const bool has_next = i + 1 < parts.size();
    const bool out_of_order = (!previous.empty() && part <= previous) ||
                              (has_next && part > parts[i + 1] && (previous.empty() || parts[i + 1] > previous));
    previous = out_of_order ? previous + "~" : part;
    keys.push_back(previous);
  }
  return keys;
}

}  // namespace

TabularOrder::TabularOrder(const std::vector<std::string>& codes) {
  // Each code's parent is the longest listed code it extends ("" for a category).
  std::unordered_map<std::string, std::vector<std::string>> children;  // parent -> codes
  std::vector<std::string> parents_in_order = {""};
  for (const auto& code : codes) {
    std::string parent;
    for (std::size_t length = code.size(); length-- > 1;) {
      if (children.count(code.substr(0, length))) {
        parent = code.substr(0, length);
        break;
      }
    }
    children[parent].push_back(code);
    if (children.emplace(code, std::vector<std::string>{}).second) parents_in_order.push_back(code);
  }
  // Parents come before their children in the order file, so their keys exist first.
  keys_[""] = "";
  for (const auto& parent : parents_in_order) {
    const auto& under = children[parent];
    if (under.empty()) continue;
    std::vector<std::string> parts;
    for (const auto& code : under) parts.push_back(code.substr(parent.size()));
    const std::vector<std::string> part_keys = sibling_keys(parts);
    const std::string& base = keys_[parent];
    for (std::size_t i = 0; i < under.size(); ++i) keys_[under[i]] = base + part_keys[i];
  }
  keys_.erase("");
}

std::string TabularOrder::key(const std::string& code) const {
  for (std::size_t length = code.size(); length > 0; --length) {
    auto found = keys_.find(code.substr(0, length));
    if (found != keys_.end()) return found->second + code.substr(length);
  }
  return code;
}

std::string position_sort_key(std::size_t position) {
  char key[24];
  std::snprintf(key, sizeof key, "%010zu", position);
  return key;
}

}  // namespace medcode::indexer
