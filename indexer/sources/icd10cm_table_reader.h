// Reads the two ICD-10-CM index tables that share one XML layout (icd10cm_drug_neoplasm.xsd):
// the Table of Drugs and Chemicals and the Neoplasm Table. Each <cell col="N"> holding a
// code becomes one entry labelled with the column's <head>.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "indexer/skip_log.h"

namespace medcode::indexer {

struct TableCellEntry {
  std::vector<std::string> path;  // {"Neoplasm, neoplastic", "lung"} or {"Acetaminophen"}
  std::string column;             // the column heading: "Poisoning Accidental (unintentional)"
  std::string code;               // compact: "T391X1"
  std::string location;           // "file:line" of the <cell>
};

struct TableEntries {
  std::vector<std::string> headings;  // by column number - 1; headings[0] names the row term
  std::vector<TableCellEntry> entries;
  SkipLog skipped;
};

// Parses the file. Cells holding "--" or "-" (no code applies) are ignored; a cell whose text is
// not an ICD-10-CM code, or whose col has no heading, is skipped and logged. Fails with
// kDataError on invalid UTF-8, malformed XML, a root other than <ICD10CM.index>, or no
// <indexHeading> ("<name>: no <indexHeading>; is this the drug or neoplasm table?").
Result<TableEntries> read_icd10cm_table(std::string bytes, const std::string& source_name);

}  // namespace medcode::indexer
