#include "indexer/build/index_concept_keys.h"

#include <xapian.h>

#include <set>

#include "common/text_normalizer.h"
#include "common/word_splitter.h"

namespace medcode::indexer {
namespace {

constexpr std::size_t kMaxKeys = 16;

std::string stem_english(const std::string& word) {
  static const Xapian::Stem stemmer("english");
  return stemmer(word);
}

// Words of one form of a step, with or without what is in parentheses.
std::vector<std::string> words_of(const std::string& form, bool with_modifiers) {
  std::string text;
  int depth = 0;
  for (char c : form) {
    if (c == '(') ++depth;
    if (depth == 0 || with_modifiers) text += (c == '(' || c == ')') ? ' ' : c;
    if (c == ')' && depth > 0) --depth;
  }
  auto normalized = normalize_for_search(text);
  return normalized.is_ok() ? split_words(normalized.value()) : std::vector<std::string>{};
}

// "Infarct, infarction (acute)" -> {"Infarct", "infarction (acute)"}; commas inside
// parentheses do not split.
std::vector<std::string> forms_of(const std::string& step) {
  std::vector<std::string> forms(1);
  int depth = 0;
  for (char c : step) {
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    if (c == ',' && depth == 0) {
      forms.emplace_back();
      continue;
    }
    forms.back() += c;
  }
  return forms;
}

}  // namespace

std::vector<std::string> index_concept_keys(const IndexEntry& entry) {
  const bool term_index = entry.source == IndexSource::kAlphabeticIndex ||
                          entry.source == IndexSource::kExternalCause;
  if (!term_index || entry.path.empty() || entry.path.size() > 2) return {};
  const std::vector<std::string> main_forms = forms_of(entry.path[0]);
  const std::vector<std::string> sub_forms =
      entry.path.size() == 2 ? forms_of(entry.path[1]) : std::vector<std::string>{""};
  std::set<std::string> keys;
  for (const auto& main_form : main_forms) {
    for (const auto& sub_form : sub_forms) {
      for (bool with_modifiers : {false, true}) {
        std::vector<std::string> words = words_of(main_form, with_modifiers);
        const std::vector<std::string> sub_words = words_of(sub_form, with_modifiers);
        words.insert(words.end(), sub_words.begin(), sub_words.end());
        const std::string key = concept_key(words, stem_english);
        if (!key.empty()) keys.insert(key);
        if (keys.size() >= kMaxKeys) return {keys.begin(), keys.end()};
      }
    }
  }
  return {keys.begin(), keys.end()};
}

}  // namespace medcode::indexer
