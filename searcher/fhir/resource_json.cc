#include "searcher/fhir/internal/resource_json.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace medcode::searcher::fhir {
namespace {

constexpr const char* kConceptProperties = "http://hl7.org/fhir/concept-properties#";

Designation read_designation(const JsonValue& json) {
  Designation designation;
  designation.language = string_member(json, "language");
  if (const JsonValue* use = member(json, "use")) designation.use = read_coding(*use);
  designation.value = string_member(json, "value");
  return designation;
}

PropertyValue read_property_value(const JsonValue& json) {
  PropertyValue property;
  property.code = string_member(json, "code");
  if (!json.IsObject()) return property;
  for (auto it = json.MemberBegin(); it != json.MemberEnd(); ++it) {
    const std::string name(it->name.GetString(), it->name.GetStringLength());
    if (name.size() <= 5 || name.rfind("value", 0) != 0) continue;
    property.type = name.substr(5);
    property.type[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(property.type[0])));
    if (property.type == "coding") {
      property.type = "Coding";
      property.coding = read_coding(it->value);
      property.value = property.coding.code;
    } else {
      property.value = scalar_text(it->value);
    }
  }
  return property;
}

// What a concept property means: the concept-properties URI it declares, else its code.
std::string meaning_of(const std::string& code, const std::vector<PropertyDefinition>& definitions) {
  for (const PropertyDefinition& definition : definitions) {
    if (definition.code != code) continue;
    if (definition.uri.rfind(kConceptProperties, 0) == 0) return definition.uri.substr(std::string(kConceptProperties).size());
  }
  return code;
}

void apply_known_properties(Concept& term, const std::vector<PropertyDefinition>& definitions) {
  for (const PropertyValue& property : term.properties) {
    const std::string meaning = meaning_of(property.code, definitions);
    if ((meaning == "notSelectable" || meaning == "abstract") && property.value == "true") term.is_abstract = true;
    if (meaning == "inactive" && property.value == "true") term.is_inactive = true;
    if (meaning == "status") {
      term.status = property.value;
      if (property.value == "retired" || property.value == "inactive") term.is_inactive = true;
      if (property.value == "deprecated") term.is_deprecated = true;
    }
    if (meaning == "deprecated" && property.value == "true") term.is_deprecated = true;
    if (meaning == "parent" && !property.value.empty()) term.parents.push_back(property.value);
    if (meaning == "child" && !property.value.empty()) term.children.push_back(property.value);
  }
}

Status read_concepts(const JsonValue& list, const std::string& where, const std::string& parent,
                     const std::vector<PropertyDefinition>& definitions, std::vector<Concept>& out) {
  for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
    const JsonValue& json = list[i];
    const std::string here = where + "[" + std::to_string(i) + "]";
    Concept term;
    term.code = string_member(json, "code");
    if (term.code.empty()) return Status::invalid_argument(here + " has no code");
    term.display = string_member(json, "display");
    term.definition = string_member(json, "definition");
    if (const JsonValue* designations = array_member(json, "designation")) {
      for (const JsonValue& designation : designations->GetArray()) term.designations.push_back(read_designation(designation));
    }
    if (const JsonValue* properties = array_member(json, "property")) {
      for (const JsonValue& property : properties->GetArray()) term.properties.push_back(read_property_value(property));
    }
    if (!parent.empty()) term.parents.push_back(parent);
    apply_known_properties(term, definitions);
    const JsonValue* nested = array_member(json, "concept");
    if (nested != nullptr) {
      for (const JsonValue& child : nested->GetArray()) {
        const std::string child_code = string_member(child, "code");
        if (!child_code.empty()) term.children.push_back(child_code);
      }
    }
    // A copy: out grows below, which would move the parent's own code.
    const std::string code = term.code;
    out.push_back(std::move(term));
    if (nested != nullptr) {
      if (Status status = read_concepts(*nested, here + ".concept", code, definitions, out); !status.is_ok()) {
        return status;
      }
    }
  }
  return Status::ok();
}

ConceptSetRule read_rule(const JsonValue& json) {
  ConceptSetRule rule;
  rule.system = string_member(json, "system");
  rule.version = string_member(json, "version");
  if (const JsonValue* concepts = array_member(json, "concept")) {
    for (const JsonValue& term : concepts->GetArray()) {
      ConceptSetRule::Listed listed{string_member(term, "code"), string_member(term, "display"), {}};
      if (const JsonValue* designations = array_member(term, "designation")) {
        for (const JsonValue& designation : designations->GetArray()) listed.designations.push_back(read_designation(designation));
      }
      rule.concepts.push_back(std::move(listed));
    }
  }
  if (const JsonValue* filters = array_member(json, "filter")) {
    for (const JsonValue& filter : filters->GetArray()) {
      rule.filters.push_back({string_member(filter, "property"), string_member(filter, "op"),
                              member(filter, "value") ? scalar_text(*member(filter, "value")) : ""});
    }
  }
  if (const JsonValue* value_sets = array_member(json, "valueSet")) {
    for (const JsonValue& value_set : value_sets->GetArray()) {
      if (value_set.IsString()) rule.value_sets.emplace_back(value_set.GetString());
    }
  }
  return rule;
}

