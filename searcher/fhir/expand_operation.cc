// ValueSet/$expand (FHIR R4 ValueSet operation expand).
#include <rapidjson/document.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <random>

#include "searcher/fhir/index_code_systems.h"
#include "searcher/fhir/internal/fhir_json_writer.h"
#include "searcher/fhir/internal/operations.h"
#include "searcher/fhir/value_set_expander.h"

namespace medcode::searcher::fhir {
namespace {

// The request parameters an expansion echoes in expansion.parameter, with their types.
struct EchoedParameter {
  const char* name;
  const char* type;
};
constexpr EchoedParameter kEchoed[] = {
    {"filter", "valueString"},           {"count", "valueInteger"},         {"offset", "valueInteger"},
    {"activeOnly", "valueBoolean"},      {"excludeNested", "valueBoolean"}, {"includeDesignations", "valueBoolean"},
    {"includeDefinition", "valueBoolean"}, {"displayLanguage", "valueCode"},
};

Outcome<std::size_t> count_of(const OperationInput& input, const char* name) {
  const std::string text = input.text(name);
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos || text.size() > 9) {
    return operation_error(400, "invalid", "Parameter '" + std::string(name) + "' must be a whole number 0 or more, not '" +
                                               text.substr(0, 20) + "'", "", "INVALID_PARAMETER");
  }
  return static_cast<std::size_t>(std::stoul(text));
}

void write_designation(JsonWriter& writer, const Designation& designation) {
  writer.StartObject();
  write_member(writer, "language", designation.language);
  if (!designation.use.code.empty()) {
    writer.Key("use");
    write_coding(writer, designation.use);
  }
  write_member(writer, "value", designation.value);
  writer.EndObject();
}

// R4 has no ValueSet.expansion.contains.property (R5 added it): it travels as FHIR's
// cross-version extension, with "code" and "value" sub-extensions, which R4 clients and the
// R4 JSON schema accept and R5-aware ones (the HL7 validator) read back as the element.
constexpr const char* kContainsPropertyExtension =
    "http://hl7.org/fhir/5.0/StructureDefinition/extension-ValueSet.expansion.contains.property";

void write_property_value(JsonWriter& writer, const PropertyValue& property) {
  writer.StartObject();
  write_member(writer, "url", kContainsPropertyExtension);
  writer.Key("extension");
  writer.StartArray();
  writer.StartObject();
  write_member(writer, "url", "code");
  write_member(writer, "valueCode", property.code);
  writer.EndObject();
  writer.StartObject();
  write_member(writer, "url", "value");
  const std::string type = property.type.empty() ? "string" : property.type;
  writer.Key(value_key(type).c_str());
  if (type == "boolean") {
    writer.Bool(property.value == "true");
  } else if (type == "integer") {
    writer.Int64(std::strtoll(property.value.c_str(), nullptr, 10));
  } else if (type == "Coding") {
    write_coding(writer, property.coding);
  } else {
    write_text(writer, property.value);
  }
  writer.EndObject();
  writer.EndArray();
  writer.EndObject();
}

void write_entry(JsonWriter& writer, const ExpansionEntry& entry, const ExpansionOptions& options) {
  writer.StartObject();
  write_member(writer, "system", entry.system);
  if (entry.term.is_abstract) {
    writer.Key("abstract");
    writer.Bool(true);
  }
  if (entry.term.is_inactive) {
    writer.Key("inactive");
    writer.Bool(true);
  }
  write_member(writer, "code", entry.term.code);
  write_member(writer, "display", entry.display);
  if (options.include_designations && !entry.term.designations.empty()) {
    writer.Key("designation");
    writer.StartArray();
    for (const Designation& designation : entry.term.designations) write_designation(writer, designation);
    writer.EndArray();
  }
  std::vector<const PropertyValue*> properties;
  for (const std::string& wanted : options.properties) {
    for (const PropertyValue& property : entry.term.properties) {
      if (wanted == "*" || property.code == wanted) properties.push_back(&property);
    }
  }
  if (!properties.empty()) {
    writer.Key("extension");
    writer.StartArray();
    for (const PropertyValue* property : properties) write_property_value(writer, *property);
    writer.EndArray();
  }
  writer.EndObject();
}

// The value set's identifying elements around the expansion. Like tx.fhir.org, the definition
// (compose, contained, description) and the publishing details are not echoed: the expansion
// is the answer, and the HL7 tests compare whatever is echoed.
constexpr const char* kEchoedValueSetMembers[] = {"resourceType", "language", "extension", "url", "version",
                                                  "name", "title", "status", "experimental"};

void write_value_set_members(JsonWriter& writer, const ValueSetResource& value_set) {
  rapidjson::Document document;
  if (!value_set.json.empty()) document.Parse(value_set.json.c_str(), value_set.json.size());
  if (value_set.json.empty() || !document.IsObject()) {
    write_member(writer, "resourceType", "ValueSet");
    write_member(writer, "url", value_set.url);
    write_member(writer, "version", value_set.version);
    write_member(writer, "status", value_set.status);
    return;
  }
  for (const char* name : kEchoedValueSetMembers) {
    const auto member = document.FindMember(name);
    if (member == document.MemberEnd()) continue;
    writer.Key(name);
    member->value.Accept(writer);
  }
}

}  // namespace

