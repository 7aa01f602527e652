// Merges the ICD-10-PCS sources into one record per code of the order file: the title from
// the order file, the meaning of each character position from the Tables (with the
// definition of the value from the Definitions), and the Index terms that lead to it.
// Also derives synonyms: Definitions "includes" terms (body part, device, substance and
// approach keys: "Hallux" -> "1st Toe") and Index "use" references.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "common/code_record.h"
#include "indexer/skip_log.h"
#include "indexer/sources/icd10pcs_definitions_reader.h"
#include "indexer/sources/icd10pcs_index_reader.h"
#include "indexer/sources/icd10pcs_tables_reader.h"
#include "indexer/sources/order_file_reader.h"

namespace medcode::indexer {

// Everything but order may be null when that source is absent. Years are fiscal years.
struct Icd10PcsSources {
  const OrderFile* order = nullptr;
  int order_year = 0;
  const PcsTables* tables = nullptr;
  const PcsDefinitions* definitions = nullptr;
  const PcsIndex* index = nullptr;
  int index_year = 0;
};

struct Icd10PcsRecords {
  std::vector<CodeRecord> records;  // in order-file order
  std::size_t index_entries_attached = 0;
  // Codes whose character meaning the Tables do not give (the Tables are of another year).
  SkipLog unexplained;
  SkipLog unattached;  // index entries whose code prefix matches no code
  std::vector<std::pair<std::string, std::string>> synonyms;  // term -> expansion
};

// An index prefix that names a table ("see Excision, Lower Bones 0QB"), or matches more
// codes than this, attaches to its table's record only, not to each of its codes.
inline constexpr std::size_t kMaxCodesPerIndexEntry = 120;

// Builds the records. Never fails.
Icd10PcsRecords build_icd10pcs_records(const Icd10PcsSources& sources);

// "Foot Muscle, Right" -> "Foot Muscle": laterality that Definitions and Index targets name
// but a synonym should not force.
std::string without_laterality(const std::string& label);

}  // namespace medcode::indexer
