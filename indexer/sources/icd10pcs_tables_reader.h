// Reads the ICD-10-PCS Tables XML (<ICD10PCS.tabular>, icd10pcs_tables_YYYY.xml): for every
// table, the meaning of each of the seven character positions. Positions 1-3 (section,
// body system, operation) are fixed per table; positions 4-7 vary by row.
#pragma once

#include <string>
#include <unordered_map>

#include "common/status.h"
#include "indexer/skip_log.h"

namespace medcode::indexer {

struct PcsAxisValue {
  std::string axis_title;  // "Body Part", "Approach", "Operation", "Type", ...
  std::string label;       // "Appendix", "Percutaneous Endoscopic"
  std::string definition;  // the table's <definition> (operations); often empty
};

struct PcsTables {
  // "<first 3 characters><position><character>" -> its meaning, e.g. "0DT" "4" "J" ->
  // Body Part "Appendix". Positions 1-3 are keyed with the table's first 3 characters too.
  std::unordered_map<std::string, PcsAxisValue> values;
  std::size_t table_count = 0;
  SkipLog skipped;

  // The meaning of character position (1-7) of a 7-character code, or nullptr.
  const PcsAxisValue* find(const std::string& code, int position) const;
};

// Parses the file. A label without a one-character code, or an axis without pos, is
// skipped and logged. Fails with kDataError on invalid UTF-8, malformed XML, a root other
// than <ICD10PCS.tabular>, or no <pcsTable> at all.
Result<PcsTables> read_icd10pcs_tables(std::string bytes, const std::string& source_name);

}  // namespace medcode::indexer
