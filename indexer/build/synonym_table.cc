#include "indexer/build/synonym_table.h"

#include <algorithm>

#include <xapian.h>

#include "common/schema.h"
#include "common/text_normalizer.h"
#include "common/word_splitter.h"

namespace medcode::indexer {
namespace {

using schema::kSynonymSourceSeparator;

std::string stem_english(const std::string& word) {
  static const Xapian::Stem stemmer("english");
  return stemmer(word);
}

// Search form joined by single spaces, or "" when the text has no words.
std::string phrase_of(const std::string& text) {
  auto normalized = normalize_for_search(text);
  if (!normalized.is_ok()) return "";
  std::string phrase;
  for (const auto& word : split_words(normalized.value())) phrase += (phrase.empty() ? "" : " ") + word;
  return phrase;
}

// The main-term title without its nonessential modifiers: "Abasia (-astasia)" -> "Abasia".
std::string without_modifiers(const std::string& title) {
  const auto paren = title.find(" (");
  return paren == std::string::npos ? title : title.substr(0, paren);
}

}  // namespace

namespace {

// Whether every stem of key (space-separated, sorted) is among expanded's.
bool adds_words_only(const std::string& key, const std::string& expanded) {
  std::vector<std::string> have = split_words(expanded);
  for (const auto& stem : split_words(key)) {
    const auto found = std::find(have.begin(), have.end(), stem);
    if (found == have.end()) return false;
    have.erase(found);
  }
  return true;
}

}  // namespace

bool SynonymTable::add(const std::string& term, const std::string& expansion, const std::string& source) {
  const std::string from = phrase_of(term);
  const std::string to = phrase_of(expansion);
  if (from.empty() || to.empty() || from == to) return false;
  const std::string key = synonym_key(split_words(from), stem_english);
  const std::string expanded = synonym_key(split_words(to), stem_english);
  if (key == expanded) return false;
  // A phrase whose stop words carried its sense ("in a wheelchair", "on insulin") has the
  // key of the bare word; an expansion that only adds words to it ("dependence wheelchair")
  // would narrow every query for the bare word to that sense: left out. Without stop words
  // such an expansion is a deliberate completion ("diabetes" -> "diabetes mellitus"), kept.
  const bool lost_words = split_words(key).size() < split_words(from).size();
  if (lost_words && adds_words_only(key, expanded)) return false;
  auto& values = entries_[key];
  // One value per expansion: a curated pair outranks the same pair mined.
  if (values.count(to)) return false;
  if (source.empty()) {
    for (auto it = values.begin(); it != values.end();) {
      it = it->rfind(to + std::string(1, kSynonymSourceSeparator), 0) == 0 ? values.erase(it) : std::next(it);
    }
    values.insert(to);
    return true;
  }
  return values.insert(to + std::string(1, kSynonymSourceSeparator) + source).second;
}

void SynonymTable::add_list(const SynonymList& list, const std::string& source) {
  for (const auto& row : list.rows) {
    for (const auto& expansion : row.expansions) {
      add(row.term, expansion, source);
      if (list.bidirectional) add(expansion, row.term, source);
    }
  }
}

void SynonymTable::add_see_references(const IndexTerms& terms) {
  for (const auto& entry : terms.entries) {
    if (entry.path.size() != 1 || entry.see.empty()) continue;
    // "see condition", "see also specific condition": instructions, not names.
    if (entry.see.find("condition") != std::string::npos) continue;
    std::string target = entry.see;
    for (char& c : target) {
      if (c == ',') c = ' ';
    }
    add(without_modifiers(entry.path[0]), without_modifiers(target));
  }
}

std::size_t SynonymTable::pair_count() const {
  std::size_t count = 0;
  for (const auto& [key, values] : entries_) count += values.size();
  return count;
}

}  // namespace medcode::indexer
