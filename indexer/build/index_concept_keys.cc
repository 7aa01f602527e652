#include "indexer/build/index_concept_keys.h"

#include <xapian.h>

#include <cctype>
#include <set>

#include "common/text_normalizer.h"
#include "common/word_splitter.h"

namespace medcode::indexer {
namespace {

constexpr std::size_t kMaxKeys = 16;
// Main term, subterm, sub-subterm: deeper entries are too specific to be a phrase's default.
constexpr std::size_t kMaxDepth = 3;

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

// A step's wordings. Comma forms that are variants of the first ("Infarct, infarction",
// "Hypertension, hypertensive": same first four letters) are alternatives. Other forms
// qualify the first ("Fracture, pathological") and stay with it, except "traumatic", the
// index's default kind of injury ("Fracture, traumatic" is where "broken wrist" goes).
std::vector<std::string> wordings_of(const std::string& step) {
  const std::vector<std::string> forms = forms_of(step);
  auto head = [](const std::string& form) {
    std::string letters;
    for (char c : form) {
      if (std::isalpha(static_cast<unsigned char>(c))) letters += static_cast<char>(std::tolower(c));
      if (letters.size() == 4) break;
    }
    return letters;
  };
  std::vector<std::string> wordings = {forms[0]};
  std::string qualified = forms[0];
  for (std::size_t i = 1; i < forms.size(); ++i) {
    if (head(forms[i]) == head(forms[0])) {
      wordings.push_back(forms[i]);
    } else if (forms[i].find("traumatic") == std::string::npos) {
      qualified += " " + forms[i];
    }
  }
  wordings[0] = qualified;
  return wordings;
}

}  // namespace

std::string phrase_concept_key(const std::string& phrase) {
  return concept_key(words_of(phrase, true), stem_english);
}

std::vector<std::string> index_concept_keys(const IndexEntry& entry) {
  const bool term_index = entry.source == IndexSource::kAlphabeticIndex ||
                          entry.source == IndexSource::kExternalCause;
  if (!term_index || entry.path.empty() || entry.path.size() > kMaxDepth) return {};
  // Every combination of one wording per step.
  std::vector<std::vector<std::string>> combinations = {{}};
  for (const auto& step : entry.path) {
    std::vector<std::vector<std::string>> next;
    for (const auto& prefix : combinations) {
      for (const auto& form : wordings_of(step)) {
        next.push_back(prefix);
        next.back().push_back(form);
      }
    }
    combinations = std::move(next);
  }
  std::set<std::string> keys;
  for (const auto& forms : combinations) {
    for (bool with_modifiers : {false, true}) {
      std::vector<std::string> words;
      for (const auto& form : forms) {
        const std::vector<std::string> form_words = words_of(form, with_modifiers);
        words.insert(words.end(), form_words.begin(), form_words.end());
      }
      const std::string key = concept_key(words, stem_english);
      if (!key.empty()) keys.insert(key);
      if (keys.size() >= kMaxKeys) return {keys.begin(), keys.end()};
    }
  }
  return {keys.begin(), keys.end()};
}

}  // namespace medcode::indexer