void read_contains(const JsonValue& list, std::vector<ValueSetResource::Contained>& out) {
  for (const JsonValue& json : list.GetArray()) {
    if (!string_member(json, "code").empty()) {
      out.push_back({string_member(json, "system"), string_member(json, "version"), string_member(json, "code"),
                     string_member(json, "display"), bool_member(json, "abstract", false),
                     bool_member(json, "inactive", false)});
    }
    if (const JsonValue* nested = array_member(json, "contains")) read_contains(*nested, out);
  }
}

// The value of a resource's structuredefinition-standards-status extension, or "".
std::string standards_status_of(const JsonValue& json) {
  if (const JsonValue* extensions = array_member(json, "extension")) {
    for (const JsonValue& extension : extensions->GetArray()) {
      if (string_member(extension, "url") == "http://hl7.org/fhir/StructureDefinition/structuredefinition-standards-status") {
        return string_member(extension, "valueCode");
      }
    }
  }
  return "";
}

}  // namespace

Coding read_coding(const JsonValue& json) {
  return Coding{string_member(json, "system"), string_member(json, "version"), string_member(json, "code"),
                string_member(json, "display")};
}

Result<CodeSystemResource> read_code_system(const JsonValue& json, const std::string& where) {
  if (!json.IsObject() || string_member(json, "resourceType") != "CodeSystem") {
    return Status::invalid_argument(where + " is not a CodeSystem resource");
  }
  CodeSystemResource resource;
  CodeSystemInfo& info = resource.info;
  info.url = string_member(json, "url");
  if (info.url.empty()) return Status::invalid_argument(where + ": CodeSystem has no url");
  info.version = string_member(json, "version");
  info.name = string_member(json, "name");
  info.title = string_member(json, "title");
  info.status = string_member(json, "status");
  info.language = string_member(json, "language");
  if (std::string content = string_member(json, "content"); !content.empty()) info.content = content;
  info.supplements = string_member(json, "supplements");
  info.value_set = string_member(json, "valueSet");
  info.case_sensitive = bool_member(json, "caseSensitive", true);
  info.experimental = bool_member(json, "experimental", false);
  info.standards_status = standards_status_of(json);
  if (const JsonValue* properties = array_member(json, "property")) {
    for (const JsonValue& property : properties->GetArray()) {
      info.properties.push_back({string_member(property, "code"), string_member(property, "uri"),
                                 string_member(property, "type"), string_member(property, "description")});
    }
  }
  if (const JsonValue* concepts = array_member(json, "concept")) {
    if (Status status = read_concepts(*concepts, where + ": CodeSystem.concept", "", info.properties, resource.concepts);
        !status.is_ok()) {
      return status;
    }
  }
  return resource;
}

Result<ValueSetResource> read_value_set(const JsonValue& json, const std::string& where) {
  if (!json.IsObject() || string_member(json, "resourceType") != "ValueSet") {
    return Status::invalid_argument(where + " is not a ValueSet resource");
  }
  ValueSetResource value_set;
  value_set.url = string_member(json, "url");
  value_set.version = string_member(json, "version");
  value_set.name = string_member(json, "name");
  value_set.title = string_member(json, "title");
  value_set.status = string_member(json, "status");
  value_set.language = string_member(json, "language");
  value_set.experimental = bool_member(json, "experimental", false);
  value_set.standards_status = standards_status_of(json);
  if (const JsonValue* compose = member(json, "compose")) {
    value_set.has_compose = true;
    value_set.compose_inactive = bool_member(*compose, "inactive", true);
    if (const JsonValue* includes = array_member(*compose, "include")) {
      for (const JsonValue& include : includes->GetArray()) value_set.includes.push_back(read_rule(include));
    }
    if (const JsonValue* excludes = array_member(*compose, "exclude")) {
      for (const JsonValue& exclude : excludes->GetArray()) value_set.excludes.push_back(read_rule(exclude));
    }
  } else if (const JsonValue* expansion = member(json, "expansion")) {
    value_set.has_expansion_only = true;
    if (const JsonValue* contains = array_member(*expansion, "contains")) read_contains(*contains, value_set.expansion);
  }
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  json.Accept(writer);
  value_set.json.assign(buffer.GetString(), buffer.GetSize());
  return value_set;
}

}  // namespace medcode::searcher::fhir
