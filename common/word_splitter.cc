#include "common/word_splitter.h"

#include <algorithm>

#include "common/stop_words.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cctype>

namespace medcode {
namespace {

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c >= 0 && u_isalnum(c)) {
      word.append(text.substr(start, i - start));
      continue;
    }
    const char next = i < length ? text[i] : '\0';
    const bool next_is_alnum = i < length && (static_cast<unsigned char>(next) >= 0x80 ||
                                              std::isalnum(static_cast<unsigned char>(next)));
    // Apostrophe inside a word, and a decimal point or comma between digits, join.
    if (c == '\'' && !word.empty() && next_is_alnum) {
      word += '\'';
      continue;
    }
    if ((c == '.' || c == ',') && !word.empty() && is_ascii_digit(word.back()) &&
        is_ascii_digit(next)) {
      word += static_cast<char>(c);
      continue;
    }
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::string synonym_key(const std::vector<std::string>& words,
                        const std::function<std::string(const std::string&)>& stem) {
  auto join = [&](bool skip_stop_words) {
    std::string key;
    for (const auto& word : words) {
      if (skip_stop_words && is_stop_word(word)) continue;
      if (!key.empty()) key += ' ';
      key += (!word.empty() && is_ascii_digit(word[0])) ? word : stem(word);
    }
    return key;
  };
  // Stop words do not count ("ringing in my ears" = "ringing ears"), unless they are all
  // there is to the phrase, or all but one letter ("s/p").
  std::string key = join(true);
  return key.size() > 1 ? key : join(false);
}

std::string concept_key(const std::vector<std::string>& words,
                        const std::function<std::string(const std::string&)>& stem) {
  std::vector<std::string> stems;
  for (const auto& word : words) {
    if (is_stop_word(word)) continue;
    stems.push_back((!word.empty() && is_ascii_digit(word[0])) ? word : stem(word));
  }
  std::sort(stems.begin(), stems.end());
  stems.erase(std::unique(stems.begin(), stems.end()), stems.end());
  std::string key;
  for (const auto& s : stems) key += (key.empty() ? "" : " ") + s;
  return key;
}

}  // namespace medcode
