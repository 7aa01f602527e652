// ValueSet composition (FHIR R4 ValueSet.compose): which concepts a value set holds, as a
// paged expansion ($expand) or as membership of one code ($validate-code). Follows the
// FHIR specification's rules for include/exclude, concept lists, filters and imports.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "searcher/fhir/operation_issue.h"
#include "searcher/fhir/terminology_registry.h"

namespace medcode::searcher::fhir {

// The $expand parameters that shape an expansion.
struct ExpansionOptions {
  bool active_only = false;
  bool include_designations = false;
  bool include_definition = false;
  std::string display_language;  // "de", "" for the code system's own displays
  std::string filter;            // text; searched with the engine for the index's code sets
  std::size_t offset = 0;
  std::size_t count = static_cast<std::size_t>(-1);  // all
  bool count_given = false;
  std::vector<std::string> properties;  // concept properties to return per entry
  // system-version: the version used where a value set names none (url -> version).
  std::map<std::string, std::string> default_versions;
  // force-system-version: the version used whatever the value set says.
  std::map<std::string, std::string> forced_versions;
  // check-system-version: the version a value set's system must match.
  std::map<std::string, std::string> checked_versions;
  // Without a filter or a count, an expansion of more concepts than this is too costly.
  std::size_t max_expansion_size = 1000;
};

struct ExpansionEntry {
  std::string system;
  std::string version;
  Concept term;
  std::string display;  // in the display language chosen
};

struct Expansion {
  std::vector<ExpansionEntry> entries;  // the page asked for
  std::size_t total = 0;
  std::vector<std::string> used_code_systems;  // "url|version", in first-use order
  std::vector<std::string> used_value_sets;    // imports, "url|version"
  std::vector<PublicationNote> notes;          // draft, experimental, deprecated or withdrawn ones in use
  std::vector<Issue> warnings;
};

class ValueSetExpander {
 public:
  ValueSetExpander(const TerminologyRegistry& registry, ExpansionOptions options)
      : registry_(registry), options_(std::move(options)) {}

  // The value set's concepts, filtered, de-duplicated and paged. OperationError 404
  // "not-found" for a code system or imported value set that cannot be found, 400
  // "invalid" for a filter the code system cannot apply, 422 "too-costly" for more
  // than max_expansion_size concepts without a filter, "processing" for an import cycle.
  Outcome<Expansion> expand(const ValueSetResource& value_set) const;

  // Whether the value set holds system#code (version "" for any), and the version of the
  // code system it was found in. The same errors as expand, but a code system that
  // cannot be found is reported in missing_systems rather than failing.
  struct Membership {
    bool is_member = false;
    std::string version;         // the code system version that decided
    std::vector<std::string> missing_systems;  // "url|version" or "url"
    std::vector<std::string> systems_in_scope;  // systems the value set draws on
    std::vector<PublicationNote> notes;         // draft, experimental, deprecated or withdrawn ones met
  };
  Outcome<Membership> contains(const ValueSetResource& value_set, const std::string& system,
                               const std::string& version, const std::string& code) const;

  // The version of system a value set rule resolves to after the options' defaults and
  // forces: a forced one, else rule_version, else a default (system-version), else a checked
  // one (check-system-version).
  std::string effective_version(const std::string& system, const std::string& rule_version) const;

  // The display of concept in the display language (its designation there), else its own.
  std::string display_for(const Concept& term, const CodeSystemInfo& info) const;

 private:
  struct Context;
  static std::optional<OperationError> enter(Context& context, const ValueSetResource& value_set);
  Outcome<std::vector<ExpansionEntry>> evaluate(const ValueSetResource& value_set, Context& context) const;
  Outcome<std::vector<ExpansionEntry>> evaluate_rule(const ConceptSetRule& rule, Context& context) const;
  Outcome<bool> rule_contains(const ConceptSetRule& rule, const std::string& system, const std::string& version,
                              const std::string& code, Context& context, Membership& membership) const;
  Outcome<bool> contains_in(const ValueSetResource& value_set, const std::string& system,
                            const std::string& version, const std::string& code, Context& context,
                            Membership& membership) const;

  const TerminologyRegistry& registry_;
  ExpansionOptions options_;
};

// Whether concept passes filter in code_system. OperationError 400 "invalid" for an
// operator the property does not take, or a regex that does not compile.
Outcome<bool> concept_passes(const CodeSystemSource& code_system, const Concept& term, const ConceptFilter& filter);

// "url|version", or "url" when version is "".
std::string canonical_of(const std::string& url, const std::string& version);

// tx.fhir.org's VALUESET_VERSION_CHECK text: version of system is not the required pattern
// of a check-system-version parameter.
std::string version_check_text(const std::string& system, const std::string& version, const std::string& required);

}  // namespace medcode::searcher::fhir
