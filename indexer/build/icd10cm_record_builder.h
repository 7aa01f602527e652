// Merges the ICD-10-CM sources into one record per code of the release being built. The
// order file decides which codes exist and which are billable; tabular notes, inclusion
// terms, 7th characters and index entries from any release year attach to the code if it
// still exists, else to its nearest existing ancestor, and keep the year they came from.
#pragma once

#include <cstddef>
#include <vector>

#include "common/code_record.h"
#include "indexer/skip_log.h"
#include "indexer/sources/icd10cm_index_reader.h"
#include "indexer/sources/icd10cm_table_reader.h"
#include "indexer/sources/icd10cm_tabular_reader.h"
#include "indexer/sources/order_file_reader.h"

namespace medcode::indexer {

// Everything but order may be null when that source is absent. Years are fiscal years.
struct Icd10CmSources {
  const OrderFile* order = nullptr;
  int order_year = 0;
  const TabularList* tabular = nullptr;  // carries its own year
  const IndexTerms* alphabetic_index = nullptr;
  int alphabetic_index_year = 0;
  const IndexTerms* external_cause_index = nullptr;
  int external_cause_index_year = 0;
  const TableEntries* drug_table = nullptr;
  int drug_table_year = 0;
  const TableEntries* neoplasm_table = nullptr;
  int neoplasm_table_year = 0;
};

struct Icd10CmRecords {
  std::vector<CodeRecord> records;  // in order-file order
  std::size_t attached_to_ancestor = 0;  // enrichment pieces whose code no longer exists
  SkipLog skipped;  // enrichment naming a code with no existing ancestor either
};

// Builds the records. Never fails: what cannot be attached is counted in skipped.
Icd10CmRecords build_icd10cm_records(const Icd10CmSources& sources);

}  // namespace medcode::indexer
