#include "indexer/build/icd10pcs_record_builder.h"

#include <algorithm>
#include <map>

namespace medcode::indexer {
namespace {

// Definitions keyed by section, position and title, for the detail of an attribute.
class DefinitionLookup {
 public:
  explicit DefinitionLookup(const PcsDefinitions* definitions) {
    if (definitions == nullptr) return;
    for (const auto& term : definitions->terms) {
      for (const auto& title : term.titles) by_key_.emplace(key(term.section, term.position, title), &term);
    }
  }

  // "Definition: ...; Includes: a, b" or "".
  std::string detail(char section, int position, const std::string& label) const {
    auto found = by_key_.find(key(std::string(1, section), position, label));
    if (found == by_key_.end()) return "";
    const PcsDefinition& term = *found->second;
    std::string text = term.definition;
    if (!term.explanation.empty()) text += (text.empty() ? "" : ". ") + term.explanation;
    if (!term.includes.empty()) {
      std::string includes;
      for (const auto& include : term.includes) includes += (includes.empty() ? "" : "; ") + include;
      text += (text.empty() ? "Includes: " : ". Includes: ") + includes;
    }
    return text;
  }

 private:
  static std::string key(const std::string& section, int position, const std::string& title) {
    return section + std::to_string(position) + title;
  }
  std::map<std::string, const PcsDefinition*> by_key_;
};

void add_attributes(CodeRecord& record, const PcsTables& tables, const DefinitionLookup& definitions,
                    Icd10PcsRecords& out) {
  const int positions = static_cast<int>(record.code.size());
  for (int position = 1; position <= positions; ++position) {
    const PcsAxisValue* value = tables.find(record.code, position);
    if (value == nullptr) {
      if (record.is_billable) {
        out.unexplained.add(record.code, "character " + std::to_string(position) +
                                             " is not in the Tables");
      }
      continue;
    }
    std::string detail = value->definition;
    if (detail.empty()) detail = definitions.detail(record.code[0], position, value->label);
    record.attributes.push_back({value->axis_title, value->label, detail});
  }
  if (positions >= 2) {
    if (const PcsAxisValue* section = tables.find(record.code, 1)) {
      record.chapter = record.code.substr(0, 1);
      record.chapter_title = section->label;
    }
    if (const PcsAxisValue* body_system = tables.find(record.code, 2)) {
      record.section = record.code.substr(0, 2);
      record.section_title = body_system->label;
    }
  }
}

// Index entries attach to every code their prefix covers.
void attach_index(const PcsIndex& index, int year, std::vector<CodeRecord>& records,
                  Icd10PcsRecords& out) {
  std::vector<std::pair<std::string, std::size_t>> sorted;  // code -> record position
  for (std::size_t i = 0; i < records.size(); ++i) sorted.push_back({records[i].code, i});
  std::sort(sorted.begin(), sorted.end());
  auto position_of = [&](const std::string& code) -> CodeRecord* {
    auto it = std::lower_bound(sorted.begin(), sorted.end(), std::make_pair(code, std::size_t{0}));
    return it != sorted.end() && it->first == code ? &records[it->second] : nullptr;
  };
  for (const PcsIndexEntry& entry : index.entries) {
    if (entry.code_prefix.empty()) continue;
    const IndexEntry attached{IndexSource::kPcsIndex, entry.path, "", year, false};
    auto first = std::lower_bound(sorted.begin(), sorted.end(), std::make_pair(entry.code_prefix, std::size_t{0}));
    std::vector<std::size_t> covered;
    for (auto it = first; it != sorted.end() && it->first.compare(0, entry.code_prefix.size(), entry.code_prefix) == 0; ++it) {
      if (records[it->second].is_billable) covered.push_back(it->second);
    }
    // A table ("see Replacement, Lower Joints 0SR") is a place to look, not each code in it.
    if (entry.code_prefix.size() == 3 || covered.empty() || covered.size() > kMaxCodesPerIndexEntry) {
      if (CodeRecord* table = position_of(entry.code_prefix.substr(0, 3))) {
        table->index_entries.push_back(attached);
        ++out.index_entries_attached;
      } else {
        out.unattached.add(entry.location, "code prefix " + entry.code_prefix + " matches no code");
      }
      continue;
    }
    for (std::size_t i : covered) records[i].index_entries.push_back(attached);
    out.index_entries_attached += covered.size();
  }
}

void derive_synonyms(const Icd10PcsSources& sources, Icd10PcsRecords& out) {
  if (sources.definitions != nullptr) {
    for (const auto& term : sources.definitions->terms) {
      // Operation "includes" are example procedures, not other names for the operation.
      if (term.position == 3) continue;
      for (const auto& include : term.includes) {
        for (const auto& title : term.titles) out.synonyms.push_back({include, without_laterality(title)});
      }
    }
  }
  if (sources.index != nullptr) {
    for (const auto& entry : sources.index->entries) {
      if (entry.use.empty() || entry.path.empty()) continue;
      out.synonyms.push_back({entry.path.back(), without_laterality(entry.use)});
    }
  }
}

}  // namespace

std::string without_laterality(const std::string& label) {
  for (const char* suffix : {", Right", ", Left", ", Bilateral", ", Right Upper", ", Left Upper",
                             ", Right Lower", ", Left Lower"}) {
    if (label.ends_with(suffix)) return label.substr(0, label.size() - std::string(suffix).size());
  }
  return label;
}

Icd10PcsRecords build_icd10pcs_records(const Icd10PcsSources& sources) {
  Icd10PcsRecords out;
  if (sources.order == nullptr) return out;
  const DefinitionLookup definitions(sources.definitions);
  out.records.reserve(sources.order->entries.size());
  for (const OrderEntry& entry : sources.order->entries) {
    CodeRecord record;
    record.system = "icd10pcs";
    record.code = entry.code;
    record.title = entry.long_title;
    record.short_title = entry.short_title;
    record.is_billable = entry.is_billable;
    record.sort_key = entry.code;  // the order file lists PCS codes in code order
    // A 7-character code's table (its first 3 characters) is its parent in the order file.
    if (entry.code.size() == 7) record.parent = entry.code.substr(0, 3);
    if (sources.tables != nullptr) add_attributes(record, *sources.tables, definitions, out);
    out.records.push_back(std::move(record));
  }
  if (sources.index != nullptr) attach_index(*sources.index, sources.index_year, out.records, out);
  derive_synonyms(sources, out);
  return out;
}

}  // namespace medcode::indexer
