#include "indexer/build/index_writer.h"

#include <xapian.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <system_error>
#include <unordered_set>
#include <vector>

#include "common/code_format.h"
#include "common/record_codec.h"
#include "common/schema.h"
#include "common/stop_words.h"
#include "common/text_normalizer.h"
#include "common/word_splitter.h"
#include "indexer/build/head_concepts.h"
#include "indexer/build/index_concept_keys.h"
#include "indexer/build/usage_prior.h"

namespace medcode::indexer {
namespace {

// A full disk is the write failure users meet; the message says what to do about it.
Status write_failure(const std::string& message, const std::string& directory, bool disk_full) {
  if (!disk_full) return Status::io_error(message);
  return Status::io_error(message + "; free space on the disk that holds " + directory +
                          " (or build elsewhere) and build again; the previous index is unchanged");
}

bool is_disk_full(const Xapian::Error& error) {
  const char* cause = error.get_error_string();
  return cause != nullptr && (std::strcmp(cause, std::strerror(ENOSPC)) == 0 ||
                              std::strcmp(cause, std::strerror(EDQUOT)) == 0);
}

bool is_disk_full(const std::error_code& error) {
  return error == std::errc::no_space_on_device || error.value() == EDQUOT;
}

std::string joined_path(const IndexEntry& entry) {
  std::string text;
  for (const auto& step : entry.path) {
    if (!text.empty()) text += ", ";
    text += step;
  }
  if (!entry.column.empty()) text += " (" + entry.column + ")";
  return text;
}

// Quality-measure and reporting codes: HCPCS codes of BETOS Z2 ("undefined", where CMS
// files its measure codes), the G8/G9 measure codes CMS files under BETOS M5B/M5D, and the
// MIPS Value Pathway M codes. They document care rather than bill it.
bool is_reporting_code(const CodeRecord& record) {
  if (record.system != kHcpcs || record.code.empty()) return false;
  if (record.code[0] == 'M') return true;
  for (const auto& attribute : record.attributes) {
    if (attribute.name != "BETOS") continue;
    if (attribute.value == "Z2") return true;
    const bool measure_series = record.code.rfind("G8", 0) == 0 || record.code.rfind("G9", 0) == 0;
    if (measure_series && (attribute.value == "M5B" || attribute.value == "M5D")) return true;
  }
  return false;
}

}  // namespace

struct IndexWriter::Impl {
  std::string directory;        // where finish() leaves the compacted index
  std::string work_directory;   // where documents are written first
  Xapian::WritableDatabase database;
  Xapian::TermGenerator terms;
  std::size_t added = 0;
  bool updating = false;                  // started from a copy of an existing index
  std::unordered_set<Xapian::docid> seen;  // documents an add() named (updating)
  std::size_t written = 0, unchanged = 0, deleted = 0;
  std::map<std::string, double> word_usage;  // title word -> reports of codes using it

  // Takes back the spelling data a document's words added (one per occurrence of each
  // unprefixed word: lower-case terms; prefixes are upper case, stems start with Z).
  void remove_spellings(Xapian::docid id) {
    for (auto term = database.termlist_begin(id); term != database.termlist_end(id); ++term) {
      const std::string& word = *term;
      if (word.empty() || (word[0] >= 'A' && word[0] <= 'Z')) continue;
      database.remove_spelling(word, term.positionlist_count());
    }
  }

  void setup_terms() {
    terms.set_database(database);
    terms.set_stemmer(Xapian::Stem("english"));
    terms.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    terms.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
  }

