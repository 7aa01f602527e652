// Reads the ICD-10-CM Tabular List XML (icd10cm_tabular_YYYY.xml, schema
// icd10cm_tabular.xsd): chapters, sections, and every <diag> with its inclusion terms,
// instructional notes and 7th-character definitions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/code_record.h"
#include "common/status.h"
#include "indexer/skip_log.h"

namespace medcode::indexer {

struct TabularChapter {
  std::string number;  // "9"
  std::string title;   // "Diseases of the circulatory system (I00-I99)"
  std::vector<Note> notes;
};

struct TabularSection {
  std::string id;     // "I20-I25"
  std::string first;  // "I20": first category of the range
  std::string last;   // "I25": last category of the range
  std::string title;  // "Ischemic heart diseases"
  std::string chapter;
  std::vector<Note> notes;
};

// One <diag>: a category, subcategory or code as the Tabular List printed it.
struct TabularCode {
  std::string code;  // compact: "I219"
  std::string title;
  std::vector<std::string> inclusion_terms;
  std::vector<Note> notes;
  std::vector<SeventhCharacter> seventh_characters;
  std::string location;  // "file:line" of the <diag>
};

struct TabularList {
  int release_year = 0;
  std::vector<TabularChapter> chapters;
  std::vector<TabularSection> sections;
  std::vector<TabularCode> codes;  // in document order
  SkipLog skipped;
};

// Parses the file. release_year is stamped on every note. A <diag> without <name>, or
// whose name is not ICD-10-CM shaped, is skipped and logged with its line. Fails with
// kDataError on invalid UTF-8 or malformed XML ("<name>:<line>:<col>: ...") and when the
// root is not <ICD10CM.tabular> ("<name>: root element is <x>, expected <ICD10CM.tabular>").
Result<TabularList> read_icd10cm_tabular(std::string bytes, const std::string& source_name,
                                         int release_year);

}  // namespace medcode::indexer
