// Reads HCPCS Level II in both forms CMS publishes each quarter (the alpha-numeric HCPCS
// file): the ANWEB workbook (HCPC<YYYY>_<MON>_ANWEB.xlsx, one row per record, header row
// HCPC, SEQNUM, RECID, LONG DESCRIPTION, SHORT DESCRIPTION, ..., ADD DT, ACT EFF DT,
// TERM DT, ACTION CD) and the fixed-width text (320-character records, laid out as the
// HCPC<YYYY>_recordlayout.txt of the same zip describes). Records with RECID 4 or 8 continue
// the long description of the procedure (3) or modifier (7) record before them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "indexer/skip_log.h"

namespace medcode::indexer {

struct HcpcsEntry {
  std::string code;  // "E0784"; a modifier's two characters, "LT"
  bool is_modifier = false;
  std::string long_description;  // continuation records joined with a space
  std::string short_description;
  std::string add_date;             // YYYYMMDD or ""
  std::string action_effective_date;
  std::string termination_date;
  std::string action_code;          // "N", "A", "D", ...
  std::string coverage_code;        // "C", "D", "I", "M", "S"
  std::string betos;                // Berenson-Eggers type of service
  std::string location;             // "file:line" of the first record
};

struct HcpcsFile {
  std::vector<HcpcsEntry> entries;  // in file order, one per code
  SkipLog skipped;
};

// Reads the first sheet of an ANWEB workbook. Fails with kDataError when the header row
// lacks one of the columns read ("<path>: header row has no \"LONG DESCRIPTION\" column"),
// or the workbook cannot be read (see read_xlsx_first_sheet). Malformed rows are skipped.
Result<HcpcsFile> read_hcpcs_anweb_xlsx(const std::string& path);

// Reads the fixed-width text. Lines shorter than the fields read, or with a bad record id
// or date, are skipped and logged. kDataError on invalid UTF-8 or when no record is found.
Result<HcpcsFile> read_hcpcs_fixed_width(std::string_view bytes, const std::string& source_name);

// One field of the fixed-width record: 1-based first column and width, as in the layout.
struct HcpcsField {
  std::string_view name;
  std::size_t begin;
  std::size_t width;
};
// The fields read, in record order (HCPC 1-5 ... ACTION CD 293).
const std::vector<HcpcsField>& hcpcs_fixed_width_layout();

}  // namespace medcode::indexer
