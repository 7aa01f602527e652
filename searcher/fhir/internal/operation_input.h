// An operation's input parameters, from a POSTed Parameters resource or a GET query
// string, with typed reads. Parameter values keep their JSON (a Coding, a resource).
#pragma once

#include <rapidjson/document.h>

#include <memory>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "searcher/fhir/internal/json_access.h"
#include "searcher/fhir/operation_issue.h"
#include "searcher/fhir/terminology_model.h"

namespace medcode::searcher::fhir {

struct FhirRequest;

// JSON deeper than this is refused before parsing: RapidJSON's DOM and writer recurse, so
// a body of a million "[" would otherwise end the server with a stack overflow.
inline constexpr std::size_t kMaxJsonDepth = 128;

// The body without a leading UTF-8 byte order mark (some clients, and HL7's test files,
// start JSON with one).
std::string_view without_byte_order_mark(std::string_view body);

// The deepest nesting of arrays and objects in text, outside strings (to check against
// kMaxJsonDepth before parsing).
std::size_t json_depth(std::string_view text);

class OperationInput {
 public:
  // OperationError 400 for a body that is not JSON or not a Parameters resource.
  static Outcome<std::shared_ptr<OperationInput>> parse(const FhirRequest& request);

  // The first parameter named name as text (valueString, valueUri, valueCode, valueBoolean
  // "true"...), "" when absent.
  std::string text(const std::string& name) const;
  std::vector<std::string> texts(const std::string& name) const;
  bool has(const std::string& name) const;
  // true/false for a boolean given as valueBoolean or "true"/"false" text; fallback when absent.
  bool flag(const std::string& name, bool fallback) const;
  // A valueCoding (or resource-less Coding JSON) parameter; nullptr when absent.
  const JsonValue* value_json(const std::string& name) const;
  // Every "resource" of the parameters named name, in order.
  std::vector<const JsonValue*> resources(const std::string& name) const;

  bool is_post() const { return is_post_; }

 private:
  struct Parameter {
    std::string name;
    std::string text;
    const JsonValue* value = nullptr;     // value[x]
    const JsonValue* resource = nullptr;  // resource
  };
  rapidjson::Document document_;
  std::vector<Parameter> parameters_;
  bool is_post_ = false;
};

}  // namespace medcode::searcher::fhir