std::string new_uuid_urn() {
  static thread_local std::mt19937_64 generator{std::random_device{}()};
  const std::uint64_t high = generator();
  const std::uint64_t low = generator();
  char text[64];
  std::snprintf(text, sizeof text, "urn:uuid:%08x-%04x-4%03x-%04x-%012llx", static_cast<unsigned>(high >> 32),
                static_cast<unsigned>((high >> 16) & 0xffff), static_cast<unsigned>(high & 0xfff),
                static_cast<unsigned>(0x8000 | ((low >> 48) & 0x3fff)),
                static_cast<unsigned long long>(low & 0xffffffffffffULL));
  return text;
}

std::string now_instant() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

void read_version_parameters(const OperationInput& input, ExpansionOptions& options) {
  const std::pair<const char*, std::map<std::string, std::string>*> maps[] = {
      {"system-version", &options.default_versions},
      {"force-system-version", &options.forced_versions},
      {"check-system-version", &options.checked_versions}};
  for (const auto& [name, out] : maps) {
    for (const std::string& canonical : input.texts(name)) {
      const auto [url, version] = split_canonical(canonical);
      if (!url.empty() && !version.empty()) (*out)[url] = version;
    }
  }
}

std::string display_language_of(const RequestContext& context) {
  std::string language = context.input->text("displayLanguage");
  if (!language.empty()) return language;
  language = context.request.accept_language;
  const std::size_t end = language.find_first_of(",;");
  if (end != std::string::npos) language = language.substr(0, end);
  while (!language.empty() && language.back() == ' ') language.pop_back();
  return language == "*" ? "" : language;
}

