// The index schema shared by indexer and searcher: term prefixes, value slots, field
// weights and metadata keys of a medcode Xapian database. Change kSchemaVersion with any
// change here; the searcher refuses an index of another version.
#pragma once

#include "common/ranking_policy.h"

#include <string_view>

namespace medcode::schema {

inline constexpr int kSchemaVersion = 8;

// Boolean terms (no weight).
inline constexpr std::string_view kIdTermPrefix = "Q";           // Q<system>:<compact code>
inline constexpr std::string_view kSystemTermPrefix = "XS";      // XS<system>
inline constexpr std::string_view kCodePrefixTermPrefix = "XP";  // XP<system>:<code prefix>
inline constexpr std::string_view kParentTermPrefix = "XU";      // XU<system>:<parent code>
inline constexpr std::string_view kBillableTerm = "XBILLABLE";   // billable codes only
// XR<release label>:1 or :0 on a code whose billable status in that earlier release
// ("FY2025") differs from today's: what billable=true means in a search in that release.
inline constexpr std::string_view kReleaseBillablePrefix = "XR";
// XV<word>: a title word of a code that names a condition, procedure or supply rather than
// one of its expansions (ICD-10-CM categories and subcategories, ICD-10-PCS tables, HCPCS
// and imported codes). Autocomplete ranks completions by how many codes have it, so that
// the words a 7th character or a PCS approach repeats thousands of times ("healing",
// "approach") do not crowd out the ones people look up.
inline constexpr std::string_view kSuggestWordPrefix = "XV";
inline constexpr std::string_view kInitialEncounterTerm = "XINITIAL";  // 7th character A-like
// A code the release deleted (kept so its code still finds it, with its replacements).
inline constexpr std::string_view kDeletedTerm = "XDELETED";
// XK<release> ("XKfy2026"): a code that release added, deleted, retitled or made billable or
// a header (CodeValidity): what "what changed in FY2026 for diabetes" searches.
inline constexpr std::string_view kChangedInReleasePrefix = "XK";
// XM<concept key> (common/word_splitter.h): the code an Alphabetic Index main term, or main
// term plus first-level subterm, leads to: the default code for that phrase.
inline constexpr std::string_view kConceptTermPrefix = "XM";
// XC<stem>: a word of the code's head concept, an index main term that leads to the code or
// an ancestor (indexer/build/head_concepts.h); the ranking prefers codes whose head the
// query names.
inline constexpr std::string_view kHeadConceptPrefix = "XC";
// XREPORTING: a reporting or quality-measure code (HCPCS BETOS Z2, the G8/G9 measure codes,
// MIPS M codes); every other code outranks it unless the query asks for measures.
inline constexpr std::string_view kReportingCodeTerm = "XREPORTING";
// XUNSPECIFIED: a billable code whose title says "unspecified": the code a vague phrase is
// for, and what must not rank below its own header for the same words.
inline constexpr std::string_view kUnspecifiedCodeTerm = "XUNSPECIFIED";
// XG<system>:<compact code> on a guideline section: a code or category the section names;
// XH<system>:<compact code>: one inside a range the section names ("I00-I99").
inline constexpr std::string_view kGuidelineLinkPrefix = "XG";
inline constexpr std::string_view kGuidelineRangeLinkPrefix = "XH";
// XX<scope><compact ICD-9-CM code> ("XXicd9cm:25000", "XXicd9pcs:4701") on an ICD-10-CM or
// ICD-10-PCS code: an ICD-9-CM diagnosis or procedure the ICD-9 to ICD-10 GEM maps to it
// (kGemForwardAttribute in common/code_record.h). What Searcher::icd9_to_icd10 looks up.
inline constexpr std::string_view kIcd9CrosswalkPrefix = "XX";
inline constexpr std::string_view kIcd9DiagnosisScope = "icd9cm:";
inline constexpr std::string_view kIcd9ProcedureScope = "icd9pcs:";

// Free-text fields: each is indexed under its own prefix (for field search) and, with
// the weight below as wdf increment, without prefix (for plain queries). Higher wins.
struct TextField {
  std::string_view name;    // query-parser field name, e.g. title:fracture
  std::string_view prefix;  // term prefix
  unsigned weight;          // wdf increment per occurrence in unprefixed terms
};
// The weights are ranking policy: common/ranking_policy.h.
inline constexpr TextField kTitleField{"title", "S", ranking::kTitleWeight};
inline constexpr TextField kInclusionField{"inclusion", "XI", ranking::kInclusionWeight};
inline constexpr TextField kIndexTermField{"index", "XT", ranking::kIndexTermWeight};
inline constexpr TextField kIndexMainTermField{"index", "XT", ranking::kIndexMainTermWeight};  // a main term's own code
inline constexpr TextField kNoteField{"note", "XN", ranking::kNoteWeight};

// Synonym table: keys are stemmed phrases (common/word_splitter.h synonym_key), values are
// search-form phrases (words separated by single spaces); a pair mined from an open
// vocabulary has its source after a TAB ("nose\twordnet"), and the ranking weighs it below
// the curated lists and the Alphabetic Index, which carry none.
inline constexpr char kSynonymSourceSeparator = '\t';

// Value slots.
inline constexpr unsigned kBillableSlot = 0;  // "1" or "0"
inline constexpr unsigned kSortKeySlot = 1;   // CodeRecord::sort_key: tabular order
inline constexpr unsigned kSystemSlot = 2;    // system name
inline constexpr unsigned kCodeSlot = 3;      // compact code
// Hash of everything a document is made from (record, extra terms, schema): an update
// rewrites only the documents whose hash changed.
inline constexpr unsigned kContentHashSlot = 4;
// Validity in dates (YYYY-MM-DD), for search in a release: the first day a code may be
// used (kOpenStart when not known) and the last (kOpenEnd while it is valid).
inline constexpr unsigned kValidFromSlot = 5;
inline constexpr unsigned kValidThroughSlot = 6;
inline constexpr std::string_view kOpenStart = "0000-00-00";
inline constexpr std::string_view kOpenEnd = "9999-12-31";
// CodeRecord::usage_prior (0-1) as Xapian::sortable_serialise: the ranking's frequency prior.
inline constexpr unsigned kUsagePriorSlot = 7;

// Metadata keys.
inline constexpr std::string_view kSchemaVersionKey = "medcode.schema_version";
inline constexpr std::string_view kReleaseKey = "medcode.release";         // "fy2026"
inline constexpr std::string_view kBuiltAtKey = "medcode.built_at";        // ISO 8601 UTC
inline constexpr std::string_view kSourcesKey = "medcode.sources";  // TSV: role file year sha256
inline constexpr std::string_view kRecordCountKey = "medcode.record_count";
// TSV: system, release, documents: every code set the index holds.
inline constexpr std::string_view kCodeSetsKey = "medcode.code_sets";
// TSV: system, and for an import its file (absolute path): every code set the build was asked
// for, held or not (a set the manifest lacks for the release is left out), so that an update
// rebuilds the same ones. Only the indexer reads it; indexes built before it lack it.
inline constexpr std::string_view kBuildCodeSetsKey = "medcode.build_code_sets";
// TSV: system, release, effective date (YYYY-MM-DD): every release whose codes the index's
// validity data comes from, oldest first per system. What search with release= accepts.
inline constexpr std::string_view kReleaseHistoryKey = "medcode.release_history";
// Sorted English words, one per line (Debian's wamerican-huge): never spelling-corrected.
inline constexpr std::string_view kEnglishWordsKey = "medcode.english_words";
// TSV word, times reported: how often the ICD-10-CM codes whose title has the word are
// reported (CodeRecord::times_reported, damped like the usage prior): what autocomplete
// ranks completions by, so "dia" completes to diabetes.
inline constexpr std::string_view kWordUsageKey = "medcode.word_usage";
// The curated morpheme table (corpus/morphemes.tsv) for medical word formation.
inline constexpr std::string_view kMorphemesKey = "medcode.morphemes";

}  // namespace medcode::schema
