// The code systems and value sets one FHIR request can see, by canonical URL and version:
// the server's (the index's code sets) with the request's tx-resource ones over them.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "searcher/fhir/code_system_source.h"
#include "searcher/fhir/terminology_model.h"

namespace medcode::searcher::fhir {

// Whether version matches pattern: equal, or dot-separated parts with "x" or "*" as
// wildcard parts, a trailing one covering the parts after it ("1.x.x", "1.*" and "1.x" match
// "1.2.0"; "1" and "1.2" do not).
bool version_matches(const std::string& pattern, const std::string& version);

// Orders versions by their dot-separated parts: numeric parts by value and before other
// parts, the rest as text; a strict weak order (safe for std::sort on any input).
bool version_less(const std::string& a, const std::string& b);

class TerminologyRegistry {
 public:
  // Looks in fallback for what this registry lacks; fallback must outlive it.
  explicit TerminologyRegistry(const TerminologyRegistry* fallback = nullptr) : fallback_(fallback) {}

  // A later resource with the same URL and version replaces the earlier one.
  void add_code_system(std::shared_ptr<const CodeSystemSource> code_system);
  void add_value_set(std::shared_ptr<const ValueSetResource> value_set);

  // The code system url in a version matching version ("" for the latest; see
  // version_matches), or nullptr.
  const CodeSystemSource* code_system(const std::string& url, const std::string& version = "") const;
  // Every version known for url, oldest first.
  std::vector<std::string> code_system_versions(const std::string& url) const;
  bool has_code_system(const std::string& url) const { return !code_system_versions(url).empty(); }

  const ValueSetResource* value_set(const std::string& url, const std::string& version = "") const;
  std::vector<std::string> value_set_versions(const std::string& url) const;

  // Every code system (for the capability statement), the fallback's included.
  std::vector<const CodeSystemSource*> code_systems() const;

 private:
  const TerminologyRegistry* fallback_;
  std::map<std::string, std::map<std::string, std::shared_ptr<const CodeSystemSource>>> code_systems_;
  std::map<std::string, std::map<std::string, std::shared_ptr<const ValueSetResource>>> value_sets_;
};

// "url|version" split at the bar; version "" when there is none.
std::pair<std::string, std::string> split_canonical(const std::string& canonical);

}  // namespace medcode::searcher::fhir
