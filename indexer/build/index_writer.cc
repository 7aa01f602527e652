#include "indexer/build/index_writer.h"

#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "common/code_format.h"
#include "common/record_codec.h"
#include "common/schema.h"
#include "common/text_normalizer.h"
#include "indexer/build/index_concept_keys.h"

namespace medcode::indexer {
namespace {

std::string joined_path(const IndexEntry& entry) {
  std::string text;
  for (const auto& step : entry.path) {
    if (!text.empty()) text += ", ";
    text += step;
  }
  if (!entry.column.empty()) text += " (" + entry.column + ")";
  return text;
}

}  // namespace

struct IndexWriter::Impl {
  std::string directory;        // where finish() leaves the compacted index
  std::string work_directory;   // where documents are written first
  Xapian::WritableDatabase database;
  Xapian::TermGenerator terms;
  std::size_t added = 0;

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

Result<std::unique_ptr<IndexWriter>> IndexWriter::create(const std::string& directory) {
  auto impl = std::make_unique<Impl>();
  impl->directory = directory;
  impl->work_directory = directory + ".uncompacted";
  try {
    impl->database = Xapian::WritableDatabase(impl->work_directory, Xapian::DB_CREATE_OR_OVERWRITE);
    impl->terms.set_database(impl->database);
    impl->terms.set_stemmer(Xapian::Stem("english"));
    impl->terms.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    impl->terms.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
  } catch (const Xapian::Error& error) {
    return Status::io_error(directory + ": cannot create index: " + error.get_description());
  }
  return std::unique_ptr<IndexWriter>(new IndexWriter(std::move(impl)));
}

Status IndexWriter::add(const CodeRecord& record, const std::vector<std::string>& extra_terms) {
  if (record.system.empty() || record.code.empty()) {
    return Status::invalid_argument("record without system or code cannot be indexed");
  }
  try {
    Xapian::Document document;
    impl_->terms.set_document(document);
    // A code terminated before the release (HCPCS) stays findable, but its words weigh
    // like an index term's, so the codes valid today rank above it; so do HCPCS modifiers,
    // which qualify a code rather than stand for a service.
    const bool deleted = std::any_of(record.attributes.begin(), record.attributes.end(), [](const CodeAttribute& a) {
      return a.name == "Status" && a.value.rfind("Deleted in", 0) == 0;
    });
    const bool secondary = deleted || std::any_of(record.attributes.begin(), record.attributes.end(), [](const CodeAttribute& a) {
      return (a.name == "Status" && a.value == "Terminated") || (a.name == "Kind" && a.value == "Modifier");
    });
    if (deleted) document.add_boolean_term(std::string(schema::kDeletedTerm));
    impl_->index_field(secondary ? schema::kIndexTermField : schema::kTitleField, record.title);
    // Official abbreviations ("fx", "init") are searchable, but weigh like a note.
    if (record.short_title != record.title) impl_->index_field(schema::kNoteField, record.short_title);
    for (const auto& term : record.inclusion_terms) impl_->index_field(schema::kInclusionField, term);
    for (const auto& entry : record.index_entries) {
      // A main term with its own code names the default code for that condition
      // ("Pneumonia" -> J18.9): it weighs like an inclusion term.
      const bool main_term = entry.path.size() == 1 && entry.column.empty();
      impl_->index_field(main_term ? schema::kIndexMainTermField : schema::kIndexTermField,
                         joined_path(entry));
      for (const auto& key : index_concept_keys(entry)) {
        // Xapian refuses terms over 245 bytes; keys that long are never typed anyway.
        if (key.size() <= 200) document.add_boolean_term(std::string(schema::kConceptTermPrefix) + key);
      }
    }
    // PCS character meanings ("Gastrointestinal System", "Percutaneous Endoscopic") beyond
    // what the title says; HCPCS attributes are codes and dates, not words to match.
    if (record.system == kIcd10Pcs) {
      for (const auto& attribute : record.attributes) impl_->index_field(schema::kNoteField, attribute.value);
    }
    if (!record.description.empty()) impl_->index_field(schema::kIndexTermField, record.description);
    for (const auto& term : extra_terms) document.add_boolean_term(term);
    for (const auto& note : record.notes) {
      // Only notes that describe what the code covers; excludes, code first and the like
      // name other conditions and would make this code match queries for those.
      if (note.kind == NoteKind::kIncludes || note.kind == NoteKind::kNotes) {
        impl_->index_field(schema::kNoteField, note.text);
      }
    }

    const std::string system_code = record.system + ":" + record.code;
    document.add_boolean_term(std::string(schema::kIdTermPrefix) + system_code);
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
    if (record.title.find("initial encounter") != std::string::npos) {
      document.add_boolean_term(std::string(schema::kInitialEncounterTerm));
    }

    document.add_value(schema::kBillableSlot, record.is_billable ? "1" : "0");
    document.add_value(schema::kSortKeySlot, Xapian::sortable_serialise(record.order_number));
    document.add_value(schema::kSystemSlot, record.system);
    document.add_value(schema::kCodeSlot, record.code);
    document.set_data(encode_record(record));
    impl_->database.replace_document(std::string(schema::kIdTermPrefix) + system_code, document);
    ++impl_->added;
  } catch (const Xapian::Error& error) {
    return Status::io_error(impl_->directory + ": cannot add " + record.code + ": " +
                            error.get_description());
  }
  return Status::ok();
}

Status IndexWriter::add_synonyms(const SynonymTable& synonyms) {
  try {
    for (const auto& [key, expansions] : synonyms.entries()) {
      for (const auto& expansion : expansions) impl_->database.add_synonym(key, expansion);
    }
  } catch (const Xapian::Error& error) {
    return Status::io_error(impl_->directory + ": cannot add synonyms: " + error.get_description());
  }
  return Status::ok();
}

Status IndexWriter::finish(const IndexMetadata& metadata) {
  try {
    auto& database = impl_->database;
    database.set_metadata(std::string(schema::kSchemaVersionKey),
                          std::to_string(schema::kSchemaVersion));
    database.set_metadata(std::string(schema::kReleaseKey), metadata.release);
    database.set_metadata(std::string(schema::kBuiltAtKey), metadata.built_at);
    database.set_metadata(std::string(schema::kSourcesKey), metadata.sources_tsv);
    database.set_metadata(std::string(schema::kRecordCountKey), std::to_string(impl_->added));
    database.set_metadata(std::string(schema::kCodeSetsKey), metadata.code_sets_tsv);
    database.commit();
    database.close();
    // Compaction packs the B-trees full: about half the size, and faster to search.
    Xapian::Database(impl_->work_directory).compact(impl_->directory);
  } catch (const Xapian::Error& error) {
    return Status::io_error(impl_->directory + ": cannot commit index: " + error.get_description());
  }
  std::error_code ignored;
  std::filesystem::remove_all(impl_->work_directory, ignored);
  return Status::ok();
}

std::size_t IndexWriter::documents_added() const { return impl_->added; }

}  // namespace medcode::indexer
