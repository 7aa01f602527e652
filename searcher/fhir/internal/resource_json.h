// Reads FHIR CodeSystem and ValueSet resources (R4 JSON, tolerating R5 elements) from
// RapidJSON values into terminology_model.h values.
#pragma once

#include <memory>
#include <vector>

#include "common/status.h"
#include "searcher/fhir/internal/json_access.h"
#include "searcher/fhir/terminology_model.h"

namespace medcode::searcher::fhir {

struct CodeSystemResource {
  CodeSystemInfo info;
  std::vector<Concept> concepts;  // flattened, parents before children
};

// kInvalidArgument "CodeSystem: concept[2].concept[0] has no code" and the like, naming
// the element; where is prefixed ("tx-resource[1]").
Result<CodeSystemResource> read_code_system(const JsonValue& resource, const std::string& where);
Result<ValueSetResource> read_value_set(const JsonValue& resource, const std::string& where);
Coding read_coding(const JsonValue& coding);

}  // namespace medcode::searcher::fhir
