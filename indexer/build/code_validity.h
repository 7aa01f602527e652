// Validity over time: for ICD-10-CM and ICD-10-PCS, which codes the release added and
// deleted compared with the earlier releases the corpus has (their order files), what each
// code was called and whether it was billable in them, and, from the official conversion
// table, what replaces a deleted code. Records get CodeValidity and attributes ("Status:
// New in FY2026", "Replaces", "Title in FY2025", "Billable in FY2025"); deleted codes
// become records of their own ("Deleted in FY2026", "Replaced by") so that a coder who
// types an old code learns what to use now, and a search in an earlier release finds them.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "common/code_record.h"
#include "indexer/build/tabular_sort_key.h"
#include "indexer/sources/conversion_table_reader.h"
#include "indexer/sources/order_file_reader.h"

namespace medcode::indexer {

// One earlier release's order file.
struct EarlierRelease {
  std::string release;         // "fy2025"
  std::string effective_date;  // "2024-10-01"
  const OrderFile* order = nullptr;
};

struct ValiditySources {
  std::string system;          // "icd10cm" or "icd10pcs"
  std::string release;         // the release being built, "fy2026"
  std::string effective_date;  // its effective date, "2025-10-01"
  std::vector<EarlierRelease> earlier;           // oldest first; empty: nothing is known
  const ConversionTable* conversions = nullptr;  // may be null
  const TabularOrder* order = nullptr;           // sort keys for deleted codes; may be null
};

struct ValidityResult {
  std::size_t new_codes = 0;  // new in this release
  std::size_t retitled = 0;   // with a title of an earlier release that differs
  std::vector<CodeRecord> deleted;  // records for codes of earlier releases this one lacks
  std::size_t with_replacements = 0;  // deleted codes the conversion table maps forward
};

// Sets validity and adds the attributes to records (the release's own) and returns the
// deleted codes' records.
ValidityResult apply_code_validity(std::vector<CodeRecord>& records, const ValiditySources& sources);

// True for a record apply_code_validity made for a deleted code.
bool is_deleted_code(const CodeRecord& record);

// "2025-10-01" -> "2025-09-30"; "" for a date that is not YYYY-MM-DD.
std::string day_before(const std::string& date);

}  // namespace medcode::indexer
