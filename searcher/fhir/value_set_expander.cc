#include "searcher/fhir/value_set_expander.h"

#include <algorithm>
#include <memory>
#include <set>

#include <re2/re2.h>

namespace medcode::searcher::fhir {

struct ValueSetExpander::Context {
  std::vector<std::string> pathway;  // value sets being evaluated, outermost first
  std::vector<std::string> used_code_systems;
  std::vector<std::string> used_value_sets;
  std::vector<Issue> warnings;
  std::vector<PublicationNote> notes;
};

namespace {

constexpr std::size_t kMaxDescendants = 100000;

void note_publication(std::vector<PublicationNote>& notes, const std::string& kind, const char* resource_type,
                      const std::string& canonical) {
  if (kind.empty()) return;
  PublicationNote note{kind, resource_type, canonical};
  if (std::find(notes.begin(), notes.end(), note) == notes.end()) notes.push_back(std::move(note));
}

void note_code_system(std::vector<PublicationNote>& notes, const CodeSystemInfo& info) {
  note_publication(notes, publication_note(info.status, info.experimental, info.standards_status), "CodeSystem",
                   canonical_of(info.url, info.version));
}

// Value sets are noted for their standards status only: a draft value set is the usual
// state of one being edited (tx.fhir.org notes it so).
void note_value_set(std::vector<PublicationNote>& notes, const ValueSetResource& value_set) {
  note_publication(notes, publication_note("", false, value_set.standards_status), "ValueSet",
                   canonical_of(value_set.url, value_set.version));
}

void note_once(std::vector<std::string>& list, const std::string& item) {
  if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
}

std::string key_of(const std::string& system, const std::string& code) { return system + "\x1f" + code; }

const PropertyValue* property_of(const Concept& term, const std::string& code) {
  for (const PropertyValue& property : term.properties) {
    if (property.code == code) return &property;
  }
  return nullptr;
}

// The value of a property as a filter sees it: declared ones, and the concept's status
// flags under their standard names when the resource leaves them implicit.
std::optional<std::string> filter_value(const Concept& term, const std::string& property) {
  if (const PropertyValue* value = property_of(term, property)) return value->value;
  if (property == "inactive") return std::string(term.is_inactive ? "true" : "false");
  if (property == "notSelectable" || property == "abstract") return std::string(term.is_abstract ? "true" : "false");
  if (property == "status" && !term.status.empty()) return term.status;
  if (property == "display") return term.display;
  if (property == "definition" && !term.definition.empty()) return term.definition;
  return std::nullopt;
}

std::vector<std::string> comma_list(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    std::string item = text.substr(start, comma - start);
    while (!item.empty() && item.front() == ' ') item.erase(item.begin());
    while (!item.empty() && item.back() == ' ') item.pop_back();
    if (!item.empty()) items.push_back(item);
    start = comma + 1;
  }
  return items;
}

OperationError bad_filter(const CodeSystemInfo& info, const ConceptFilter& filter, const std::string& why) {
  return operation_error(400, "invalid",
                         "The filter \"" + filter.property.substr(0, 100) + " " + filter.op.substr(0, 40) + " " +
                             filter.value.substr(0, 200) + "\" on " +
                             info.url + " " + why,
                         "vs-invalid", "FILTER_NOT_UNDERSTOOD");
}

// A filter is tested against every concept of its code system: its pattern is compiled
// once per thread and pattern, not once per concept. RE2 matches in time linear in the
// text, so a pattern such as (a+)+ cannot stall a request (std::regex backtracks
// exponentially on it: HL7's regex-bad tests).
Outcome<bool> regex_match(const CodeSystemInfo& info, const ConceptFilter& filter, const std::string& text) {
  thread_local std::string compiled_pattern;
  thread_local std::unique_ptr<re2::RE2> compiled;
  if (!compiled || compiled_pattern != filter.value) {
    re2::RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(8 << 20);
    compiled = std::make_unique<re2::RE2>(filter.value, options);
    compiled_pattern = filter.value;
  }
  if (!compiled->ok()) {
    return bad_filter(info, filter, "is not a valid regular expression (RE2 syntax: no backreferences or lookarounds): " +
                                        compiled->error().substr(0, 200));
  }
  return re2::RE2::FullMatch(text, *compiled);
}

}  // namespace

