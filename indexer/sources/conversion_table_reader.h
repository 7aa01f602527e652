// Reads the ICD-10-CM conversion table (ICD-10-CM-CONVERSION-TABLE-FYYYYY.xlsx, NCHS): for
// every code created since FY2016, the year it took effect and the code(s) it was assigned
// to before, in columns "Current code assignment", "Effective", "Previous Code(s)
// Assignment" under a title row.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "indexer/skip_log.h"

namespace medcode::indexer {

struct CodeConversion {
  std::string current;                // compact, "S3011XA"
  std::string effective;              // "2025": effective October 1 of that year
  std::vector<std::string> previous;  // compact, "S301XXA"
};

struct ConversionTable {
  std::vector<CodeConversion> conversions;
  SkipLog skipped;
};

// kDataError when the sheet has no "Current code assignment" header (naming the file), or
// as read_xlsx_first_sheet. Rows whose codes are not ICD-10-CM shaped are skipped.
Result<ConversionTable> read_conversion_table(const std::string& path);

}  // namespace medcode::indexer
