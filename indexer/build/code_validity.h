// Validity over time: which ICD-10-CM codes a release adds and deletes compared with the
// previous fiscal year's order file, and what replaces a deleted code according to the
// official conversion table. New codes get a "Status: New in FY2026" attribute (and
// "Replaces"); deleted codes become records of their own, marked "Deleted in FY2026" with
// "Replaced by", so a coder who types an old code learns what to use now.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "common/code_record.h"
#include "indexer/sources/conversion_table_reader.h"
#include "indexer/sources/order_file_reader.h"

namespace medcode::indexer {

struct ValiditySources {
  const OrderFile* previous = nullptr;         // the previous fiscal year's order file
  int previous_year = 0;                       // 2025
  int year = 0;                                // 2026
  std::string effective_date;                  // "2025-10-01"
  const ConversionTable* conversions = nullptr;  // may be null
};

struct ValidityResult {
  std::size_t new_codes = 0;
  std::vector<CodeRecord> deleted;  // records for the codes the release deleted
  std::size_t with_replacements = 0;  // deleted codes the conversion table maps forward
};

// Adds the attributes to records (the release's own) and returns the deleted codes' records.
ValidityResult apply_code_validity(std::vector<CodeRecord>& records, const ValiditySources& sources);

// True for a record apply_code_validity made for a deleted code.
bool is_deleted_code(const CodeRecord& record);

}  // namespace medcode::indexer
