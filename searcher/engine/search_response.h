// What a search returns: ranked hits with their display data, the total, and the corrected
// query when spelling correction was used ("did you mean").
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "common/code_record.h"

namespace medcode::searcher {

enum class MatchKind {
  kCode,  // the query was this code, or a prefix of it
  kText,  // the query's words matched this code's text
};

struct SearchHit {
  std::string system;  // "icd10cm"
  std::string code;    // official display form: "I21.9"
  std::string title;
  bool is_billable = false;
  // Deleted or terminated codes are found by their code (and by text with
  // SearchRequest::include_deleted); as of the release searched.
  CodeStatus status = CodeStatus::kActive;
  // 0-100: 100 for the code typed, 90 for its descendants; for text, the match's weight
  // relative to the query's best match (100). Comparable only within one response.
  int score = 0;
  MatchKind match = MatchKind::kText;
  // What matched: the title (and, when they matched, inclusion terms or index entries) with
  // matched words in <b></b>, HTML-escaped. Empty for code matches.
  std::string snippet;
  // Where the code sits: its chapter, block and parent ("I21" for I21.9; "" for a category).
  std::string chapter;
  std::string section;
  std::string parent;
};

struct SearchResponse {
  std::string query;            // as given
  std::string corrected_query;  // "" unless the results are for a spelling correction
  std::string release;          // the release searched in (SearchRequest::release); "" for the index's
  std::size_t total = 0;        // matches: exact up to 100 past the page, estimated beyond
  std::vector<SearchHit> hits;
};

// Autocomplete: whole phrases the user may mean, and the codes that best match so far.
struct SuggestResponse {
  std::string query;
  std::vector<std::string> completions;  // "acute myocardial", "acute myeloid", ...
  std::vector<SearchHit> codes;
};

// A code with what a coder needs around it: the record itself, its ancestors (nearest
// last), its direct children, and the instructional notes and 7th characters that apply
// to it from its ancestors (guideline I.A: notes at a category apply to all its codes).
struct CodeLink {
  std::string code;  // display form
  std::string title;
  bool is_billable = false;
};

struct InheritedNote {
  std::string from_code;  // display form of the ancestor that carries the note
  Note note;
};

// A guideline section that names a code or one of its ancestors.
struct GuidelineLink {
  std::string section;  // "I.C.9.a.2"
  std::string title;
  std::string via_code;  // display form of the code or ancestor the section names
};

struct CodeDetail {
  CodeRecord record;
  std::string display_code;
  std::vector<CodeLink> ancestors;  // category first, parent last
  std::vector<CodeLink> children;
  std::vector<InheritedNote> inherited_notes;
  std::vector<SeventhCharacter> seventh_characters;  // own, or the nearest ancestor's
  std::string seventh_characters_from;  // display code that defines them; "" when none
  // Official Guidelines sections naming this code or an ancestor, most specific first.
  std::vector<GuidelineLink> guidelines;
  std::string release;                 // the release of its code set the index was built from
  std::vector<std::string> valid_in;   // the releases the index knows in which the code is valid
  std::string earliest_release;        // the oldest of its code set's releases the index knows
};

// One ICD-10 code an ICD-9-CM code maps to in the ICD-9 to ICD-10 General Equivalence
// Mapping (Searcher::icd9_to_icd10), with the GEM entry's flags (GemsTechDoc_2018.pdf).
struct Crosswalk {
  std::string icd9_code;  // the ICD-9-CM code in display form: "250.00", "47.01"
  std::string code;       // the ICD-10 code in display form: "E11.9", "0DTJ4ZZ"
  std::string system;     // "icd10cm" or "icd10pcs"
  std::string title;      // the index release's title of the ICD-10 code
  bool is_billable = false;
  bool approximate = false;  // the meanings are not identical
  // The ICD-10 code is one of several that together translate the ICD-9-CM code: one code
  // of each choice list (1-9) of one scenario (1-9) is a complete translation. Both 0
  // when combination is false.
  bool combination = false;
  int scenario = 0;
  int choice_list = 0;
};

}  // namespace medcode::searcher
