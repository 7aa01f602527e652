// Writing FHIR JSON with RapidJSON: Parameters entries, Codings, OperationOutcome issues.
#pragma once

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>
#include <vector>

#include "searcher/fhir/operation_issue.h"
#include "searcher/fhir/terminology_model.h"

namespace medcode::searcher::fhir {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

inline void write_key(JsonWriter& writer, const char* key) { writer.Key(key); }
inline void write_text(JsonWriter& writer, const std::string& text) {
  writer.String(text.c_str(), static_cast<rapidjson::SizeType>(text.size()));
}
// "key": "text", left out when text is "".
void write_member(JsonWriter& writer, const char* key, const std::string& text);
void write_coding(JsonWriter& writer, const Coding& coding);
// The issues of an OperationOutcome, as its "issue" array's items.
void write_issue(JsonWriter& writer, const Issue& issue);
void write_operation_outcome(JsonWriter& writer, const std::vector<Issue>& issues);
std::string operation_outcome_json(const std::vector<Issue>& issues);

// One Parameters.parameter with a primitive value: {"name": name, "<type>": value}, type
// "valueString", "valueCode", "valueUri", "valueBoolean" (value "true"/"false"),
// "valueInteger" (digits), "valueCanonical", "valueDateTime", "valueDecimal".
void write_parameter(JsonWriter& writer, const std::string& name, const char* type, const std::string& value);

// The opening and closing of a Parameters resource: {"resourceType":"Parameters",
// "parameter":[ ... ]}; write parameters between them.
void begin_parameters(JsonWriter& writer);
void end_parameters(JsonWriter& writer);

// The JSON member a value of FHIR type type takes: "valueCode" for "code", "valueCoding"
// for "Coding", "valueString" for "".
std::string value_key(const std::string& type);

// What the buffer holds, as a string.
inline std::string buffer_text(const rapidjson::StringBuffer& buffer) { return std::string(buffer.GetString(), buffer.GetSize()); }

}  // namespace medcode::searcher::fhir
