// CodeSystem/$validate-code and ValueSet/$validate-code (FHIR R4), with results, messages
// and issues shaped as tx.fhir.org gives them (the HL7 terminology tests' reference).
#include <algorithm>
#include <set>

#include <rapidjson/document.h>

#include "searcher/fhir/internal/fhir_json_writer.h"
#include "searcher/fhir/internal/operations.h"
#include "searcher/fhir/internal/resource_json.h"
#include "searcher/fhir/value_set_expander.h"

namespace medcode::searcher::fhir {
namespace {

// One coding to validate, and the FHIRPath its parts are reported at.
struct CodingInput {
  Coding coding;
  std::string path;  // "" for code/system/display parameters, "Coding", "CodeableConcept.coding[0]"
  std::string at(const std::string& element) const { return path.empty() ? element : path + "." + element; }
  std::string root() const { return path.empty() ? "code" : path; }
};

struct CodingResult {
  bool valid = false;      // the code exists (and is in the value set, in value set mode)
  bool known_code = false;
  std::string code;
  std::string system;
  std::string version;
  std::string display;
  bool inactive = false;
  std::string unknown_system;    // x-unknown-system: the code system is not known at all
  std::string unknown_version;   // x-caused-by-unknown-system: "url|version" of a version not known
  std::vector<Issue> issues;
};

// message_id: the id of tx.fhir.org's message the text follows (its messages file), written
// as the operationoutcome-message-id extension so clients can tell issues apart.
Issue make_issue(std::string severity, std::string code, std::string tx_type, std::string text, std::string expression,
                 std::string message_id = "") {
  Issue issue;
  issue.message_id = std::move(message_id);
  issue.severity = std::move(severity);
  issue.code = std::move(code);
  issue.tx_type = std::move(tx_type);
  issue.text = std::move(text);
  if (!expression.empty()) issue.expression = {std::move(expression)};  // "": an issue about no element
  return issue;
}

std::string collapse_spaces(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

struct ValidationSettings {
  bool lenient_display = false;
  bool active_only = false;
  bool abstract_ok = true;
  std::string display_language;
  bool membership_only = false;
};

// The display checks of tx.fhir.org: exact, then whitespace, then a wrong display.
void check_display(const CodingInput& input, const Concept& term, const CodeSystemInfo& info,
                   const ValidationSettings& settings, CodingResult& result) {
  const std::string& given = input.coding.display;
  if (given.empty()) return;
  std::vector<std::pair<std::string, std::string>> choices;  // display, language
  const std::string& language = settings.display_language;
  auto language_ok = [&](const std::string& candidate) {
    return language.empty() || candidate.empty() || candidate == language || candidate.rfind(language + "-", 0) == 0 ||
           language.rfind(candidate + "-", 0) == 0;
  };
  const std::string base_language = info.language.empty() ? "en" : info.language;
  if (!term.display.empty() && language_ok(info.language)) choices.emplace_back(term.display, base_language);
  for (const Designation& designation : term.designations) {
    if (designation.value.empty() || !language_ok(designation.language)) continue;
    choices.emplace_back(designation.value, designation.language);
  }
  if (choices.empty() && !term.display.empty()) choices.emplace_back(term.display, base_language);
  for (const auto& [display, lang] : choices) {
    if (display == given) return;
  }
  const bool case_only = std::any_of(choices.begin(), choices.end(), [&](const auto& choice) {
    return lower(choice.first) == lower(given) && !info.case_sensitive;
  });
  if (case_only) return;
  const bool whitespace_only = std::any_of(choices.begin(), choices.end(), [&](const auto& choice) {
    return collapse_spaces(choice.first) == collapse_spaces(given);
  });
  std::string text = std::string(whitespace_only ? "Wrong whitespace in Display Name '" : "Wrong Display Name '") + given +
                     "' for " + input.coding.system + "#" + term.code + ". ";
  if (choices.size() == 1) {
    text += "Valid display is '" + choices[0].first + "' (" + choices[0].second + ")";
  } else {
    text += "Valid display is one of " + std::to_string(choices.size()) + " choices: ";
    for (std::size_t i = 0; i < choices.size(); ++i) {
      text += (i == 0 ? "" : " or ") + std::string("'") + choices[i].first + "' (" + choices[i].second + ")";
    }
  }
  text += " (for the language(s) '" + (language.empty() ? std::string("--") : language) + "')";
  const bool error = !settings.lenient_display;
  result.issues.push_back(make_issue(error ? "error" : "warning", "invalid", "invalid-display", text, input.at("display"),
                                     whitespace_only ? "Display_Name_WS_for__should_be_one_of__instead_of"
                                                     : "Display_Name_for__should_be_one_of__instead_of"));
  if (error) result.valid = false;
}

Issue unknown_version_issue(const CodingInput& input, const std::string& version, const std::vector<std::string>& versions) {
  std::string valid;
  for (std::size_t i = 0; i < versions.size(); ++i) valid += (i ? " or " : "") + versions[i];
  return make_issue("error", "not-found", "not-found",
                    "A definition for CodeSystem '" + input.coding.system + "' version '" + version +
                        "' could not be found, so the code cannot be validated. Valid versions: " + valid,
                    input.at("system"), "UNKNOWN_CODESYSTEM_VERSION");
}

CodingResult validate_in_code_system(const TerminologyRegistry& registry, const CodingInput& input,
                                     const std::string& version, const ValidationSettings& settings) {
  CodingResult result;
  result.code = input.coding.code;
  result.system = input.coding.system;
  const CodeSystemSource* code_system = registry.code_system(input.coding.system, version);
  if (code_system == nullptr) {
    const auto versions = registry.code_system_versions(input.coding.system);
    if (versions.empty()) {
      result.unknown_system = input.coding.system;
      result.issues.push_back(make_issue("error", "not-found", "not-found",
                                         "A definition for CodeSystem '" + input.coding.system +
                                             "' could not be found, so the code cannot be validated",
                                         input.at("system"), "UNKNOWN_CODESYSTEM"));
    } else {
      result.unknown_version = canonical_of(input.coding.system, version);
      result.issues.push_back(unknown_version_issue(input, version, versions));
    }
    return result;
  }
  const CodeSystemInfo& info = code_system->info();
  result.version = info.version;
  auto found = code_system->find(input.coding.code);
  if (!found.is_ok() || !found.value()) {
    std::string text = "Unknown code '" + input.coding.code + "' in the CodeSystem '" + info.url + "'";
    if (!info.version.empty()) text += " version '" + info.version + "'";
    if (info.content == "fragment") {
      result.issues.push_back(make_issue("warning", "code-invalid", "invalid-code",
                                         text + " - note that the code system is labeled as a fragment, so the code may be valid in some other fragment",
                                         input.at("code"), "UNKNOWN_CODE_IN_FRAGMENT"));
      result.valid = true;
      return result;
    }
    result.issues.push_back(make_issue("error", "code-invalid", "invalid-code", text, input.at("code"), "Unknown_Code_in_Version"));
    return result;
  }
  const Concept& term = *found.value();
  result.known_code = true;
  result.valid = true;
  result.code = term.code;
  ExpansionOptions display_options;
  display_options.display_language = settings.display_language;
  result.display = ValueSetExpander(registry, display_options).display_for(term, info);
  if (term.is_inactive) {
    result.inactive = true;
    // tx.fhir.org names a status other than plain inactive with it: "retired and inactive".
    const std::string status = term.status.empty() || term.status == "inactive" ? "inactive" : term.status + " and inactive";
    if (settings.active_only) {
      result.valid = false;
      result.issues.push_back(make_issue("error", "business-rule", "code-rule",
                                         "The concept '" + term.code + "' is valid but is not active", input.at("code"),
                                         "STATUS_CODE_WARNING_CODE"));
    }
    result.issues.push_back(make_issue("warning", "business-rule", "code-comment",
                                       "The concept '" + term.code + "' has a status of " + status +
                                           " and its use should be reviewed",
                                       input.root(), "INACTIVE_CONCEPT_FOUND"));
  } else if (term.is_deprecated) {
    result.issues.push_back(make_issue("warning", "business-rule", "code-comment",
                                       "The concept '" + term.code + "' is deprecated and its use should be reviewed",
                                       input.root(), "DEPRECATED_CONCEPT_FOUND"));
  }
  if (term.is_abstract && !settings.abstract_ok) {
    result.valid = false;
    result.issues.push_back(make_issue("error", "business-rule", "code-rule",
                                       "The code '" + term.code + "' is abstract, and not allowed in this context",
                                       input.at("code"), "ABSTRACT_CODE_NOT_ALLOWED"));
  }
  if (!settings.membership_only) check_display(input, term, info, settings, result);
  return result;
}

std::string coding_label(const CodingInput& input) {
  std::string label = input.coding.system;
  if (!input.coding.version.empty()) label += "|" + input.coding.version;
  label += "#" + input.coding.code;
  if (!input.coding.display.empty()) label += " ('" + input.coding.display + "')";
  return label;
}

// Which version of a coding's code system a value set validates it in, as tx.fhir.org
// decides it (HL7's version tests): force-system-version over the include's version over
// system-version or check-system-version; a coding's own version that differs from the one
// chosen is an error, and an unknown version is reported, not silently replaced.
struct VersionChoice {
  bool known_system = false;
  std::string version;          // the version validated in
  std::string unknown_version;  // "url|version" of a version that does not exist
  std::vector<Issue> issues;
  bool has_error() const {
    return std::any_of(issues.begin(), issues.end(), [](const Issue& issue) { return issue.severity == "error"; });
  }
};

// The newest existing version matching pattern (which may hold x or * parts), or "".
std::string resolve_version(const std::vector<std::string>& versions, const std::string& pattern) {
  if (pattern.empty()) return "";
  if (std::find(versions.begin(), versions.end(), pattern) != versions.end()) return pattern;
  std::string best;
  for (const std::string& version : versions) {
    if (version_matches(pattern, version) && (best.empty() || version_less(best, version))) best = version;
  }
  return best;
}

// The version of the include a coding is judged by, when a value set includes its system
// more than once: one naming the coding's own version (or a pattern covering it), else one
// listing the code, else the first.
std::string include_version_of(const ValueSetResource& value_set, const CodingInput& input) {
  const ConceptSetRule* first = nullptr;
  const ConceptSetRule* listing = nullptr;
  for (const ConceptSetRule& rule : value_set.includes) {
    if (rule.system != input.coding.system) continue;
    const std::string& given = input.coding.version;
    if (!given.empty() && (rule.version == given || version_matches(rule.version, given))) return rule.version;
    if (first == nullptr) first = &rule;
    const bool lists_code = std::any_of(rule.concepts.begin(), rule.concepts.end(),
                                        [&](const ConceptSetRule::Listed& listed) { return listed.code == input.coding.code; });
    if (listing == nullptr && lists_code) listing = &rule;
  }
  const ConceptSetRule* chosen = listing != nullptr ? listing : first;
  return chosen != nullptr ? chosen->version : "";
}

std::string lookup_in(const std::map<std::string, std::string>& map, const std::string& key) {
  const auto found = map.find(key);
  return found != map.end() ? found->second : "";
}

VersionChoice choose_version(const TerminologyRegistry& registry, const ValueSetResource& value_set,
                             const CodingInput& input, const ExpansionOptions& options) {
  VersionChoice choice;
  const std::string& system = input.coding.system;
  const std::vector<std::string> versions = registry.code_system_versions(system);
  if (versions.empty()) return choice;
  choice.known_system = true;
  const std::string latest = versions.back();
  const std::string given = input.coding.version;
  const std::string included = include_version_of(value_set, input);
  const std::string forced = lookup_in(options.forced_versions, system);
  const std::string fallback = lookup_in(options.default_versions, system);
  const std::string checked = lookup_in(options.checked_versions, system);

  const bool given_exists = given.empty() || !resolve_version(versions, given).empty();
  if (!given_exists) {
    choice.issues.push_back(unknown_version_issue(input, given, versions));
    choice.unknown_version = canonical_of(system, given);
  }
  // The version the value set asks for, and whether a parameter (not the include) set it.
  std::string wanted = forced;
  if (wanted.empty()) wanted = included;
  if (wanted.empty()) wanted = fallback;
  if (wanted.empty()) wanted = checked;
  const bool from_parameter = wanted != included;
  const std::string fallback_version = !resolve_version(versions, fallback).empty() ? resolve_version(versions, fallback)
                                       : !resolve_version(versions, checked).empty() ? resolve_version(versions, checked)
                                                                                     : latest;
  if (!wanted.empty()) {
    const std::string resolved = resolve_version(versions, wanted);
    if (resolved.empty()) {
      choice.issues.push_back(unknown_version_issue(input, wanted, versions));
      if (choice.unknown_version.empty()) choice.unknown_version = canonical_of(system, wanted);
    }
    const bool given_matches = !given.empty() && (given == wanted || version_matches(wanted, given));
    if (!given.empty() && !given_matches) {
      const std::string source = from_parameter ? "' resulting from the version '" + included + "' in the ValueSet include"
                                                : "' in the ValueSet include";
      choice.issues.push_back(make_issue("error", "invalid", "vs-invalid",
                                         "The code system '" + system + "' version '" + wanted + source +
                                             " is different to the one in the value ('" + given + "')",
                                         input.at("version"),
                                         from_parameter ? "VALUESET_VALUE_MISMATCH_CHANGED" : "VALUESET_VALUE_MISMATCH"));
    }
    if (given_matches && given_exists) {
      choice.version = given;
    } else if (!resolved.empty()) {
      choice.version = resolved;
    } else {
      choice.version = !given.empty() && given_exists ? given : fallback_version;
    }
  } else if (!given.empty() && given_exists) {
    choice.version = resolve_version(versions, given);
  } else {
    choice.version = latest;
    if (!given.empty()) {
      choice.issues.push_back(make_issue("warning", "invalid", "vs-invalid",
                                         "The code system '" + system + "' version '" + latest +
                                             "' for the versionless include in the ValueSet include is different to the one in the value ('" +
                                             given + "')",
                                         input.at("version"), "VALUESET_VALUE_MISMATCH_DEFAULT"));
    }
  }
  if (!checked.empty() && !version_matches(checked, choice.version)) {
    choice.issues.push_back(make_issue("error", "exception", "version-error",
                                       version_check_text(system, choice.version, checked),
                                       input.at("version"), "VALUESET_VERSION_CHECK"));
  }
  return choice;
}

CodingResult validate_in_value_set(const TerminologyRegistry& registry, const ValueSetResource& value_set,
                                   CodingInput input, const ValidationSettings& settings, ExpansionOptions options) {
  const std::string label = canonical_of(value_set.url, value_set.version);
  const ValueSetExpander expander(registry, options);
  if (input.coding.system.empty()) {
    // The system may be inferred when the value set draws on one system only.
    std::vector<std::string> systems;
    for (const ConceptSetRule& rule : value_set.includes) {
      if (!rule.system.empty() && std::find(systems.begin(), systems.end(), rule.system) == systems.end()) {
        systems.push_back(rule.system);
      }
    }
    CodingResult result;
    result.code = input.coding.code;
    if (systems.size() == 1) {
      auto membership = expander.contains(value_set, systems[0], "", input.coding.code);
      if (membership.is_ok() && membership.value().is_member) input.coding.system = systems[0];
    }
    if (input.coding.system.empty()) {
      result.issues.push_back(make_issue("error", "not-found", "cannot-infer",
                                         "The System URI could not be determined for the code '" + input.coding.code +
                                             "' in the ValueSet '" + label + "'",
                                         input.at("code"), "UNABLE_TO_INFER_CODESYSTEM"));
      result.issues.push_back(make_issue("error", "code-invalid", "not-in-vs",
                                         "The provided code '#" + input.coding.code + "' was not found in the value set '" +
                                             label + "'",
                                         input.at("code"), "None_of_the_provided_codes_are_in_the_value_set_one"));
      return result;
    }
  }
  const VersionChoice choice = choose_version(registry, value_set, input, options);
  const std::string version = choice.version;
  CodingResult result = validate_in_code_system(registry, input, version, settings);
  if (choice.known_system) {
    result.issues.insert(result.issues.begin(), choice.issues.begin(), choice.issues.end());
    if (result.unknown_version.empty()) result.unknown_version = choice.unknown_version;
    if (choice.has_error()) {
      result.valid = false;
      return result;
    }
  }
  auto membership = expander.contains(value_set, input.coding.system, result.version.empty() ? version : result.version,
                                      input.coding.code);
  if (!membership.is_ok()) {
    result.valid = false;
    for (const Issue& issue : membership.error().issues) result.issues.push_back(issue);
    return result;
  }
  for (const PublicationNote& note : membership.value().notes) {
    Issue issue = make_issue("information", "business-rule", "status-check",
                             "Reference to " + note.kind + " " + note.resource_type + " " + note.canonical, "",
                             "MSG_" + upper(note.kind));
    result.issues.push_back(std::move(issue));
  }
  if (!membership.value().is_member) {
    result.valid = false;
    if (result.unknown_system.empty() && !membership.value().missing_systems.empty()) {
      result.issues.push_back(make_issue("warning", "not-found", "not-found",
                                         "Unable to check whether the code is in the value set '" + label +
                                             "' because the code system " + membership.value().missing_systems[0] +
                                             " was not found",
                                         input.at("system")));
    }
    result.issues.insert(result.issues.begin(),
                         make_issue("error", "code-invalid", "not-in-vs",
                                    "The provided code '" + coding_label(input) + "' was not found in the value set '" +
                                        label + "'",
                                    input.at("code"), "None_of_the_provided_codes_are_in_the_value_set_one"));
  }
  return result;
}

void write_issues_parameter(JsonWriter& writer, const std::vector<Issue>& issues) {
  writer.StartObject();
  write_member(writer, "name", "issues");
  writer.Key("resource");
  write_operation_outcome(writer, issues);
  writer.EndObject();
}

// The message parameter: the errors' texts, else the warnings', joined by "; ".
std::string message_of(const std::vector<Issue>& issues) {
  std::vector<std::string> texts;
  for (const char* severity : {"error", "warning"}) {
    for (const Issue& issue : issues) {
      if (issue.severity == severity) texts.push_back(issue.text);
    }
    if (!texts.empty()) break;
  }
  std::sort(texts.begin(), texts.end());
  std::string message;
  for (const std::string& text : texts) message += (message.empty() ? "" : "; ") + text;
  return message;
}

std::vector<CodingInput> codings_of(const OperationInput& input, bool& is_codeable_concept, bool& given) {
  std::vector<CodingInput> codings;
  given = true;
  if (const JsonValue* term = input.value_json("codeableConcept")) {
    is_codeable_concept = true;
    if (const JsonValue* list = array_member(*term, "coding")) {
      for (rapidjson::SizeType i = 0; i < list->Size(); ++i) {
        codings.push_back({read_coding((*list)[i]), "CodeableConcept.coding[" + std::to_string(i) + "]"});
      }
    }
    return codings;
  }
  if (const JsonValue* coding = input.value_json("coding"); coding != nullptr && coding->IsObject()) {
    codings.push_back({read_coding(*coding), "Coding"});
    return codings;
  }
  if (!input.has("code")) {
    given = false;
    return codings;
  }
  CodingInput plain;
  plain.coding.code = input.text("code");
  plain.coding.system = input.text("system");
  plain.coding.version = input.text("systemVersion").empty() ? input.text("version") : input.text("systemVersion");
  plain.coding.display = input.text("display");
  codings.push_back(plain);
  return codings;
}

}  // namespace

FhirResponse validate_code(RequestContext& context, bool on_code_system) {
  const OperationInput& input = *context.input;
  bool is_codeable_concept = false;
  bool given = false;
  std::vector<CodingInput> codings = codings_of(input, is_codeable_concept, given);
  if (!given) {
    return fhir_error(operation_error(400, "invalid", "Give what to validate: code (with system), coding or codeableConcept",
                                      "", "NO_CODE"));
  }
  if (codings.empty()) {
    return fhir_error(operation_error(400, "invalid", "Parameter 'codeableConcept' has no coding to validate", "", "NO_CODE"));
  }
  ValidationSettings settings;
  settings.lenient_display = input.flag("lenient-display-validation", false);
  settings.active_only = input.flag("activeOnly", false);
  settings.abstract_ok = input.flag("abstract", true);
  settings.display_language = display_language_of(context);
  settings.membership_only = input.flag("valueset-membership-only", false);
  ExpansionOptions options;
  options.display_language = settings.display_language;
  read_version_parameters(input, options);

  const ValueSetResource* value_set = nullptr;
  if (!on_code_system) {
    auto found = value_set_of(context);
    if (!found.is_ok()) return fhir_error(found.error());
    value_set = found.value();
    if (!value_set->compose_inactive) settings.active_only = true;
  } else if (!is_codeable_concept && codings.size() == 1 && codings[0].coding.system.empty()) {
    codings[0].coding.system = split_canonical(input.text("url")).first;
  }

  std::vector<CodingResult> results;
  for (const CodingInput& coding : codings) {
    results.push_back(value_set != nullptr
                          ? validate_in_value_set(context.registry, *value_set, coding, settings, options)
                          : validate_in_code_system(context.registry, coding, coding.coding.version, settings));
  }
  // A codeable concept is valid when one of its codings is.
  const CodingResult* chosen = nullptr;
  for (const CodingResult& result : results) {
    if (result.valid) {
      chosen = &result;
      break;
    }
  }
  const bool any_valid = chosen != nullptr;
  bool valid = any_valid;
  std::vector<Issue> issues;
  bool not_in_value_set = false;  // some coding of a codeable concept is not in the value set
  if (is_codeable_concept) {
    for (const CodingResult& result : results) {
      for (Issue issue : result.issues) {
        if (issue.tx_type == "not-in-vs") {
          not_in_value_set = true;
          issue.severity = "information";
          issue.tx_type = "this-code-not-in-vs";
        }
        issues.push_back(std::move(issue));
      }
    }
    // A coding that is wrong (an unknown code, a bad display) fails the concept even when
    // another coding is in the value set, as tx.fhir.org judges it.
    valid = any_valid && std::none_of(issues.begin(), issues.end(), [](const Issue& issue) { return issue.severity == "error"; });
    if (!any_valid && value_set != nullptr && not_in_value_set) {
      Issue none;
      none.code = "code-invalid";
      none.tx_type = "not-in-vs";
      none.text = "No valid coding was found for the value set '" + canonical_of(value_set->url, value_set->version) + "'";
      none.message_id = "TX_GENERAL_CC_ERROR_MESSAGE";
      issues.insert(issues.begin(), none);
    }
  } else if (!results.empty()) {
    issues = results[0].issues;
  }
  if (chosen == nullptr && !results.empty()) {
    chosen = &results[0];
    for (const CodingResult& result : results) {
      if (result.known_code) {
        chosen = &result;
        break;
      }
    }
  }

  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  begin_parameters(writer);
  write_parameter(writer, "result", "valueBoolean", valid ? "true" : "false");
  // An invalid codeable concept none of whose codings is in the value set names no coding
  // (as tx.fhir.org answers).
  if (chosen != nullptr && !(is_codeable_concept && !any_valid && not_in_value_set)) {
    if (!chosen->code.empty()) write_parameter(writer, "code", "valueCode", chosen->code);
    if (!chosen->system.empty()) write_parameter(writer, "system", "valueUri", chosen->system);
    if (!chosen->version.empty()) write_parameter(writer, "version", "valueString", chosen->version);
    if (!chosen->display.empty()) write_parameter(writer, "display", "valueString", chosen->display);
    if (chosen->inactive) write_parameter(writer, "inactive", "valueBoolean", "true");
  }
  for (const CodingResult& result : results) {
    if (!result.unknown_system.empty()) write_parameter(writer, "x-unknown-system", "valueCanonical", result.unknown_system);
    if (!result.unknown_version.empty()) {
      write_parameter(writer, "x-caused-by-unknown-system", "valueCanonical", result.unknown_version);
    }
  }
  if (is_codeable_concept) {
    writer.StartObject();
    write_member(writer, "name", "codeableConcept");
    writer.Key("valueCodeableConcept");
    input.value_json("codeableConcept")->Accept(writer);
    writer.EndObject();
  }
  if (!issues.empty()) {
    const std::string message = message_of(issues);
    if (!message.empty()) write_parameter(writer, "message", "valueString", message);
    write_issues_parameter(writer, issues);
  }
  end_parameters(writer);
  return fhir_answer(buffer_text(buffer));
}

FhirResponse batch_validate_code(RequestContext& context) {
  // Each "validation" parameter holds the parameters of one $validate-code (tx.fhir.org's
  // batch form); the outer parameters (tx-resource, url, flags) apply to each unless the
  // validation gives its own.
  rapidjson::Document outer;
  const std::string_view body = without_byte_order_mark(context.request.body);
  outer.Parse<rapidjson::kParseIterativeFlag>(body.data(), body.size());
  const JsonValue* outer_list = outer.IsObject() ? array_member(outer, "parameter") : nullptr;
  if (outer_list == nullptr) {
    return fhir_error(operation_error(400, "invalid", "$batch-validate-code takes a Parameters resource with validation parameters",
                                      "", "NO_VALIDATIONS"));
  }
  // Each validation re-reads the outer parameters (its tx-resources among them): bounded, so
  // one request cannot ask for a quadratic amount of work.
  constexpr std::size_t kMaxValidations = 1000;
  const std::size_t validations = static_cast<std::size_t>(std::count_if(
      outer_list->Begin(), outer_list->End(), [](const JsonValue& item) { return string_member(item, "name") == "validation"; }));
  if (validations > kMaxValidations) {
    return fhir_error(operation_error(400, "too-costly", "$batch-validate-code takes at most " + std::to_string(kMaxValidations) +
                                                             " validations per request, not " + std::to_string(validations) +
                                                             "; split the batch", "", "TOO_MANY_VALIDATIONS"));
  }
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  begin_parameters(writer);
  for (const JsonValue& validation : outer_list->GetArray()) {
    if (string_member(validation, "name") != "validation") continue;
    const JsonValue* inner = member(validation, "resource");
    const JsonValue* inner_list = inner != nullptr ? array_member(*inner, "parameter") : nullptr;
    std::set<std::string> inner_names;
    if (inner_list != nullptr) {
      for (const JsonValue& parameter : inner_list->GetArray()) inner_names.insert(string_member(parameter, "name"));
    }
    rapidjson::StringBuffer merged_buffer;
    JsonWriter merged(merged_buffer);
    begin_parameters(merged);
    for (const JsonValue& parameter : outer_list->GetArray()) {
      const std::string name = string_member(parameter, "name");
      if (name == "validation" || inner_names.count(name) != 0) continue;
      parameter.Accept(merged);
    }
    if (inner_list != nullptr) {
      for (const JsonValue& parameter : inner_list->GetArray()) parameter.Accept(merged);
    }
    end_parameters(merged);
    FhirRequest one = context.request;
    one.method = "POST";
    one.query.clear();
    one.body.assign(merged_buffer.GetString(), merged_buffer.GetSize());
    auto one_context = make_request_context(one, context.searcher, context.store);
    const FhirResponse answer = one_context.is_ok() ? validate_code(*one_context.value(), false) : fhir_error(one_context.error());
    rapidjson::Document answer_json;
    answer_json.Parse(answer.body.c_str(), answer.body.size());
    writer.StartObject();
    write_member(writer, "name", "validation");
    writer.Key("resource");
    answer_json.Accept(writer);
    writer.EndObject();
  }
  end_parameters(writer);
  return fhir_answer(buffer_text(buffer));
}

}  // namespace medcode::searcher::fhir