  // Indexes one piece of text under field: prefixed for field search, and unprefixed with
  // the field's weight so plain queries rank title matches above note matches.
  void index_field(const schema::TextField& field, const std::string& text) {
    auto normalized = normalize_for_search(text);
    const std::string& plain = normalized.is_ok() ? normalized.value() : text;
    terms.index_text(plain, field.weight);
    // Field-prefixed copies serve field filters, not phrases: positions would double the size.
    terms.index_text_without_positions(plain, 1, std::string(field.prefix));
    // A gap, so phrase queries never match across two separate pieces of text.
    terms.increase_termpos(100);
  }
};

IndexWriter::IndexWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
IndexWriter::~IndexWriter() = default;

Result<std::unique_ptr<IndexWriter>> IndexWriter::update(const std::string& base, const std::string& directory) {
  auto impl = std::make_unique<Impl>();
  impl->directory = directory;
  impl->work_directory = directory + ".updating";
  impl->updating = true;
  std::error_code error;
  std::filesystem::remove_all(impl->work_directory, error);
  std::filesystem::copy(base, impl->work_directory, std::filesystem::copy_options::recursive, error);
  if (error) {
    return write_failure(base + ": cannot copy to " + impl->work_directory + ": " + error.message(),
                         directory, is_disk_full(error));
  }
  try {
    impl->database = Xapian::WritableDatabase(impl->work_directory, Xapian::DB_OPEN);
    impl->setup_terms();
    // The synonym table is rewritten whole by add_synonyms.
    std::vector<std::string> keys(impl->database.synonym_keys_begin(), impl->database.synonym_keys_end());
    for (const auto& key : keys) impl->database.clear_synonyms(key);
  } catch (const Xapian::Error& e) {
    return Status::io_error(base + ": cannot open for update: " + e.get_description());
  }
  return std::unique_ptr<IndexWriter>(new IndexWriter(std::move(impl)));
}

Result<std::unique_ptr<IndexWriter>> IndexWriter::create(const std::string& directory) {
  auto impl = std::make_unique<Impl>();
  impl->directory = directory;
  impl->work_directory = directory + ".uncompacted";
  try {
    impl->database = Xapian::WritableDatabase(impl->work_directory, Xapian::DB_CREATE_OR_OVERWRITE);
    impl->setup_terms();
  } catch (const Xapian::Error& error) {
    return write_failure(directory + ": cannot create index: " + error.get_description(), directory,
                         is_disk_full(error));
  }
  return std::unique_ptr<IndexWriter>(new IndexWriter(std::move(impl)));
}

Status IndexWriter::add(const CodeRecord& record, const std::vector<std::string>& extra_terms) {
  if (record.system.empty() || record.code.empty()) {
    return Status::invalid_argument("record without system or code cannot be indexed");
  }
  const std::string system_code = record.system + ":" + record.code;
  const std::string id_term = std::string(schema::kIdTermPrefix) + system_code;
  const std::string encoded = encode_record(record);
  std::string hashed = std::to_string(schema::kSchemaVersion) + "\n" + encoded;
  for (const auto& term : extra_terms) hashed += "\n" + term;
  char hash[17];
  std::snprintf(hash, sizeof hash, "%016zx", std::hash<std::string>{}(hashed));
  // Counted for every record, also those an update leaves as they were.
  if (record.is_billable && record.times_reported > 0) {
    auto normalized = normalize_for_search(record.title);
    std::set<std::string> words;
    if (normalized.is_ok()) {
      for (auto& word : split_words(normalized.value())) words.insert(std::move(word));
    }
    const double reports = static_cast<double>(record.times_reported) * usage_damping(record.code);
    for (const auto& word : words) impl_->word_usage[word] += reports;
  }
  try {
    ++impl_->added;
    if (impl_->updating) {
      Xapian::PostingIterator existing = impl_->database.postlist_begin(id_term);
      if (existing != impl_->database.postlist_end(id_term)) {
        impl_->seen.insert(*existing);
        if (impl_->database.get_document(*existing).get_value(schema::kContentHashSlot) == hash) {
          ++impl_->unchanged;
          return Status::ok();
        }
        impl_->remove_spellings(*existing);
      }
    }
    Xapian::Document document;
    impl_->terms.set_document(document);
    // A code terminated before the release (HCPCS) stays findable, but its words weigh
    // like an index term's, so the codes valid today rank above it; so do HCPCS modifiers,
    // which qualify a code rather than stand for a service, and quality-measure codes, whose
    // long descriptions repeat the words of the care they document ("confined to chair,
    // wheelchair bound, ... in wheelchair").
    const bool deleted = !record.validity.until_release.empty();
    const bool reporting = is_reporting_code(record);
    const bool secondary = deleted || reporting || std::any_of(record.attributes.begin(), record.attributes.end(), [](const CodeAttribute& a) {
      return (a.name == kStatusAttribute && a.value == kTerminatedStatus) || (a.name == kKindAttribute && a.value == kModifierKind);
    });
    if (deleted) document.add_boolean_term(std::string(schema::kDeletedTerm));
    for (const auto& release : changed_in_releases(record.validity)) {
      document.add_boolean_term(std::string(schema::kChangedInReleasePrefix) + release);
    }
    impl_->index_field(secondary ? schema::kIndexTermField : schema::kTitleField, record.title);
    // HCPCS: supplies, equipment, drugs, orthotics and the like; not the G and M codes,
    // whose long descriptions of measures ("patients with any ...") would crowd them.
    const bool names_a_concept =
        record.system == kIcd10Cm    ? record.code.size() <= 4
        : record.system == kIcd10Pcs ? record.code.size() == 3
        : record.system == kHcpcs    ? !record.code.empty() && std::string_view("ABEJKLQV").find(record.code[0]) != std::string_view::npos
                                     : record.system != kGuidelines;
    if (names_a_concept && !secondary) {
      const std::string title_prefix(schema::kTitleField.prefix);
      std::vector<std::string> words;
      for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
        if ((*term).compare(0, title_prefix.size(), title_prefix) == 0) words.push_back((*term).substr(title_prefix.size()));
      }
      for (const auto& word : words) document.add_boolean_term(std::string(schema::kSuggestWordPrefix) + word);
    }
    // Official abbreviations ("fx", "init") are searchable, but weigh like a note.
    if (record.short_title != record.title) impl_->index_field(schema::kNoteField, record.short_title);
    for (const auto& term : record.inclusion_terms) impl_->index_field(schema::kInclusionField, term);
    // A title an earlier release gave the code still finds it, like an index term.
    for (const auto& attribute : record.attributes) {
      if (attribute.name.rfind(kTitleInReleasePrefix, 0) == 0) {
        impl_->index_field(schema::kIndexTermField, attribute.value);
      }
    }
    for (const auto& entry : record.index_entries) {
      // A main term with its own code names the default code for that condition
      // ("Pneumonia" -> J18.9): it weighs like an inclusion term.
      const bool main_term = entry.path.size() == 1 && entry.column.empty();
      // Nonessential modifiers, the index's words in parentheses ("Angina (attack) (cardiac)
      // (chest) (heart)"), may be present or not: they weigh like a note, not like the term.
      // A table's column ("Adverse effect") is essential: it names what the code is for.
      IndexEntry steps = entry;
      steps.column.clear();
      const std::string path = joined_path(steps);
      std::string essential, modifiers;
      int depth = 0;
      for (char c : path) {
        if (c == '(') ++depth;
        (depth > 0 ? modifiers : essential) += c;
        if (c == ')' && depth > 0) --depth;
      }
      if (!entry.column.empty()) essential += " " + entry.column;
      impl_->index_field(main_term ? schema::kIndexMainTermField : schema::kIndexTermField, essential);
      if (!modifiers.empty()) impl_->index_field(schema::kNoteField, modifiers);
      for (const auto& key : index_concept_keys(entry)) {
        // Xapian refuses terms over 245 bytes; keys that long are never typed anyway.
        if (key.size() <= 200) document.add_boolean_term(std::string(schema::kConceptTermPrefix) + key);
      }
    }
    // PCS character meanings ("Gastrointestinal System", "Percutaneous Endoscopic") beyond
    // what the title says; HCPCS attributes are codes and dates, not words to match.
    // The GEMs' ICD-9-CM codes are looked up by their own terms, below, not searched as words.
    if (record.system == kIcd10Pcs) {
      for (const auto& attribute : record.attributes) {
        if (attribute.name == kGemForwardAttribute || attribute.name == kGemBackwardAttribute) continue;
        impl_->index_field(schema::kNoteField, attribute.value);
      }
    }
    if (!record.description.empty()) impl_->index_field(schema::kIndexTermField, record.description);
    for (const auto& term : extra_terms) document.add_boolean_term(term);
    for (const auto& term : own_head_concept_terms(record)) document.add_boolean_term(term);
    if (reporting) document.add_boolean_term(std::string(schema::kReportingCodeTerm));
    if (record.is_billable && (record.title.find("unspecified") != std::string::npos ||
                               record.title.find("Unspecified") != std::string::npos)) {
      document.add_boolean_term(std::string(schema::kUnspecifiedCodeTerm));
    }
    for (const auto& note : record.notes) {
      // Only notes that describe what the code covers; excludes, code first and the like
      // name other conditions and would make this code match queries for those.
      if (note.kind == NoteKind::kIncludes || note.kind == NoteKind::kNotes) {
        impl_->index_field(schema::kNoteField, note.text);
      }
    }

    document.add_boolean_term(id_term);
    document.add_boolean_term(std::string(schema::kSystemTermPrefix) + record.system);
    for (std::size_t length = 1; length <= record.code.size(); ++length) {
      document.add_boolean_term(std::string(schema::kCodePrefixTermPrefix) + record.system + ":" +
                                record.code.substr(0, length));
    }
    if (!record.parent.empty()) {
      document.add_boolean_term(std::string(schema::kParentTermPrefix) + record.system + ":" +
                                record.parent);
    }
    if (record.is_billable) document.add_boolean_term(std::string(schema::kBillableTerm));
    for (const auto& attribute : record.attributes) {
      if (attribute.name.rfind(kBillableInReleasePrefix, 0) != 0) continue;
      document.add_boolean_term(std::string(schema::kReleaseBillablePrefix) +
                                attribute.name.substr(kBillableInReleasePrefix.size()) + ":" +
                                (attribute.value == "yes" ? "1" : "0"));
    }
    const std::string_view icd9_scope =
        record.system == kIcd10Pcs ? schema::kIcd9ProcedureScope : schema::kIcd9DiagnosisScope;
    const Icd9Kind icd9_kind = record.system == kIcd10Pcs ? Icd9Kind::kProcedure : Icd9Kind::kDiagnosis;
    for (const auto& attribute : record.attributes) {
      if (attribute.name != kGemForwardAttribute) continue;
      const std::string icd9 = compact_icd9cm(attribute.value, icd9_kind);
      if (!icd9.empty()) {
        document.add_boolean_term(std::string(schema::kIcd9CrosswalkPrefix) + std::string(icd9_scope) + icd9);
      }
    }
    if (record.title.find("initial encounter") != std::string::npos) {
      document.add_boolean_term(std::string(schema::kInitialEncounterTerm));
    }

    document.add_value(schema::kBillableSlot, record.is_billable ? "1" : "0");
    document.add_value(schema::kSortKeySlot, record.sort_key);
    const CodeValidity& validity = record.validity;
    document.add_value(schema::kValidFromSlot,
                       validity.from_date.empty() ? std::string(schema::kOpenStart) : validity.from_date);
    document.add_value(schema::kValidThroughSlot,
                       validity.through_date.empty() ? std::string(schema::kOpenEnd) : validity.through_date);
    document.add_value(schema::kSystemSlot, record.system);
    document.add_value(schema::kCodeSlot, record.code);
    document.add_value(schema::kContentHashSlot, hash);
    if (record.usage_prior > 0) document.add_value(schema::kUsagePriorSlot, Xapian::sortable_serialise(record.usage_prior));
    document.set_data(encoded);
    const Xapian::docid id = impl_->database.replace_document(id_term, document);
    if (impl_->updating) impl_->seen.insert(id);
    ++impl_->written;
  } catch (const Xapian::Error& error) {
    return write_failure(
        impl_->directory + ": cannot add " + record.code + ": " + error.get_description(),
        impl_->directory, is_disk_full(error));
  }
  return Status::ok();
}

