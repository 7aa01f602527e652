// Reads a General Equivalence Mapping file of CMS and CDC (the FY2018 GEMs: 2018_I9gem.txt,
// 2018_I10gem.txt, gem_i9pcs.txt, gem_pcsi9.txt): one entry a line, the source code, the
// target code and five flag digits separated by spaces, as GemsTechDoc_2018.pdf documents.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "indexer/skip_log.h"

namespace medcode::indexer {

// Which way a GEM maps: ICD-9-CM codes to ICD-10 codes (forward) or back.
enum class GemDirection { kIcd9ToIcd10, kIcd10ToIcd9 };

// One line: "25000 E119    10000" maps 250.00 to E11.9, approximately.
struct GemEntry {
  std::string source;  // compact and upper-case, as in the file: "25000", "E119"
  std::string target;  // compact and upper-case; "NoDx", "NoPCS" or "NoI9" when no_map
  bool approximate = false;  // flag 1: the meanings of source and target are not identical
  // Flag 2: the source has no translation. Also set for a no-map target written with a 0
  // flag, as 29 entries of the FY2018 gem_pcsi9.txt are.
  bool no_map = false;
  bool combination = false;  // flag 3: the target is one of several codes that together translate the source
  int scenario = 0;          // flag 4: which variation of a combination source (1-9); 0 otherwise
  int choice_list = 0;       // flag 5: which pick list of the scenario the target is in (1-9); 0 otherwise
  std::size_t line = 0;
};

struct GemFile {
  std::vector<GemEntry> entries;  // in file order
  SkipLog skipped;
};

// Parses the whole file; source_name prefixes messages. icd10_system (kIcd10Cm or kIcd10Pcs)
// says which GEM it is: ICD-10-CM with ICD-9-CM diagnoses, or ICD-10-PCS with ICD-9-CM
// procedures. Malformed lines are skipped and logged with their line, e.g.
//   "gem.txt:3: line has 2 fields, a GEM entry has 3 (source, target, flags)"
//   "gem.txt:4: source \"2500x\" is not an ICD-9-CM diagnosis code"
//   "gem.txt:5: target \"1\" is not an ICD-10-CM code", "gem.txt:6: flags \"1000\" are not 5 digits"
//   "gem.txt:7: flag 2 (no map) is \"2\", not 0 or 1", "gem.txt:8: no-map flag set but target \"E119\" is a code"
//   "gem.txt:9: combination entry without a scenario and choice list (flags \"10100\")".
// Fails with kDataError only for a file that cannot be a GEM: "<name>:<line>:<col>: invalid
// UTF-8 (byte 0x..)" or "<name>: no GEM entries found; is this a General Equivalence Mapping?".
Result<GemFile> read_gem_file(std::string_view bytes, const std::string& source_name,
                              std::string_view icd10_system, GemDirection direction);

}  // namespace medcode::indexer