std::string version_check_text(const std::string& system, const std::string& version, const std::string& required) {
  return "The version '" + version + "' is not allowed for system '" + system + "': required to be '" + required +
         "' by a version-check parameter";
}

std::string canonical_of(const std::string& url, const std::string& version) {
  return version.empty() ? url : url + "|" + version;
}

Outcome<bool> concept_passes(const CodeSystemSource& code_system, const Concept& term, const ConceptFilter& filter) {
  const CodeSystemInfo& info = code_system.info();
  const std::string& op = filter.op;
  if (filter.value.empty() && op != "exists") {
    return operation_error(400, "invalid",
                           "The system " + info.url + " filter with property = " + filter.property + ", op = " + op +
                               " has no value",
                           "vs-invalid", "UNABLE_TO_HANDLE_SYSTEM_FILTER_WITH_NO_VALUE");
  }
  const bool on_concept = filter.property == "concept" || filter.property == "code";
  if (on_concept) {
    auto subsumed = [&](const std::string& ancestor, const std::string& code) -> Outcome<bool> {
      auto result = code_system.subsumes(ancestor, code);
      if (!result.is_ok()) return operation_error(503, "exception", result.status().message());
      return result.value();
    };
    if (op == "is-a") return subsumed(filter.value, term.code);
    if (op == "descendent-of") {
      if (term.code == filter.value) return false;
      return subsumed(filter.value, term.code);
    }
    if (op == "is-not-a") {
      auto is_a = subsumed(filter.value, term.code);
      if (!is_a.is_ok()) return is_a;
      return !is_a.value();
    }
    if (op == "generalizes") return subsumed(term.code, filter.value);
    if (op == "child-of") {
      return std::find(term.parents.begin(), term.parents.end(), filter.value) != term.parents.end();
    }
    if (op == "descendent-leaf") {
      if (!term.children.empty() || term.code == filter.value) return false;
      return subsumed(filter.value, term.code);
    }
    if (op == "=") return term.code == filter.value;
    if (op == "in" || op == "not-in") {
      const auto codes = comma_list(filter.value);
      const bool in = std::find(codes.begin(), codes.end(), term.code) != codes.end();
      return op == "in" ? in : !in;
    }
    if (op == "regex") return regex_match(info, filter, term.code);
    return bad_filter(info, filter, "is not supported: the concept property takes is-a, descendent-of, is-not-a, "
                                    "generalizes, child-of, descendent-leaf, =, in, not-in and regex");
  }
  const bool known_property =
      filter.property == "display" || filter.property == "inactive" || filter.property == "status" ||
      filter.property == "notSelectable" || filter.property == "definition" ||
      std::any_of(info.properties.begin(), info.properties.end(),
                  [&](const PropertyDefinition& definition) { return definition.code == filter.property; });
  if (!known_property) {
    return bad_filter(info, filter, "names a property the code system does not define");
  }
  const std::optional<std::string> value = filter_value(term, filter.property);
  if (op == "exists") return value.has_value() == (filter.value != "false");
  if (op == "=") return value.has_value() && *value == filter.value;
  if (op == "in" || op == "not-in") {
    const auto values = comma_list(filter.value);
    const bool in = value.has_value() && std::find(values.begin(), values.end(), *value) != values.end();
    return op == "in" ? in : !in;
  }
  if (op == "regex") {
    if (!value.has_value()) return false;
    return regex_match(info, filter, *value);
  }
  return bad_filter(info, filter, "is not supported for a property: use =, in, not-in, regex or exists");
}

