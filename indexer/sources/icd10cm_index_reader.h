// Reads an ICD-10-CM index XML in the <ICD10CM.index> term format (icd10cm_index.xsd):
// the Alphabetic Index to Diseases and Injuries and the External Cause of Injuries Index.
// Each <mainTerm>/<term level="N"> becomes one entry with its full path.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "indexer/skip_log.h"

namespace medcode::indexer {

struct IndexTermEntry {
  // Titles from the main term down, nonessential modifiers kept in parentheses:
  // {"Fracture, traumatic", "radius", "lower end", "Colles'"}.
  std::vector<std::string> path;
  std::string code;        // compact, "" when the term has no <code>; "S5253" for "S52.53-"
  std::string manifestation_code;  // <manif>: the code in brackets, sequenced second
  std::string see;         // <see>: "Maltreatment"
  std::string see_also;    // <seeAlso>: "condition"
  std::string location;    // "file:line"
};

struct IndexTerms {
  std::vector<IndexTermEntry> entries;  // in document order; terms without code kept for see
  SkipLog skipped;
};

// Parses the file. A term whose <code> is not an ICD-10-CM code is kept without the code,
// and the code is logged as skipped. Fails with kDataError on invalid UTF-8, malformed XML,
// or a root other than <ICD10CM.index> ("<name>: root element is <x>, expected ...").
Result<IndexTerms> read_icd10cm_index(std::string bytes, const std::string& source_name);

}  // namespace medcode::indexer
