// Reads a code set a user's organisation is licensed for or maintains itself (CPT from
// the AMA's files, payer or local codes), in medcode's documented import format
// (docs/IMPORT.md): TSV with a header row, or JSON Lines, one code per row/line, fields
//   code (required), title (required), description, synonyms, parent, billable;
// or a FHIR CodeSystem resource (R4 JSON): concepts with display, definition, designations,
// nesting or a parent property, and notSelectable.
// The format is chosen by the file name: .json (FHIR), .jsonl / .ndjson, else TSV.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "indexer/skip_log.h"

namespace medcode::indexer {

struct LocalCode {
  std::string code;  // compact (upper-case, no dots or spaces)
  std::string title;
  std::string description;
  std::vector<std::string> synonyms;
  std::string parent;  // compact; "" at the top
  bool is_billable = true;
  std::string location;  // "file:line"
};

struct LocalCodeSet {
  std::vector<LocalCode> codes;  // in file order
  SkipLog skipped;
};

// Parses the file's bytes; source_name ("cpt.tsv") picks the format and prefixes messages.
// Rows without code or title, with a code that is not 1-32 letters or digits (dots ignored),
// repeated codes and malformed JSON lines are skipped and logged. kDataError for
// invalid UTF-8, a TSV header without "code" and "title", a .json file that is not a
// CodeSystem resource, or a file without any code. A FHIR concept's code must fit the same
// rule (1-32 letters or digits); others are skipped and logged.
Result<LocalCodeSet> read_local_code_set(std::string_view bytes, const std::string& source_name);

}  // namespace medcode::indexer
