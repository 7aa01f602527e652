#include "searcher/fhir/resource_code_system.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <set>

namespace medcode::searcher::fhir {
namespace {

std::string ascii_lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80)) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

bool words_start(const std::vector<std::string>& wanted, const std::string& text) {
  const std::vector<std::string> have = words_of(text);
  return std::all_of(wanted.begin(), wanted.end(), [&](const std::string& want) {
    return std::any_of(have.begin(), have.end(), [&](const std::string& word) { return word.rfind(want, 0) == 0; });
  });
}

}  // namespace

bool matches_text(const Concept& term, const std::string& text) {
  const std::vector<std::string> wanted = words_of(text);
  if (wanted.empty()) return true;
  if (words_start(wanted, term.display) || words_start(wanted, term.code)) return true;
  return std::any_of(term.designations.begin(), term.designations.end(),
                     [&](const Designation& designation) { return words_start(wanted, designation.value); });
}

ResourceCodeSystem::ResourceCodeSystem(CodeSystemInfo info, std::vector<Concept> concepts)
    : info_(std::move(info)), concepts_(std::move(concepts)) {
  for (std::size_t i = 0; i < concepts_.size(); ++i) {
    by_code_.emplace(concepts_[i].code, i);
    by_folded_code_.emplace(ascii_lower(concepts_[i].code), i);
  }
  // "parent" properties and nesting give one hierarchy; make both directions agree.
  for (Concept& term : concepts_) {
    for (const std::string& parent : term.parents) {
      auto found = by_code_.find(parent);
      if (found == by_code_.end()) continue;
      auto& siblings = concepts_[found->second].children;
      if (std::find(siblings.begin(), siblings.end(), term.code) == siblings.end()) siblings.push_back(term.code);
    }
  }
  for (Concept& term : concepts_) {
    for (const std::string& child : term.children) {
      auto found = by_code_.find(child);
      if (found == by_code_.end()) continue;
      auto& parents = concepts_[found->second].parents;
      if (std::find(parents.begin(), parents.end(), term.code) == parents.end()) parents.push_back(term.code);
    }
  }
}

const Concept* ResourceCodeSystem::concept_of(const std::string& code) const {
  auto found = by_code_.find(code);
  if (found != by_code_.end()) return &concepts_[found->second];
  if (!info_.case_sensitive) {
    auto folded = by_folded_code_.find(ascii_lower(code));
    if (folded != by_folded_code_.end()) return &concepts_[folded->second];
  }
  return nullptr;
}

Result<std::optional<Concept>> ResourceCodeSystem::find(const std::string& code) const {
  const Concept* term = concept_of(code);
  if (term == nullptr) return std::optional<Concept>();
  return std::optional<Concept>(*term);
}

// Depth first with an explicit stack: "parent" properties can chain any number of concepts.
void ResourceCodeSystem::visit_tree(const Concept& root, int root_depth, std::vector<bool>& seen,
                                    const std::function<void(const Concept&, int)>& visit) const {
  std::vector<std::pair<const Concept*, int>> stack{{&root, root_depth}};
  while (!stack.empty()) {
    const auto [term, depth] = stack.back();
    stack.pop_back();
    const std::size_t index = by_code_.at(term->code);
    if (seen[index]) continue;  // a concept under two parents is listed once, under the first
    seen[index] = true;
    visit(*term, depth);
    for (auto child = term->children.rbegin(); child != term->children.rend(); ++child) {
      if (const Concept* below = concept_of(*child)) stack.emplace_back(below, depth + 1);
    }
  }
}

bool ResourceCodeSystem::for_each(const std::function<void(const Concept&, int depth)>& visit) const {
  std::vector<bool> seen(concepts_.size(), false);
  for (const Concept& term : concepts_) {
    if (term.parents.empty()) visit_tree(term, 0, seen, visit);
  }
  // Concepts only in a parent cycle have no root; list them rather than lose them.
  for (const Concept& term : concepts_) visit_tree(term, 0, seen, visit);
  return true;
}

Result<bool> ResourceCodeSystem::subsumes(const std::string& ancestor, const std::string& descendant) const {
  const Concept* top = concept_of(ancestor);
  const Concept* start = concept_of(descendant);
  if (top == nullptr || start == nullptr) return false;
  std::deque<const Concept*> queue{start};
  std::set<std::string> seen;
  while (!queue.empty()) {
    const Concept* term = queue.front();
    queue.pop_front();
    if (term->code == top->code) return true;
    if (!seen.insert(term->code).second) continue;
    for (const std::string& parent : term->parents) {
      if (const Concept* up = concept_of(parent)) queue.push_back(up);
    }
  }
  return false;
}

Result<std::vector<std::string>> ResourceCodeSystem::descendants(const std::string& code, std::size_t limit) const {
  std::vector<std::string> codes;
  const Concept* top = concept_of(code);
  if (top == nullptr) return codes;
  std::deque<const Concept*> queue{top};
  std::set<std::string> seen{top->code};
  while (!queue.empty() && codes.size() < limit) {
    const Concept* term = queue.front();
    queue.pop_front();
    for (const std::string& child : term->children) {
      const Concept* below = concept_of(child);
      if (below == nullptr || !seen.insert(below->code).second) continue;
      codes.push_back(below->code);
      queue.push_back(below);
    }
  }
  if (codes.size() > limit) codes.resize(limit);
  return codes;
}

void ResourceCodeSystem::apply_supplement(const std::vector<Concept>& supplement_concepts, const std::string& language) {
  for (const Concept& extra : supplement_concepts) {
    auto found = by_code_.find(extra.code);
    if (found == by_code_.end()) continue;
    Concept& term = concepts_[found->second];
    for (const Designation& designation : extra.designations) term.designations.push_back(designation);
    if (!extra.display.empty()) {
      // A supplement's display is a designation in the supplement's language.
      term.designations.push_back(Designation{language, {}, extra.display});
    }
    for (const PropertyValue& property : extra.properties) term.properties.push_back(property);
  }
}

}  // namespace medcode::searcher::fhir
