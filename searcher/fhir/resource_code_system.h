// A code system given as a FHIR CodeSystem resource (loaded at start or passed as
// tx-resource), held in memory: concepts by code, nesting and "parent" properties as the
// hierarchy, and supplements merged in.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "searcher/fhir/code_system_source.h"

namespace medcode::searcher::fhir {

class ResourceCodeSystem : public CodeSystemSource {
 public:
  // concepts in the resource's order, parents before children; each concept's parents and
  // children already filled from nesting (resource_reader.h does it).
  ResourceCodeSystem(CodeSystemInfo info, std::vector<Concept> concepts);

  const CodeSystemInfo& info() const override { return info_; }
  Result<std::optional<Concept>> find(const std::string& code) const override;
  bool for_each(const std::function<void(const Concept&, int depth)>& visit) const override;
  std::size_t size() const override { return concepts_.size(); }
  Result<bool> subsumes(const std::string& ancestor, const std::string& descendant) const override;
  Result<std::vector<std::string>> descendants(const std::string& code, std::size_t limit) const override;

  // Adds a supplement's designations and properties to the concepts it names (its
  // displays become designations in language); codes this system lacks are ignored.
  void apply_supplement(const std::vector<Concept>& supplement_concepts, const std::string& language);

 private:
  const Concept* concept_of(const std::string& code) const;
  void visit_tree(const Concept& term, int depth, std::vector<bool>& seen,
                  const std::function<void(const Concept&, int)>& visit) const;

  CodeSystemInfo info_;
  std::vector<Concept> concepts_;
  std::map<std::string, std::size_t> by_code_;        // exact code
  std::map<std::string, std::size_t> by_folded_code_;  // lowercased, for case-insensitive systems
};

}  // namespace medcode::searcher::fhir
