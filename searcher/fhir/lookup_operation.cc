// CodeSystem/$lookup (FHIR R4): a concept's name, version, display, designations and
// properties (parent, child, inactive, and each the code system defines).
#include "searcher/fhir/internal/fhir_json_writer.h"
#include "searcher/fhir/internal/operations.h"
#include "searcher/fhir/internal/resource_json.h"
#include "searcher/fhir/value_set_expander.h"

namespace medcode::searcher::fhir {
namespace {

void write_part(JsonWriter& writer, const char* name, const char* type, const std::string& value) {
  write_parameter(writer, name, type, value);
}

void write_property(JsonWriter& writer, const std::string& code, const PropertyValue& value, const std::string& description) {
  writer.StartObject();
  write_member(writer, "name", "property");
  writer.Key("part");
  writer.StartArray();
  write_part(writer, "code", "valueCode", code);
  if (value.type == "Coding") {
    writer.StartObject();
    write_member(writer, "name", "value");
    writer.Key("valueCoding");
    write_coding(writer, value.coding);
    writer.EndObject();
  } else {
    write_part(writer, "value", value_key(value.type).c_str(), value.value);
  }
  if (!description.empty()) write_part(writer, "description", "valueString", description);
  writer.EndArray();
  writer.EndObject();
}

void write_designation(JsonWriter& writer, const Designation& designation) {
  writer.StartObject();
  write_member(writer, "name", "designation");
  writer.Key("part");
  writer.StartArray();
  if (!designation.language.empty()) write_part(writer, "language", "valueCode", designation.language);
  if (!designation.use.code.empty()) {
    writer.StartObject();
    write_member(writer, "name", "use");
    writer.Key("valueCoding");
    write_coding(writer, designation.use);
    writer.EndObject();
  }
  write_part(writer, "value", "valueString", designation.value);
  writer.EndArray();
  writer.EndObject();
}

bool wanted(const std::vector<std::string>& properties, const std::string& code) {
  if (properties.empty()) return true;
  for (const std::string& property : properties) {
    if (property == "*" || property == code) return true;
  }
  return false;
}

}  // namespace

FhirResponse lookup_code(RequestContext& context) {
  const OperationInput& input = *context.input;
  Coding coding;
  if (const JsonValue* json = input.value_json("coding"); json != nullptr && json->IsObject()) {
    coding = read_coding(*json);
  } else {
    coding.code = input.text("code");
    coding.system = input.text("system");
    coding.version = input.text("version");
  }
  if (coding.code.empty() || coding.system.empty()) {
    return fhir_error(operation_error(400, "invalid", "Give the concept to look up: system and code, or coding", "", "NO_CODE"));
  }
  const CodeSystemSource* code_system = context.registry.code_system(coding.system, coding.version);
  if (code_system == nullptr) {
    std::string text = "A definition for CodeSystem '" + coding.system + "'";
    if (!coding.version.empty()) text += " version '" + coding.version + "'";
    text += " could not be found, so the code cannot be looked up";
    return fhir_error(operation_error(404, "not-found", text, "not-found", "UNKNOWN_CODESYSTEM"));
  }
  const CodeSystemInfo& info = code_system->info();
  auto found = code_system->find(coding.code);
  if (!found.is_ok()) return fhir_error(operation_error(503, "exception", found.status().message()));
  if (!found.value()) {
    std::string text = "Unknown code '" + coding.code + "' in the CodeSystem '" + info.url + "'";
    if (!info.version.empty()) text += " version '" + info.version + "'";
    return fhir_error(operation_error(404, "not-found", text, "invalid-code", "Unknown_Code_in_Version"));
  }
  const Concept& term = *found.value();
  const std::vector<std::string> properties = input.texts("property");
  ExpansionOptions options;
  options.display_language = display_language_of(context);
  const std::string display = ValueSetExpander(context.registry, options).display_for(term, info);

  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  begin_parameters(writer);
  write_parameter(writer, "name", "valueString", info.name.empty() ? info.title : info.name);
  if (!info.version.empty()) write_parameter(writer, "version", "valueString", info.version);
  write_parameter(writer, "system", "valueUri", info.url);
  write_parameter(writer, "code", "valueCode", term.code);
  if (!display.empty()) write_parameter(writer, "display", "valueString", display);
  if (!term.definition.empty()) write_parameter(writer, "definition", "valueString", term.definition);
  write_parameter(writer, "abstract", "valueBoolean", term.is_abstract ? "true" : "false");
  if (!term.display.empty()) {
    write_designation(writer, Designation{info.language.empty() ? "en" : info.language,
                                          {"http://terminology.hl7.org/CodeSystem/hl7TermMaintInfra", "",
                                           "preferredForLanguage", "Preferred For Language"},
                                          term.display});
  }
  for (const Designation& designation : term.designations) write_designation(writer, designation);
  // The hierarchy comes from nesting as well as properties, so parent and child are
  // written from it, with the related concept's display as description.
  auto display_of = [&](const std::string& code) {
    auto related = code_system->find(code);
    return related.is_ok() && related.value() ? related.value()->display : std::string();
  };
  if (wanted(properties, "parent")) {
    for (const std::string& parent : term.parents) write_property(writer, "parent", {"parent", "code", parent, {}}, display_of(parent));
  }
  if (wanted(properties, "child")) {
    for (const std::string& child : term.children) write_property(writer, "child", {"child", "code", child, {}}, display_of(child));
  }
  if (wanted(properties, "inactive")) {
    write_property(writer, "inactive", {"inactive", "boolean", term.is_inactive ? "true" : "false", {}}, "");
  }
  for (const PropertyValue& property : term.properties) {
    if (property.code == "parent" || property.code == "child" || property.code == "inactive") continue;
    if (!wanted(properties, property.code)) continue;
    write_property(writer, property.code, property, "");
  }
  end_parameters(writer);
  return fhir_answer(buffer_text(buffer));
}

FhirResponse subsumes_codes(RequestContext& context) {
  const OperationInput& input = *context.input;
  Coding a;
  Coding b;
  if (const JsonValue* json = input.value_json("codingA"); json != nullptr && json->IsObject()) a = read_coding(*json);
  if (const JsonValue* json = input.value_json("codingB"); json != nullptr && json->IsObject()) b = read_coding(*json);
  if (a.code.empty()) a.code = input.text("codeA");
  if (b.code.empty()) b.code = input.text("codeB");
  const std::string system = !input.text("system").empty() ? input.text("system") : a.system;
  if (a.system.empty()) a.system = system;
  if (b.system.empty()) b.system = system;
  if (a.code.empty() || b.code.empty() || system.empty()) {
    return fhir_error(operation_error(400, "invalid", "Give system with codeA and codeB, or codingA and codingB", "", "NO_CODE"));
  }
  if (a.system != b.system) {
    return fhir_error(operation_error(400, "invalid", "codingA and codingB are from different code systems (" + a.system +
                                                          ", " + b.system + "): subsumption is within one system", "", "SUBSUMES_SYSTEMS"));
  }
  const CodeSystemSource* code_system = context.registry.code_system(system, input.text("version"));
  if (code_system == nullptr) {
    return fhir_error(operation_error(404, "not-found", "A definition for CodeSystem '" + system + "' could not be found",
                                      "not-found", "UNKNOWN_CODESYSTEM"));
  }
  for (Coding* coding : {&a, &b}) {
    auto found = code_system->find(coding->code);
    if (!found.is_ok()) return fhir_error(operation_error(503, "exception", found.status().message()));
    if (!found.value()) {
      return fhir_error(operation_error(404, "not-found", "Unknown code '" + coding->code + "' in the CodeSystem '" + system + "'",
                                        "invalid-code", "Unknown_Code_in_Version"));
    }
    coding->code = found.value()->code;
  }
  std::string outcome = "not-subsumed";
  if (a.code == b.code) {
    outcome = "equivalent";
  } else {
    auto down = code_system->subsumes(a.code, b.code);
    auto up = code_system->subsumes(b.code, a.code);
    if (!down.is_ok() || !up.is_ok()) return fhir_error(operation_error(503, "exception", "the index failed underneath"));
    if (down.value()) outcome = "subsumes";
    else if (up.value()) outcome = "subsumed-by";
  }
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  begin_parameters(writer);
  write_parameter(writer, "outcome", "valueCode", outcome);
  end_parameters(writer);
  return fhir_answer(buffer_text(buffer));
}

}  // namespace medcode::searcher::fhir