Status IndexWriter::add_synonyms(const SynonymTable& synonyms) {
  try {
    for (const auto& [key, expansions] : synonyms.entries()) {
      for (const auto& expansion : expansions) impl_->database.add_synonym(key, expansion);
    }
  } catch (const Xapian::Error& error) {
    return write_failure(impl_->directory + ": cannot add synonyms: " + error.get_description(),
                         impl_->directory, is_disk_full(error));
  }
  return Status::ok();
}

Status IndexWriter::finish(const IndexMetadata& metadata) {
  try {
    auto& database = impl_->database;
    if (impl_->updating) {
      // Documents of the base no add() named are gone from the new release.
      std::vector<Xapian::docid> gone;
      for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it) {
        if (!impl_->seen.count(*it)) gone.push_back(*it);
      }
      for (Xapian::docid id : gone) {
        impl_->remove_spellings(id);
        database.delete_document(id);
      }
      impl_->deleted = gone.size();
    }
    database.set_metadata(std::string(schema::kSchemaVersionKey),
                          std::to_string(schema::kSchemaVersion));
    database.set_metadata(std::string(schema::kReleaseKey), metadata.release);
    database.set_metadata(std::string(schema::kBuiltAtKey), metadata.built_at);
    database.set_metadata(std::string(schema::kSourcesKey), metadata.sources_tsv);
    database.set_metadata(std::string(schema::kRecordCountKey), std::to_string(impl_->added));
    database.set_metadata(std::string(schema::kCodeSetsKey), metadata.code_sets_tsv);
    database.set_metadata(std::string(schema::kBuildCodeSetsKey), metadata.build_code_sets_tsv);
    database.set_metadata(std::string(schema::kReleaseHistoryKey), metadata.known_releases_tsv);
    database.set_metadata(std::string(schema::kEnglishWordsKey), metadata.english_words);
    database.set_metadata(std::string(schema::kMorphemesKey), metadata.morphemes);
    std::string usage;
    for (const auto& [word, reports] : impl_->word_usage) {
      if (!is_stop_word(word)) usage += word + "\t" + std::to_string(static_cast<unsigned long long>(reports + 0.5)) + "\n";
    }
    database.set_metadata(std::string(schema::kWordUsageKey), usage);
    database.commit();
    database.close();
    // An update that touched few documents is left as it is: compacting would cost more
    // than the update. One that rewrote many (a new fiscal year) is packed like a build.
    const bool worth_compacting = (impl_->written + impl_->deleted) * 20 > impl_->added;
    if (impl_->updating && !worth_compacting) {
      std::error_code error;
      std::filesystem::rename(impl_->work_directory, impl_->directory, error);
      if (error) {
        return write_failure(
            impl_->directory + ": cannot rename the updated index: " + error.message(),
            impl_->directory, is_disk_full(error));
      }
      return Status::ok();
    }
    // Compaction packs the B-trees full: about half the size, and faster to search.
    Xapian::Database(impl_->work_directory).compact(impl_->directory);
  } catch (const Xapian::Error& error) {
    return write_failure(impl_->directory + ": cannot commit index: " + error.get_description(),
                         impl_->directory, is_disk_full(error));
  }
  std::error_code ignored;
  std::filesystem::remove_all(impl_->work_directory, ignored);
  return Status::ok();
}

std::size_t IndexWriter::documents_added() const { return impl_->added; }
std::size_t IndexWriter::documents_written() const { return impl_->written; }
std::size_t IndexWriter::documents_unchanged() const { return impl_->unchanged; }
std::size_t IndexWriter::documents_deleted() const { return impl_->deleted; }

}  // namespace medcode::indexer
