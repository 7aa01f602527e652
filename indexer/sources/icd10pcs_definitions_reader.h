// Reads the ICD-10-PCS Definitions XML (<ICD10PCS.definitions>): per section and character
// position, each value's title(s), definition, explanation and "includes" terms — the
// operation definitions and the body part, device, substance and approach keys.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"

namespace medcode::indexer {

struct PcsDefinition {
  std::string section;     // section character, "0"
  int position = 0;        // character position the value fills, 3-7
  std::string axis_title;  // "Operation", "Body Part", "Device", "Substance", "Approach"
  std::vector<std::string> titles;    // "1st Toe, Left", "1st Toe, Right"
  std::string definition;
  std::string explanation;
  std::vector<std::string> includes;  // "Hallux"; for operations, examples
};

struct PcsDefinitions {
  std::vector<PcsDefinition> terms;  // in document order
};

// Fails with kDataError on invalid UTF-8, malformed XML, a root other than
// <ICD10PCS.definitions>, or no <terms> at all.
Result<PcsDefinitions> read_icd10pcs_definitions(std::string bytes, const std::string& source_name);

}  // namespace medcode::indexer