std::string ValueSetExpander::effective_version(const std::string& system, const std::string& rule_version) const {
  if (auto forced = options_.forced_versions.find(system); forced != options_.forced_versions.end()) return forced->second;
  if (!rule_version.empty()) return rule_version;
  if (auto fallback = options_.default_versions.find(system); fallback != options_.default_versions.end()) {
    return fallback->second;
  }
  // A checked version also chooses where the value set leaves the version open.
  if (auto checked = options_.checked_versions.find(system); checked != options_.checked_versions.end()) {
    return checked->second;
  }
  return "";
}

std::string ValueSetExpander::display_for(const Concept& term, const CodeSystemInfo& info) const {
  const std::string& wanted = options_.display_language;
  if (wanted.empty()) return term.display;
  auto language_matches = [&](const std::string& language) {
    return language == wanted || language.rfind(wanted + "-", 0) == 0;
  };
  if (!info.language.empty() && language_matches(info.language)) return term.display;
  for (const Designation& designation : term.designations) {
    if (language_matches(designation.language) && !designation.value.empty()) return designation.value;
  }
  return term.display;
}

// Marks value_set as being evaluated; an OperationError when it already is (an import cycle).
std::optional<OperationError> ValueSetExpander::enter(Context& context, const ValueSetResource& value_set) {
  const std::string self = canonical_of(value_set.url, value_set.version);
  if (std::find(context.pathway.begin(), context.pathway.end(), self) != context.pathway.end()) {
    std::string pathway;
    for (std::size_t i = 0; i < context.pathway.size(); ++i) pathway += (i ? ", " : "") + context.pathway[i];
    return operation_error(400, "processing",
                           "Found a circularity pointing to " + self + " processing ValueSet with pathway [" + pathway + "]",
                           "", "VALUESET_CIRCULAR_REFERENCE");
  }
  context.pathway.push_back(self);
  return std::nullopt;
}

