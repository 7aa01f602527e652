#include "indexer/build/synonym_table.h"

#include <algorithm>
#include <cctype>

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
    if (entry.path.size() != 1) continue;
    // A main term with no code of its own sends the coder on with "see also" as with "see"
    // ("Coxalgia" see also "Pain, joint, hip").
    const bool also = entry.see.empty();
    std::string target = !also ? entry.see : entry.code.empty() ? entry.see_also : "";
    // "see condition", "see also specific condition": instructions, not names.
    if (target.empty() || target.find("condition") != std::string::npos) continue;
    for (char& c : target) {
      if (c == ',') c = ' ';
    }
    // A "see also" to a narrower entry of the same term ("Fracture, traumatic" see also
    // "Fracture, pathological") is a pointer, not a synonym.
    const std::string unmodified = without_modifiers(entry.path[0]);
    const std::string first_form = unmodified.substr(0, unmodified.find(','));
    if (also && adds_words_only(synonym_key(split_words(phrase_of(first_form)), stem_english),
                                synonym_key(split_words(phrase_of(without_modifiers(target))), stem_english))) {
      continue;
    }
    // Each spelling of the main term ("Coxalgia, coxalgic") is a key of its own.
    const std::string main_term = without_modifiers(entry.path[0]);
    std::vector<std::string> forms;
    for (std::size_t start = 0; start <= main_term.size();) {
      const std::size_t comma = std::min(main_term.find(',', start), main_term.size());
      forms.push_back(main_term.substr(start, comma - start));
      start = comma + 1;
    }
    auto head = [](const std::string& form) {
      std::string letters;
      for (char c : form) {
        if (std::isalpha(static_cast<unsigned char>(c))) letters += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (letters.size() == 4) break;
      }
      return letters;
    };
    add(forms[0], without_modifiers(target));
    for (std::size_t i = 1; i < forms.size(); ++i) {
      if (head(forms[i]) == head(forms[0])) add(forms[i], without_modifiers(target));
    }
  }
}

std::size_t SynonymTable::pair_count() const {
  std::size_t count = 0;
  for (const auto& [key, values] : entries_) count += values.size();
  return count;
}

}  // namespace medcode::indexer
