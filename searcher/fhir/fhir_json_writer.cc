#include "searcher/fhir/internal/fhir_json_writer.h"

#include <cctype>
#include <cstdlib>
#include <cstring>

namespace medcode::searcher::fhir {

void write_member(JsonWriter& writer, const char* key, const std::string& text) {
  if (text.empty()) return;
  writer.Key(key);
  write_text(writer, text);
}

void write_coding(JsonWriter& writer, const Coding& coding) {
  writer.StartObject();
  write_member(writer, "system", coding.system);
  write_member(writer, "version", coding.version);
  write_member(writer, "code", coding.code);
  write_member(writer, "display", coding.display);
  writer.EndObject();
}

void write_issue(JsonWriter& writer, const Issue& issue) {
  writer.StartObject();
  if (!issue.message_id.empty()) {
    writer.Key("extension");
    writer.StartArray();
    writer.StartObject();
    write_member(writer, "url", "http://hl7.org/fhir/StructureDefinition/operationoutcome-message-id");
    write_member(writer, "valueString", issue.message_id);
    writer.EndObject();
    writer.EndArray();
  }
  write_member(writer, "severity", issue.severity);
  write_member(writer, "code", issue.code.empty() ? std::string("processing") : issue.code);
  writer.Key("details");
  writer.StartObject();
  if (!issue.tx_type.empty()) {
    writer.Key("coding");
    writer.StartArray();
    write_coding(writer, Coding{"http://hl7.org/fhir/tools/CodeSystem/tx-issue-type", "", issue.tx_type, ""});
    writer.EndArray();
  }
  write_member(writer, "text", issue.text);
  writer.EndObject();
  if (!issue.expression.empty()) {
    // R4 keeps location (deprecated) beside expression. tx.fhir.org has stopped writing it
    // for membership and unknown-code issues, and HL7's newer tests expect it so.
    const bool location_too = issue.tx_type != "not-in-vs" && issue.tx_type != "this-code-not-in-vs" &&
                              issue.tx_type != "invalid-code";
    for (const char* key : {"location", "expression"}) {
      if (!location_too && std::string(key) == "location") continue;
      writer.Key(key);
      writer.StartArray();
      for (const std::string& path : issue.expression) write_text(writer, path);
      writer.EndArray();
    }
  }
  writer.EndObject();
}

void write_operation_outcome(JsonWriter& writer, const std::vector<Issue>& issues) {
  writer.StartObject();
  write_member(writer, "resourceType", "OperationOutcome");
  writer.Key("issue");
  writer.StartArray();
  for (const Issue& issue : issues) write_issue(writer, issue);
  writer.EndArray();
  writer.EndObject();
}

std::string operation_outcome_json(const std::vector<Issue>& issues) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  write_operation_outcome(writer, issues);
  return std::string(buffer.GetString(), buffer.GetSize());
}

void write_parameter(JsonWriter& writer, const std::string& name, const char* type, const std::string& value) {
  writer.StartObject();
  write_member(writer, "name", name);
  writer.Key(type);
  if (std::strcmp(type, "valueBoolean") == 0) {
    writer.Bool(value == "true");
  } else if (std::strcmp(type, "valueInteger") == 0) {
    writer.Int64(std::strtoll(value.c_str(), nullptr, 10));
  } else {
    write_text(writer, value);
  }
  writer.EndObject();
}

void begin_parameters(JsonWriter& writer) {
  writer.StartObject();
  write_member(writer, "resourceType", "Parameters");
  writer.Key("parameter");
  writer.StartArray();
}

void end_parameters(JsonWriter& writer) {
  writer.EndArray();
  writer.EndObject();
}

std::string value_key(const std::string& type) {
  if (type.empty()) return "valueString";
  return "value" + std::string(1, static_cast<char>(std::toupper(static_cast<unsigned char>(type[0])))) + type.substr(1);
}

}  // namespace medcode::searcher::fhir