Outcome<std::vector<ExpansionEntry>> ValueSetExpander::evaluate_rule(const ConceptSetRule& rule, Context& context) const {
  std::vector<ExpansionEntry> entries;
  if (!rule.system.empty()) {
    const std::string version = effective_version(rule.system, rule.version);
    const CodeSystemSource* code_system = registry_.code_system(rule.system, version);
    if (code_system == nullptr) {
      std::string text = "A definition for CodeSystem '" + rule.system + "'";
      if (!version.empty()) text += " version '" + version + "'";
      text += " could not be found, so the value set cannot be expanded";
      const auto versions = registry_.code_system_versions(rule.system);
      if (!versions.empty()) {
        text += ". Valid versions: ";
        for (std::size_t i = 0; i < versions.size(); ++i) text += (i ? ", " : "") + versions[i];
      }
      return operation_error(404, "not-found", text, "not-found", "UNKNOWN_CODESYSTEM");
    }
    const CodeSystemInfo& info = code_system->info();
    if (auto checked = options_.checked_versions.find(rule.system);
        checked != options_.checked_versions.end() && !version_matches(checked->second, info.version)) {
      return operation_error(400, "exception", version_check_text(rule.system, info.version, checked->second),
                             "version-error", "VALUESET_VERSION_CHECK");
    }
    note_once(context.used_code_systems, canonical_of(info.url, info.version));
    note_code_system(context.notes, info);
    auto add = [&](const Concept& term) {
      entries.push_back({info.url, info.version, term, display_for(term, info)});
    };
    if (!rule.concepts.empty()) {
      for (const auto& listed : rule.concepts) {
        auto found = code_system->find(listed.code);
        if (!found.is_ok()) return operation_error(503, "exception", found.status().message());
        // A listed code the code system lacks is left out (tx.fhir.org does the same).
        if (!found.value()) continue;
        Concept term = *found.value();
        for (const Designation& designation : listed.designations) term.designations.push_back(designation);
        add(term);
        if (!listed.display.empty()) entries.back().display = listed.display;
      }
    } else if (!info.from_index || !rule.filters.empty()) {
      std::optional<OperationError> failed;
      auto consider = [&](const Concept& term, int) {
        if (failed) return;
        for (const ConceptFilter& filter : rule.filters) {
          auto passes = concept_passes(*code_system, term, filter);
          if (!passes.is_ok()) {
            failed = passes.error();
            return;
          }
          if (!passes.value()) return;
        }
        add(term);
      };
      if (!code_system->for_each(consider)) {
        // The index's code sets are walked from the concept an is-a filter names.
        const ConceptFilter* root = nullptr;
        for (const ConceptFilter& filter : rule.filters) {
          if ((filter.property == "concept" || filter.property == "code") &&
              (filter.op == "is-a" || filter.op == "descendent-of")) {
            root = &filter;
          }
        }
        if (root == nullptr) {
          return operation_error(422, "too-costly",
                                 "The value set includes all of " + info.url + " filtered only by properties; " +
                                     "add an is-a filter or use the filter parameter",
                                 "", "VALUESET_TOO_COSTLY");
        }
        auto top = code_system->find(root->value);
        if (!top.is_ok()) return operation_error(503, "exception", top.status().message());
        if (top.value()) {
          consider(*top.value(), 0);
          auto below = code_system->descendants(root->value, kMaxDescendants);
          if (!below.is_ok()) return operation_error(503, "exception", below.status().message());
          for (const std::string& code : below.value()) {
            auto term = code_system->find(code);
            if (term.is_ok() && term.value()) consider(*term.value(), 1);
          }
        }
      }
      if (failed) return *failed;
    } else {
      return operation_error(422, "too-costly",
                             "The value set includes all of " + info.url + " (" + std::to_string(code_system->size()) +
                                 " codes), too many to expand whole; give the filter parameter (ranked by the search engine), or "
                                 "narrow the value set with an is-a filter (" + info.url + "?fhir_vs=isa/<code>)",
                             "", "VALUESET_TOO_COSTLY");
    }
  }
  // Imported value sets: the rule holds only what every one of them holds.
  for (std::size_t i = 0; i < rule.value_sets.size(); ++i) {
    const auto [url, version] = split_canonical(rule.value_sets[i]);
    const ValueSetResource* imported = registry_.value_set(url, version);
    if (imported == nullptr) {
      std::string text = "Unable to find included value set '" + url + "'";
      if (!version.empty()) text += " version '" + version + "'";
      return operation_error(404, "not-found", text, "not-found", "VS_EXP_IMPORT_UNK");
    }
    note_once(context.used_value_sets, canonical_of(imported->url, imported->version));
    note_value_set(context.notes, *imported);
    auto imported_entries = evaluate(*imported, context);
    if (!imported_entries.is_ok()) return imported_entries;
    // Without a system the first import is the start; each further one narrows it.
    if (rule.system.empty() && i == 0) {
      entries = std::move(imported_entries.value());
      continue;
    }
    std::set<std::string> keep;
    for (const auto& entry : imported_entries.value()) keep.insert(key_of(entry.system, entry.term.code));
    entries.erase(std::remove_if(entries.begin(), entries.end(),
                                 [&](const ExpansionEntry& entry) { return keep.count(key_of(entry.system, entry.term.code)) == 0; }),
                  entries.end());
  }
  return entries;
}

