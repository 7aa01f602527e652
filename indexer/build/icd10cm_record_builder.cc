#include "indexer/build/icd10cm_record_builder.h"

#include <set>
#include <string>
#include <unordered_map>
#include <utility>

#include "common/code_format.h"
#include "indexer/build/tabular_sort_key.h"

namespace medcode::indexer {
namespace {

class RecordSet {
 public:
  explicit RecordSet(Icd10CmRecords& out) : out_(out) {}

  void add(CodeRecord record) {
    by_code_.emplace(record.code, out_.records.size());
    out_.records.push_back(std::move(record));
  }

  CodeRecord* find(const std::string& code) {
    auto it = by_code_.find(code);
    return it == by_code_.end() ? nullptr : &out_.records[it->second];
  }

  // The record for code, or for its nearest existing ancestor (shorter prefix, down to the
  // 3-character category). second is true when an ancestor stood in.
  std::pair<CodeRecord*, bool> resolve(const std::string& code) {
    for (std::size_t length = code.size(); length >= 3; --length) {
      if (CodeRecord* record = find(code.substr(0, length))) {
        return {record, length != code.size()};
      }
    }
    return {nullptr, false};
  }

 private:
  Icd10CmRecords& out_;
  std::unordered_map<std::string, std::size_t> by_code_;
};

void add_order_records(const Icd10CmSources& sources, RecordSet& records) {
  std::vector<std::string> codes;
  codes.reserve(sources.order->entries.size());
  for (const OrderEntry& entry : sources.order->entries) codes.push_back(entry.code);
  const TabularOrder order(codes);
  for (const OrderEntry& entry : sources.order->entries) {
    CodeRecord record;
    record.system = std::string(kIcd10Cm);
    record.code = entry.code;
    record.title = entry.long_title;
    record.short_title = entry.short_title;
    record.is_billable = entry.is_billable;
    record.sort_key = order.key(entry.code);
    // Order files list parents before children, so the parent already exists.
    for (std::size_t length = entry.code.size() - 1; length >= 3; --length) {
      if (records.find(entry.code.substr(0, length))) {
        record.parent = entry.code.substr(0, length);
        break;
      }
    }
    records.add(std::move(record));
  }
}

void add_chapters_and_sections(const TabularList& tabular, std::vector<CodeRecord>& records) {
  std::unordered_map<std::string, const TabularChapter*> chapters;
  for (const auto& chapter : tabular.chapters) chapters.emplace(chapter.number, &chapter);
  std::unordered_map<std::string, const TabularSection*> section_of_category;
  for (CodeRecord& record : records) {
    const std::string category = record.code.substr(0, 3);
    auto cached = section_of_category.find(category);
    if (cached == section_of_category.end()) {
      const TabularSection* match = nullptr;
      // Ranges by category, so categories added since this tabular still find their block.
      for (const auto& section : tabular.sections) {
        if (section.first <= category && category <= section.last) match = &section;
      }
      cached = section_of_category.emplace(category, match).first;
    }
    const TabularSection* section = cached->second;
    if (section == nullptr) continue;
    record.section = section->id;
    record.section_title = section->title;
    record.chapter = section->chapter;
    if (auto chapter = chapters.find(section->chapter); chapter != chapters.end()) {
      record.chapter_title = chapter->second->title;
    }
  }
}

void add_tabular(const TabularList& tabular, RecordSet& records, Icd10CmRecords& out) {
  for (const TabularCode& code : tabular.codes) {
    auto [record, by_ancestor] = records.resolve(code.code);
    if (record == nullptr) {
      out.skipped.add(code.location, "code " + display_code(kIcd10Cm, code.code) +
                                         " and its category are not in the order file");
      continue;
    }
    if (by_ancestor) ++out.attached_to_ancestor;
    for (const auto& term : code.inclusion_terms) record->inclusion_terms.push_back(term);
    if (!code.inclusion_terms.empty()) record->inclusion_terms_year = tabular.release_year;
    for (const Note& note : code.notes) {
      bool duplicate = false;
      for (const Note& existing : record->notes) {
        duplicate = duplicate || (existing.kind == note.kind && existing.text == note.text);
      }
      if (!duplicate) record->notes.push_back(note);
    }
    if (record->seventh_characters.empty()) record->seventh_characters = code.seventh_characters;
  }
}

// Attaches entry to code (or its nearest existing ancestor), once per path and column.
void attach_index_entry(const std::string& code, const std::string& location, IndexEntry entry,
                        RecordSet& records, Icd10CmRecords& out) {
  auto [record, by_ancestor] = records.resolve(code);
  if (record == nullptr) {
    out.skipped.add(location, "code " + display_code(kIcd10Cm, code) +
                                  " and its category are not in the order file");
    return;
  }
  if (by_ancestor) ++out.attached_to_ancestor;
  entry.attached_to_ancestor = by_ancestor;
  for (const IndexEntry& existing : record->index_entries) {
    if (existing.source == entry.source && existing.path == entry.path &&
        existing.column == entry.column) {
      return;
    }
  }
  record->index_entries.push_back(std::move(entry));
}

void add_index_terms(const IndexTerms& terms, IndexSource source, int year, RecordSet& records,
                     Icd10CmRecords& out) {
  for (const IndexTermEntry& term : terms.entries) {
    for (const std::string* code : {&term.code, &term.manifestation_code}) {
      if (code->empty()) continue;
      attach_index_entry(*code, term.location, IndexEntry{source, term.path, "", year, false},
                         records, out);
    }
  }
}

void add_table_cells(const TableEntries& table, IndexSource source, int year, RecordSet& records,
                     Icd10CmRecords& out) {
  for (const TableCellEntry& cell : table.entries) {
    attach_index_entry(cell.code, cell.location, IndexEntry{source, cell.path, cell.column, year, false},
                       records, out);
  }
}

}  // namespace

Icd10CmRecords build_icd10cm_records(const Icd10CmSources& sources) {
  Icd10CmRecords out;
  RecordSet records(out);
  out.records.reserve(sources.order->entries.size());
  add_order_records(sources, records);
  if (sources.tabular) {
    add_chapters_and_sections(*sources.tabular, out.records);
    add_tabular(*sources.tabular, records, out);
  }
  if (sources.alphabetic_index) {
    add_index_terms(*sources.alphabetic_index, IndexSource::kAlphabeticIndex,
                    sources.alphabetic_index_year, records, out);
  }
  if (sources.external_cause_index) {
    add_index_terms(*sources.external_cause_index, IndexSource::kExternalCause,
                    sources.external_cause_index_year, records, out);
  }
  if (sources.drug_table) {
    add_table_cells(*sources.drug_table, IndexSource::kDrugTable, sources.drug_table_year, records,
                    out);
  }
  if (sources.neoplasm_table) {
    add_table_cells(*sources.neoplasm_table, IndexSource::kNeoplasmTable,
                    sources.neoplasm_table_year, records, out);
  }
  return out;
}

}  // namespace medcode::indexer
