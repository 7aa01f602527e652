// Reads an order file of ICD-10-CM (icd10cm-order-YYYY.txt) or ICD-10-PCS: fixed-width
// lines of order number (cols 1-5), code (7-13), header/billable flag (15), short title
// (17-76) and long title (78-), as documented in the CDC's icd10OrderFiles.pdf.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "indexer/skip_log.h"

namespace medcode::indexer {

struct OrderEntry {
  int order_number = 0;
  std::string code;  // compact, as in the file: "A000"
  bool is_billable = false;  // flag 1: valid for submission; 0: header
  std::string short_title;
  std::string long_title;
  std::size_t line = 0;
};

struct OrderFile {
  std::vector<OrderEntry> entries;  // in file order
  SkipLog skipped;
};

// Parses the whole file. source_name prefixes messages. Lines that are malformed (too
// short, bad order number, bad flag, code of the wrong shape for system, duplicate code)
// are skipped and logged. Fails with kDataError only for a file that cannot be an order
// file: "<name>:<line>:<col>: invalid UTF-8 (byte 0x..)" or "<name>: no order entries found".
// system selects the code-shape rule: kIcd10Cm or kIcd10Pcs.
Result<OrderFile> read_order_file(std::string_view bytes, const std::string& source_name,
                                  std::string_view system);

}  // namespace medcode::indexer