Outcome<std::vector<ExpansionEntry>> ValueSetExpander::evaluate(const ValueSetResource& value_set, Context& context) const {
  if (auto cycle = enter(context, value_set)) return *cycle;
  std::vector<ExpansionEntry> entries;
  std::set<std::string> seen;
  if (value_set.has_expansion_only) {
    for (const auto& contained : value_set.expansion) {
      Concept term;
      term.code = contained.code;
      term.display = contained.display;
      term.is_abstract = contained.is_abstract;
      term.is_inactive = contained.is_inactive;
      if (seen.insert(key_of(contained.system, contained.code)).second) {
        entries.push_back({contained.system, contained.version, term, contained.display});
      }
    }
  }
  for (const ConceptSetRule& include : value_set.includes) {
    auto included = evaluate_rule(include, context);
    if (!included.is_ok()) return included;
    for (auto& entry : included.value()) {
      if (!value_set.compose_inactive && entry.term.is_inactive) continue;
      if (seen.insert(key_of(entry.system, entry.term.code)).second) entries.push_back(std::move(entry));
    }
  }
  std::set<std::string> excluded;
  for (const ConceptSetRule& exclude : value_set.excludes) {
    auto removed = evaluate_rule(exclude, context);
    if (!removed.is_ok()) return removed;
    for (const auto& entry : removed.value()) excluded.insert(key_of(entry.system, entry.term.code));
  }
  if (!excluded.empty()) {
    entries.erase(std::remove_if(entries.begin(), entries.end(),
                                 [&](const ExpansionEntry& entry) { return excluded.count(key_of(entry.system, entry.term.code)) != 0; }),
                  entries.end());
  }
  context.pathway.pop_back();
  return entries;
}

Outcome<Expansion> ValueSetExpander::expand(const ValueSetResource& value_set) const {
  Context context;
  Expansion expansion;
  note_value_set(context.notes, value_set);
  // The index's code sets answer a text filter with the full engine, ranked, and page it
  // there: an expansion of all of ICD-10-CM filtered by "heart attack" is one search.
  if (!options_.filter.empty() && value_set.includes.size() == 1 && value_set.excludes.empty() &&
      value_set.includes[0].concepts.empty() && value_set.includes[0].filters.empty() &&
      value_set.includes[0].value_sets.empty() && !value_set.includes[0].system.empty()) {
    const ConceptSetRule& rule = value_set.includes[0];
    const CodeSystemSource* code_system = registry_.code_system(rule.system, effective_version(rule.system, rule.version));
    if (code_system != nullptr && code_system->info().from_index) {
      const std::size_t count = options_.count_given ? options_.count : 20;
      auto found = code_system->search(options_.filter, options_.offset, count);
      if (!found.is_ok()) {
        const bool bad_text = found.status().code() == StatusCode::kInvalidArgument;
        return operation_error(bad_text ? 400 : 503, bad_text ? "invalid" : "exception",
                               bad_text ? "Parameter 'filter': " + found.status().message() : found.status().message());
      }
      if (found.value()) {
        const CodeSystemInfo& info = code_system->info();
        expansion.used_code_systems.push_back(canonical_of(info.url, info.version));
        for (const Concept& term : found.value()->concepts) {
          if (options_.active_only && term.is_inactive) continue;
          expansion.entries.push_back({info.url, info.version, term, term.display});
        }
        expansion.total = found.value()->total;
        return expansion;
      }
    }
  }
  auto entries = evaluate(value_set, context);
  if (!entries.is_ok()) return entries.error();
  std::vector<ExpansionEntry> kept;
  for (auto& entry : entries.value()) {
    if (options_.active_only && entry.term.is_inactive) continue;
    if (!options_.filter.empty() && !matches_text(entry.term, options_.filter)) continue;
    kept.push_back(std::move(entry));
  }
  expansion.total = kept.size();
  if (!options_.count_given && options_.filter.empty() && kept.size() > options_.max_expansion_size) {
    return operation_error(422, "too-costly",
                           "The value set '" + canonical_of(value_set.url, value_set.version) +
                               "' expansion has too many codes to produce (>" + std::to_string(options_.max_expansion_size) + ")",
                           "", "VALUESET_TOO_COSTLY");
  }
  const std::size_t start = std::min(options_.offset, kept.size());
  const std::size_t end = options_.count_given ? std::min(kept.size(), start + options_.count) : kept.size();
  for (std::size_t i = start; i < end; ++i) expansion.entries.push_back(std::move(kept[i]));
  expansion.used_code_systems = std::move(context.used_code_systems);
  expansion.used_value_sets = std::move(context.used_value_sets);
  expansion.warnings = std::move(context.warnings);
  expansion.notes = std::move(context.notes);
  return expansion;
}

