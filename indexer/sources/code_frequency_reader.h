// Reads a code-frequency workbook: how often each ICD-10-CM code was reported, as
// California's HCAI publishes them ("Diagnosis Code Frequencies", one xlsx per care
// setting, columns ICDCMCode, DiagnosisDesc, TotalDiag on the data sheet; a Notes sheet
// defines them). The counts become the ranking's frequency prior.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "common/status.h"
#include "indexer/skip_log.h"

namespace medcode::indexer {

struct CodeFrequencies {
  std::map<std::string, std::uint64_t> mentions;  // compact code -> times reported
  SkipLog skipped;
};

// Reads the first sheet whose header row names ICDCMCode and TotalDiag. A row whose code
// is not ICD-10-CM shaped or whose count is not a whole number is skipped and logged.
// Fails with kDataError "<path>: no sheet has the columns ICDCMCode and TotalDiag" when
// the workbook is not a frequency table.
Result<CodeFrequencies> read_code_frequencies(const std::string& path);

}  // namespace medcode::indexer
