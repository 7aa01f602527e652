// Small read helpers over RapidJSON values for the FHIR module: missing members and
// wrong types read as empty, since FHIR resources leave most elements out.
#pragma once

#include <rapidjson/document.h>

#include <string>

namespace medcode::searcher::fhir {

using JsonValue = rapidjson::Value;

inline const JsonValue* member(const JsonValue& object, const char* name) {
  if (!object.IsObject()) return nullptr;
  auto found = object.FindMember(name);
  return found == object.MemberEnd() ? nullptr : &found->value;
}

inline std::string string_member(const JsonValue& object, const char* name) {
  const JsonValue* value = member(object, name);
  return value != nullptr && value->IsString() ? std::string(value->GetString(), value->GetStringLength())
                                               : std::string();
}

inline bool bool_member(const JsonValue& object, const char* name, bool fallback) {
  const JsonValue* value = member(object, name);
  return value != nullptr && value->IsBool() ? value->GetBool() : fallback;
}

inline const JsonValue* array_member(const JsonValue& object, const char* name) {
  const JsonValue* value = member(object, name);
  return value != nullptr && value->IsArray() ? value : nullptr;
}

// The text of a JSON string, number or boolean; "" for anything else.
inline std::string scalar_text(const JsonValue& value) {
  if (value.IsString()) return std::string(value.GetString(), value.GetStringLength());
  if (value.IsBool()) return value.GetBool() ? "true" : "false";
  if (value.IsInt64()) return std::to_string(value.GetInt64());
  if (value.IsUint64()) return std::to_string(value.GetUint64());
  if (value.IsDouble()) {
    std::string text = std::to_string(value.GetDouble());
    while (!text.empty() && text.back() == '0') text.pop_back();
    if (!text.empty() && text.back() == '.') text.pop_back();
    return text;
  }
  return "";
}

}  // namespace medcode::searcher::fhir
