#include "searcher/answer/note_references.h"

#include <cctype>
#include <string>
#include <vector>

#include "common/code_format.h"

namespace medcode::searcher {
namespace {

// "I12.-" -> "I12"; "I12.9" -> "I129"; "" when not an ICD-10-CM code or category.
std::string reference_code(std::string text) {
  while (!text.empty() && (text.back() == '-' || text.back() == '.')) text.pop_back();
  const std::string compact = compact_code(text);
  return is_icd10cm_shape(compact) ? compact : "";
}

bool in_range(const std::string& code, const std::string& start, const std::string& end) {
  return code.substr(0, start.size()) >= start && code.substr(0, end.size()) <= end;
}

// The ".52", ".51-.52" words from position at on: whether the code's characters after its
// category match one. False when there are none.
bool has_named_suffix(const std::vector<std::string>& words, std::size_t at, const std::string& compact) {
  const std::string tail = compact.size() > 3 ? compact.substr(3) : "";
  for (std::size_t i = at; i < words.size() && words[i].size() > 1 && words[i][0] == '.'; ++i) {
    const std::string& w = words[i];
    const std::size_t dash = w.find("-.");
    if (dash == std::string::npos) {
      const std::string suffix = compact_code(w.substr(1));
      if (!suffix.empty() && tail.compare(0, suffix.size(), suffix) == 0) return true;
    } else {
      const std::string low = compact_code(w.substr(1, dash - 1));
      const std::string high = compact_code(w.substr(dash + 2));
      if (!low.empty() && !high.empty() && tail.substr(0, low.size()) >= low && tail.substr(0, high.size()) <= high) return true;
    }
  }
  return false;
}

}  // namespace

bool note_names_code(const std::string& note_text, const std::string& compact) {
  // Words of [A-Za-z0-9.-], each a code, a category with ".-", or a range "A-B".
  std::vector<std::string> words;
  std::string word;
  for (const char c : note_text + " ") {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-') {
      word += c;
    } else {
      if (!word.empty()) words.push_back(word);
      word.clear();
    }
  }
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    bool named = false;
    // A range: a '-' followed by the letter that starts the second code.
    for (std::size_t dash = 1; dash + 1 < w.size() && !named; ++dash) {
      if (w[dash] != '-' || !std::isalpha(static_cast<unsigned char>(w[dash + 1]))) continue;
      const std::string start = reference_code(w.substr(0, dash));
      const std::string end = reference_code(w.substr(dash + 1));
      named = !start.empty() && !end.empty() && in_range(compact, start, end);
    }
    const std::string code = reference_code(w);
    if (!named) named = !code.empty() && code.size() >= 3 && compact.compare(0, code.size(), code) == 0;
    if (!named) continue;
    // "E08-E13 with .52": only the codes with that 4th and 5th character. A qualifier in
    // words ("with fifth or sixth character 5") is not read, so the note is not counted.
    if (i + 1 < words.size() && words[i + 1] == "with") {
      if (!has_named_suffix(words, i + 2, compact)) continue;
    }
    return true;
  }
  return false;
}

}  // namespace medcode::searcher
