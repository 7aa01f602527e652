#include "indexer/build/head_concepts.h"

#include <xapian.h>

#include <set>
#include <string_view>
#include <unordered_map>

#include "common/code_format.h"
#include "common/schema.h"
#include "common/stop_words.h"
#include "common/text_normalizer.h"
#include "common/word_splitter.h"

namespace medcode::indexer {
namespace {

std::vector<std::string> stems_of(const std::string& text) {
  static const Xapian::Stem stemmer("english");
  auto normalized = normalize_for_search(text);
  std::vector<std::string> stems;
  if (!normalized.is_ok()) return stems;
  for (const auto& word : split_words(normalized.value())) {
    if (is_stop_word(word) || word.size() < 2) continue;
    stems.push_back(word[0] >= '0' && word[0] <= '9' ? word : stemmer(word));
  }
  return stems;
}

// HCPCS codes that stand for a thing (supplies, equipment, orthotics, drugs), not a service.
bool is_hcpcs_item(const CodeRecord& record) {
  return record.system == kHcpcs && !record.code.empty() &&
         std::string_view("ABEJKLV").find(record.code[0]) != std::string_view::npos;
}

}  // namespace

std::vector<std::string> main_term_stems(const std::string& main_term) {
  std::string text;
  int depth = 0;
  for (char c : main_term) {
    if (c == '(') ++depth;
    if (c == ',' && depth == 0) break;
    if (depth == 0) text += c;
    if (c == ')' && depth > 0) --depth;
  }
  return stems_of(text);
}

std::vector<std::string> own_head_concept_terms(const CodeRecord& record) {
  std::set<std::string> terms;
  const std::string prefix(schema::kHeadConceptPrefix);
  for (const auto& entry : record.index_entries) {
    const bool term_index = entry.source == IndexSource::kAlphabeticIndex || entry.source == IndexSource::kExternalCause ||
                            entry.source == IndexSource::kPcsIndex;
    if (!term_index || entry.path.empty()) continue;
    for (const auto& stem : main_term_stems(entry.path.front())) terms.insert(prefix + stem);
  }
  if (is_hcpcs_item(record)) {
    const std::string head = record.title.substr(0, record.title.find(','));
    for (const auto& stem : stems_of(head)) terms.insert(prefix + stem);
  }
  return {terms.begin(), terms.end()};
}

std::vector<std::vector<std::string>> ancestor_head_concept_terms(const std::vector<CodeRecord>& records) {
  std::unordered_map<std::string, std::size_t> position;
  for (std::size_t i = 0; i < records.size(); ++i) position[records[i].code] = i;
  std::vector<std::vector<std::string>> own(records.size());
  for (std::size_t i = 0; i < records.size(); ++i) own[i] = own_head_concept_terms(records[i]);
  std::vector<std::vector<std::string>> inherited(records.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    std::set<std::string> terms;
    // Parent links are acyclic (the tabular's tree); the bound guards a damaged one.
    std::string parent = records[i].parent;
    for (int depth = 0; !parent.empty() && depth < 16; ++depth) {
      const auto up = position.find(parent);
      if (up == position.end()) break;
      terms.insert(own[up->second].begin(), own[up->second].end());
      parent = records[up->second].parent;
    }
    // What the record has itself, IndexWriter adds.
    for (const auto& term : own[i]) terms.erase(term);
    inherited[i].assign(terms.begin(), terms.end());
  }
  return inherited;
}

}  // namespace medcode::indexer