Outcome<bool> ValueSetExpander::rule_contains(const ConceptSetRule& rule, const std::string& system,
                                              const std::string& version, const std::string& code, Context& context,
                                              Membership& membership) const {
  if (!rule.system.empty()) {
    if (rule.system != system) return false;
    note_once(membership.systems_in_scope, rule.system);
    std::string wanted = effective_version(rule.system, rule.version);
    // A coding's own version decides when the value set leaves it open, or names one of
    // the versions a wildcard ("1.x.x") allows.
    if (wanted.empty() || (!version.empty() && version_matches(wanted, version))) wanted = version;
    const CodeSystemSource* code_system = registry_.code_system(rule.system, wanted);
    if (code_system == nullptr) {
      note_once(membership.missing_systems, canonical_of(rule.system, wanted));
      return false;
    }
    const CodeSystemInfo& info = code_system->info();
    if (!version.empty() && !info.version.empty() && !version_matches(version, info.version)) return false;
    note_code_system(membership.notes, info);
    auto found = code_system->find(code);
    if (!found.is_ok()) return operation_error(503, "exception", found.status().message());
    if (!found.value()) return false;
    const Concept& term = *found.value();
    bool in_rule = true;
    if (!rule.concepts.empty()) {
      in_rule = std::any_of(rule.concepts.begin(), rule.concepts.end(), [&](const auto& listed) {
        return listed.code == term.code;
      });
    }
    for (const ConceptFilter& filter : rule.filters) {
      if (!in_rule) break;
      auto passes = concept_passes(*code_system, term, filter);
      if (!passes.is_ok()) return passes;
      in_rule = passes.value();
    }
    if (!in_rule) return false;
    membership.version = info.version;
  }
  for (const std::string& canonical : rule.value_sets) {
    const auto [url, vs_version] = split_canonical(canonical);
    const ValueSetResource* imported = registry_.value_set(url, vs_version);
    if (imported == nullptr) {
      std::string text = "Unable to find included value set '" + url + "'";
      if (!vs_version.empty()) text += " version '" + vs_version + "'";
      return operation_error(404, "not-found", text, "not-found", "VS_EXP_IMPORT_UNK");
    }
    note_value_set(membership.notes, *imported);
    auto inside = contains_in(*imported, system, version, code, context, membership);
    if (!inside.is_ok() || !inside.value()) return inside;
  }
  return true;
}

Outcome<bool> ValueSetExpander::contains_in(const ValueSetResource& value_set, const std::string& system,
                                            const std::string& version, const std::string& code, Context& context,
                                            Membership& membership) const {
  if (auto cycle = enter(context, value_set)) return *cycle;
  bool inside = false;
  if (value_set.has_expansion_only) {
    inside = std::any_of(value_set.expansion.begin(), value_set.expansion.end(),
                         [&](const auto& contained) { return contained.system == system && contained.code == code; });
  }
  for (const ConceptSetRule& include : value_set.includes) {
    if (inside) break;
    auto in_rule = rule_contains(include, system, version, code, context, membership);
    if (!in_rule.is_ok()) return in_rule;
    inside = in_rule.value();
  }
  for (const ConceptSetRule& exclude : value_set.excludes) {
    if (!inside) break;
    Membership ignored;
    auto in_rule = rule_contains(exclude, system, version, code, context, ignored);
    if (!in_rule.is_ok()) return in_rule;
    if (in_rule.value()) inside = false;
  }
  context.pathway.pop_back();
  return inside;
}

Outcome<ValueSetExpander::Membership> ValueSetExpander::contains(const ValueSetResource& value_set, const std::string& system,
                                                                 const std::string& version, const std::string& code) const {
  Context context;
  Membership membership;
  note_value_set(membership.notes, value_set);
  auto inside = contains_in(value_set, system, version, code, context, membership);
  if (!inside.is_ok()) return inside.error();
  membership.is_member = inside.value();
  return membership;
}

}  // namespace medcode::searcher::fhir
