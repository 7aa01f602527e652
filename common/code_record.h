// The record model: one code of one code set as the indexer builds it and the searcher
// shows it, with the release each piece of enrichment came from. Field meanings follow the
// ICD-10-CM Tabular List XML (icd10cm_tabular.xsd) and Alphabetic Index XML.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace medcode {

// Instructional note kinds of the Tabular List (guideline I.A.12 - I.A.17).
enum class NoteKind {
  kIncludes,           // <includes>: further defines the content of the category
  kExcludes1,          // <excludes1>: "NOT CODED HERE", never used together
  kExcludes2,          // <excludes2>: "not included here", both may be coded
  kCodeFirst,          // <codeFirst>: sequence the underlying condition first
  kUseAdditionalCode,  // <useAdditionalCode>: add a code for the manifestation / detail
  kCodeAlso,           // <codeAlso>: two codes may be needed, sequencing discretionary
  kNotes,              // <notes>: general notes
  kSeventhCharNote,    // <sevenChrNote>: how to apply the 7th characters
};

// Stable lower-case name ("excludes1", "code_first", ...) used in JSON.
const char* note_kind_name(NoteKind kind);

struct Note {
  NoteKind kind = NoteKind::kNotes;
  std::string text;
  int release_year = 0;  // fiscal year of the tabular the note came from
};

// One <extension char="A">initial encounter</extension> of a <sevenChrDef>.
struct SeventhCharacter {
  std::string character;
  std::string meaning;
  int release_year = 0;
};

// Which index an entry comes from.
enum class IndexSource {
  kAlphabeticIndex,  // Index to Diseases and Injuries
  kExternalCause,    // External Cause of Injuries Index
  kDrugTable,        // Table of Drugs and Chemicals
  kNeoplasmTable,    // Neoplasm Table
  kPcsIndex,         // ICD-10-PCS Index
};

// Stable lower-case name ("alphabetic_index", "drug_table", ...) used in JSON.
const char* index_source_name(IndexSource source);

// A path through an index that ends at this code, e.g. {"Fracture, traumatic", "radius",
// "lower end", "Colles'"}; for the tables, column is the column heading ("Adverse effect").
struct IndexEntry {
  IndexSource source = IndexSource::kAlphabeticIndex;
  std::vector<std::string> path;
  std::string column;
  int release_year = 0;
  bool attached_to_ancestor = false;  // the index named a code this release no longer has
};

// A named property of a code: an ICD-10-PCS character position ("Body Part" = "Appendix",
// with the value's definition as detail), or a HCPCS field ("Action code" = "N", detail
// "No maintenance for this code"; "Termination date" = "2024-12-31").
struct CodeAttribute {
  std::string name;
  std::string value;
  std::string detail;
};

// When a code may be used. Releases are manifest ids ("fy2026"); dates are YYYY-MM-DD.
// Only what the index's releases show is known: a code in the earliest release the
// index read has no from_release ("in FY2025 or earlier"), so an unchanged code's
// validity, like the rest of its record, is the same in every later build.
struct CodeValidity {
  std::string from_release;   // first release with the code; "" = the earliest release read
  std::string from_date;      // first day the code may be used; "" = not known
  std::string until_release;  // the release that deleted it; "" = still valid
  std::string through_date;   // last day the code may be used; "" = still valid
  // Releases that changed its title or billable status ("fy2026"), oldest first: with
  // from_release and until_release, what "what changed in FY2026" lists.
  std::vector<std::string> revised_in;
};

// The releases that changed the code: the one that added it, the one that deleted it and
// those that revised it, each once, in that order.
std::vector<std::string> changed_in_releases(const CodeValidity& validity);

// "fy2026" -> "FY2026", "2025-oct" -> "2025-OCT": how releases are named to people.
std::string release_label(const std::string& release);