FhirResponse expand_value_set(RequestContext& context) {
  const OperationInput& input = *context.input;
  auto value_set = value_set_of(context);
  if (!value_set.is_ok()) return fhir_error(value_set.error());

  ExpansionOptions options;
  options.active_only = input.flag("activeOnly", false);
  options.include_designations = input.flag("includeDesignations", false);
  options.include_definition = input.flag("includeDefinition", false);
  options.display_language = display_language_of(context);
  options.filter = input.text("filter");
  options.properties = input.texts("property");
  for (const char* name : {"count", "offset"}) {
    if (!input.has(name)) continue;
    auto number = count_of(input, name);
    if (!number.is_ok()) return fhir_error(number.error());
    (std::string(name) == "count" ? options.count : options.offset) = number.value();
    if (std::string(name) == "count") options.count_given = true;
  }
  read_version_parameters(input, options);

  const ValueSetExpander expander(context.registry, options);
  auto expansion = expander.expand(*value_set.value());
  if (!expansion.is_ok()) return fhir_error(expansion.error());

  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_value_set_members(writer, *value_set.value());
  writer.Key("expansion");
  writer.StartObject();
  write_member(writer, "identifier", new_uuid_urn());
  write_member(writer, "timestamp", now_instant());
  writer.Key("total");
  writer.Uint64(expansion.value().total);
  if (input.has("offset") || input.has("count")) {
    writer.Key("offset");
    writer.Uint64(options.offset);
  }
  writer.Key("parameter");
  writer.StartArray();
  for (const EchoedParameter& echoed : kEchoed) {
    std::string value = input.text(echoed.name);
    if (std::string(echoed.name) == "displayLanguage") value = options.display_language;
    if (value.empty()) continue;
    write_parameter(writer, echoed.name, echoed.type, value);
  }
  // A version parameter is echoed where it applied: a forced version wherever its system is
  // included, a default or checked one where an include leaves the version open.
  for (const char* name : {"system-version", "force-system-version", "check-system-version"}) {
    const bool forced = std::string(name) == "force-system-version";
    for (const std::string& canonical : input.texts(name)) {
      const std::string system = split_canonical(canonical).first;
      const bool applied = std::any_of(value_set.value()->includes.begin(), value_set.value()->includes.end(),
                                       [&](const ConceptSetRule& rule) {
                                         return rule.system == system && (forced || rule.version.empty());
                                       });
      if (applied) write_parameter(writer, name, "valueUri", canonical);
    }
  }
  for (const std::string& used : expansion.value().used_code_systems) write_parameter(writer, "used-codesystem", "valueUri", used);
  for (const std::string& used : expansion.value().used_value_sets) write_parameter(writer, "used-valueset", "valueUri", used);
  for (const PublicationNote& note : expansion.value().notes) {
    write_parameter(writer, "warning-" + note.kind, "valueUri", note.canonical);
  }
  writer.EndArray();
  if (!expansion.value().entries.empty()) {
    writer.Key("contains");
    writer.StartArray();
    for (const ExpansionEntry& entry : expansion.value().entries) write_entry(writer, entry, options);
    writer.EndArray();
  }
  writer.EndObject();
  writer.EndObject();
  return fhir_answer(std::string(buffer.GetString(), buffer.GetSize()));
}

Outcome<const ValueSetResource*> value_set_of(RequestContext& context) {
  const OperationInput& input = *context.input;
  for (const JsonValue* resource : input.resources("valueSet")) {
    return add_value_set(context, *resource, "parameter valueSet");
  }
  auto [url, version] = split_canonical(input.text("url"));
  if (url.empty()) {
    return operation_error(400, "invalid", "Give the value set: the parameter url (a canonical) or valueSet (a resource)",
                           "", "NO_VALUESET");
  }
  if (const std::string named = input.text("valueSetVersion"); !named.empty()) version = named;
  if (const ValueSetResource* found = context.registry.value_set(url, version)) return found;
  // The implicit value sets of a code system (FHIR R4 CodeSystem.valueSet, "?fhir_vs").
  const std::size_t query = url.find("?fhir_vs");
  if (query != std::string::npos) {
    ValueSetResource implicit;
    implicit.url = url;
    implicit.status = "active";
    implicit.has_compose = true;
    ConceptSetRule rule;
    rule.system = url.substr(0, query);
    const std::string rest = url.substr(query + 8);
    if (rest.rfind("=isa/", 0) == 0) {
      rule.filters.push_back({"concept", "is-a", rest.substr(5)});
    } else if (!rest.empty()) {
      return operation_error(400, "invalid", "Implicit value set '" + url + "' is not understood: use " + rule.system +
                                                 "?fhir_vs or " + rule.system + "?fhir_vs=isa/<code>", "", "INVALID_IMPLICIT_VS");
    }
    implicit.includes.push_back(rule);
    auto shared = std::make_shared<const ValueSetResource>(std::move(implicit));
    const ValueSetResource* pointer = shared.get();
    context.registry.add_value_set(std::move(shared));
    return pointer;
  }
  // A code system's all-codes value set (CodeSystem.valueSet).
  return operation_error(404, "not-found", "A definition for the value Set '" + canonical_of(url, version) + "' could not be found",
                         "not-found", "Unable_to_resolve_value_Set_");
}

}  // namespace medcode::searcher::fhir
