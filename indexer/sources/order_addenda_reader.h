// Reads an order-file addenda (icd10cm-order-addenda-YYYY.txt, order_addenda_YYYY.txt in the
// same zips as the order files): the official list of what changed since the previous
// release. Lines start "Add:", "Delete:", "Revise from:" or "Revise to:" (13 columns), then
// ICD-10-CM's header flag and code, or ICD-10-PCS's code alone, then the titles. A code that
// is deleted and added again changed its header/billable flag.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "common/status.h"
#include "indexer/skip_log.h"

namespace medcode::indexer {

struct OrderAddenda {
  std::set<std::string> added;    // codes on "Add:" lines (compact)
  std::set<std::string> deleted;  // codes on "Delete:" lines
  std::set<std::string> revised;  // codes on "Revise from:"/"Revise to:" lines
  SkipLog skipped;
};

// Summary lines ("Codes", "Headers", counts) are ignored. kDataError on invalid UTF-8 or
// when no Add/Delete/Revise line is found.
Result<OrderAddenda> read_order_addenda(std::string_view bytes, const std::string& source_name);

}  // namespace medcode::indexer
