// Turns HCPCS Level II entries into records: long description as title, the code's
// Level II section (by first letter and range) as its chapter, and its action code,
// coverage, dates and status as attributes. A code whose termination date has passed by
// the release's effective date stays findable but is not billable.
#pragma once

#include <string>
#include <vector>

#include "common/code_record.h"
#include "indexer/sources/hcpcs_reader.h"

namespace medcode::indexer {

// effective_date: the release's effective date as YYYYMMDD ("20251001"); a code terminated
// before it is no longer billable.
std::vector<CodeRecord> build_hcpcs_records(const HcpcsFile& file, const std::string& effective_date);

// The HCPCS Level II section a code belongs to ("E" -> "Durable Medical Equipment"), or ""
// for a first letter that names none.
std::string hcpcs_section_title(const std::string& code);

}  // namespace medcode::indexer
