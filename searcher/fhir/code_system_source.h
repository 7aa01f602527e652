// One version of one code system, as the FHIR operations see it: concepts by code, their
// hierarchy, and text search. Two kinds: a CodeSystem resource held in memory
// (resource_code_system.h) and the index's code sets (index_code_systems.h).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "searcher/fhir/terminology_model.h"

namespace medcode::searcher::fhir {

class CodeSystemSource {
 public:
  virtual ~CodeSystemSource() = default;

  virtual const CodeSystemInfo& info() const = 0;

  // The concept with this code (case-insensitively when the system is not case
  // sensitive), or nullopt. kUnavailable when the index fails underneath.
  virtual Result<std::optional<Concept>> find(const std::string& code) const = 0;

  // Calls visit for every concept, parents before children, with its depth (0 for roots).
  // Returns false without visiting when the system is too large to walk (the index's).
  virtual bool for_each(const std::function<void(const Concept&, int depth)>& visit) const = 0;

  // How many concepts the system has (an estimate for the index's).
  virtual std::size_t size() const = 0;

  // Whether descendant is ancestor or lies below it.
  virtual Result<bool> subsumes(const std::string& ancestor, const std::string& descendant) const = 0;

  // The codes below code, nearest first, at most limit of them. Empty for an unknown code.
  virtual Result<std::vector<std::string>> descendants(const std::string& code,
                                                       std::size_t limit) const = 0;

  // For ValueSet/$expand's filter: the codes whose text matches text, best first, after
  // skipping offset, at most limit, with the total that match. The index's code sets use
  // the full search engine (synonyms, spelling, ranking); resources match words of the
  // display and designations. nullopt when the system does not search (then every
  // concept is tested with matches_text).
  struct TextMatches {
    std::vector<Concept> concepts;
    std::size_t total = 0;
  };
  virtual Result<std::optional<TextMatches>> search(const std::string& text, std::size_t offset,
                                                    std::size_t limit) const {
    (void)text, (void)offset, (void)limit;
    return std::optional<TextMatches>();
  }
};

// Whether every word of filter text starts a word of the concept's display or one of its
// designations, ignoring case: the filter of an expansion over a resource code system.
bool matches_text(const Concept& term, const std::string& text);

}  // namespace medcode::searcher::fhir
