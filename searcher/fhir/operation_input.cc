#include "searcher/fhir/internal/operation_input.h"

#include <rapidjson/error/en.h>

#include <algorithm>

#include "common/utf8.h"
#include "searcher/fhir/fhir_service.h"

namespace medcode::searcher::fhir {

std::size_t json_depth(std::string_view text) {
  std::size_t depth = 0;
  std::size_t deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

std::string_view without_byte_order_mark(std::string_view body) {
  if (body.size() >= 3 && body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  return body;
}

Outcome<std::shared_ptr<OperationInput>> OperationInput::parse(const FhirRequest& request) {
  auto input = std::make_shared<OperationInput>();
  for (const auto& [name, value] : request.query) input->parameters_.push_back({name, value, nullptr, nullptr});
  if (request.method != "POST") return input;
  input->is_post_ = true;
  const std::string_view body = without_byte_order_mark(request.body);
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) return input;
  if (auto bad = find_invalid_utf8(body)) {
    return operation_error(400, "invalid", "The request body is not valid UTF-8 at byte " + std::to_string(*bad), "",
                           "BODY_NOT_UTF8");
  }
  if (json_depth(body) > kMaxJsonDepth) {
    return operation_error(400, "invalid", "The request body nests arrays and objects deeper than " +
                                               std::to_string(kMaxJsonDepth) + " levels", "", "BODY_TOO_DEEP");
  }
  rapidjson::Document& document = input->document_;
  document.Parse<rapidjson::kParseIterativeFlag>(body.data(), body.size());
  if (document.HasParseError()) {
    return operation_error(400, "invalid",
                           "The request body is not JSON: " + std::string(rapidjson::GetParseError_En(document.GetParseError())) +
                               " at byte " + std::to_string(document.GetErrorOffset()),
                           "", "BODY_NOT_JSON");
  }
  if (string_member(document, "resourceType") != "Parameters") {
    return operation_error(400, "invalid",
                           "The request body must be a Parameters resource (it has resourceType \"" +
                               string_member(document, "resourceType").substr(0, 40) + "\")",
                           "", "BODY_NOT_PARAMETERS");
  }
  if (const JsonValue* list = array_member(document, "parameter")) {
    for (const JsonValue& parameter : list->GetArray()) {
      Parameter parsed;
      parsed.name = string_member(parameter, "name");
      if (parameter.IsObject()) {
        for (auto it = parameter.MemberBegin(); it != parameter.MemberEnd(); ++it) {
          const std::string key(it->name.GetString(), it->name.GetStringLength());
          if (key.rfind("value", 0) == 0) {
            parsed.value = &it->value;
            parsed.text = scalar_text(it->value);
          } else if (key == "resource") {
            parsed.resource = &it->value;
          }
        }
      }
      input->parameters_.push_back(std::move(parsed));
    }
  }
  return input;
}

std::string OperationInput::text(const std::string& name) const {
  for (const Parameter& parameter : parameters_) {
    if (parameter.name == name) return parameter.text;
  }
  return "";
}

std::vector<std::string> OperationInput::texts(const std::string& name) const {
  std::vector<std::string> all;
  for (const Parameter& parameter : parameters_) {
    if (parameter.name == name) all.push_back(parameter.text);
  }
  return all;
}

bool OperationInput::has(const std::string& name) const {
  for (const Parameter& parameter : parameters_) {
    if (parameter.name == name) return true;
  }
  return false;
}

bool OperationInput::flag(const std::string& name, bool fallback) const {
  if (!has(name)) return fallback;
  const std::string value = text(name);
  if (value == "true") return true;
  if (value == "false") return false;
  return fallback;
}

const JsonValue* OperationInput::value_json(const std::string& name) const {
  for (const Parameter& parameter : parameters_) {
    if (parameter.name == name) return parameter.value;
  }
  return nullptr;
}

std::vector<const JsonValue*> OperationInput::resources(const std::string& name) const {
  std::vector<const JsonValue*> all;
  for (const Parameter& parameter : parameters_) {
    if (parameter.name == name && parameter.resource != nullptr) all.push_back(parameter.resource);
  }
  return all;
}

}  // namespace medcode::searcher::fhir