// The attributes that keep what an earlier release said of a code when it differs from
// today: "Title in FY2025" (the title) and "Billable in FY2025" ("yes" or "no").
inline constexpr std::string_view kTitleInReleasePrefix = "Title in ";
inline constexpr std::string_view kBillableInReleasePrefix = "Billable in ";
std::string title_in_release_attribute(const std::string& release);
// Attributes the indexer writes and the searcher reads back (the answers): "Status" is "New
// in FY2026", "Deleted in FY2026" or, for HCPCS, "Terminated"; "Replaced by" lists the
// conversion table's successors; "Kind" is a HCPCS entry's, "Modifier" for a modifier.
inline constexpr std::string_view kStatusAttribute = "Status";
inline constexpr std::string_view kTerminatedStatus = "Terminated";
inline constexpr std::string_view kReplacedByAttribute = "Replaced by";
inline constexpr std::string_view kReplacesAttribute = "Replaces";
inline constexpr std::string_view kKindAttribute = "Kind";
inline constexpr std::string_view kModifierKind = "Modifier";
inline constexpr std::string_view kTerminationDateAttribute = "Termination date";
// Another name for the code from a curated list ("heart attack"), detail naming the list
// (indexer/build/lay_names.h).
inline constexpr std::string_view kAlsoCalledAttribute = "Also called";
std::string billable_in_release_attribute(const std::string& release);

// The ICD-9-CM crosswalks of an ICD-10-CM or ICD-10-PCS code, from CMS's General
// Equivalence Mappings (FY2018, the last published; GemsTechDoc_2018.pdf). The value is the
// ICD-9-CM code in display form ("250.00", "47.01"), the detail the GEM entry's flags in
// words (gem_flags_detail). Forward: the ICD-9-CM code maps to this code (ICD-9 to ICD-10
// GEM); backward: this code maps to the ICD-9-CM code (ICD-10 to ICD-9 GEM). An ICD-10-CM
// code's are diagnoses, an ICD-10-PCS code's procedures. Entries without a map are left out.
inline constexpr std::string_view kGemForwardAttribute = "ICD-9-CM (GEM, ICD-9 to ICD-10)";
inline constexpr std::string_view kGemBackwardAttribute = "ICD-9-CM (GEM, ICD-10 to ICD-9)";

// The flags of a GEM entry that maps (the no-map flag is 0).
struct GemFlags {
  bool approximate = false;  // the source and target meanings are not identical
  bool combination = false;  // the target is one code of several that together translate the source
  int scenario = 0;          // combination: which variation of the source (1-9); 0 otherwise
  int choice_list = 0;       // combination: the pick list the target is a choice of (1-9); 0 otherwise
};

// "identical" or "approximate", then for a combination "; combination: scenario 1, choice
// list 2": the detail of a GEM attribute.
std::string gem_flags_detail(const GemFlags& flags);
// The flags gem_flags_detail wrote; nullopt for any other text.
std::optional<GemFlags> parse_gem_flags_detail(std::string_view detail);

struct CodeRecord {
  std::string system;       // "icd10cm"
  std::string code;         // compact form, "I219"
  std::string title;        // official long title
  std::string short_title;  // official abbreviated title
  bool is_billable = false;
  // Orders codes as their release lists them (tabular order); stable across releases so
  // that a code nothing changed keeps the same record (see tabular_sort_key.h).
  std::string sort_key;
  CodeValidity validity;

  std::string parent;  // compact code of the nearest existing ancestor; "" for a category
  std::string chapter;  // "9"
  std::string chapter_title;
  std::string section;  // "I20-I25"
  std::string section_title;

  std::vector<std::string> inclusion_terms;
  int inclusion_terms_year = 0;
  std::vector<Note> notes;
  std::vector<SeventhCharacter> seventh_characters;
  std::vector<IndexEntry> index_entries;

  std::vector<CodeAttribute> attributes;  // in the order the source gives them
  std::string description;  // longer text: an imported code's description, a guideline's body
  // Codes a text names, as written ("I10", "E11.-", "N18.1-N18.6"): a guideline section's.
  std::vector<std::string> referenced_codes;

  // How often the code was reported in real care (ICD-10-CM: California hospitals, 2023,
  // every setting and diagnosis position; 0 when not counted), and the ranking's usage
  // prior made from it (0-1, indexer/build/usage_prior.h).
  std::uint64_t times_reported = 0;
  double usage_prior = 0;
};

// Whether a code may be reported today: active, deleted by a release of its code set
// (validity.until_release), or terminated (a HCPCS "Status" of "Terminated").
enum class CodeStatus { kActive, kDeleted, kTerminated };
CodeStatus code_status(const CodeRecord& record);
// "active", "deleted", "terminated": the API's and the CLI's word for it.
const char* code_status_name(CodeStatus status);

}  // namespace medcode
