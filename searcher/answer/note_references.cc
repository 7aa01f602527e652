#include "searcher/answer/note_references.h"

#include <cctype>
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
  for (const auto& w : words) {
    // A range: a '-' followed by the letter that starts the second code.
    for (std::size_t dash = 1; dash + 1 < w.size(); ++dash) {
      if (w[dash] != '-' || !std::isalpha(static_cast<unsigned char>(w[dash + 1]))) continue;
      const std::string start = reference_code(w.substr(0, dash));
      const std::string end = reference_code(w.substr(dash + 1));
      if (!start.empty() && !end.empty() && in_range(compact, start, end)) return true;
    }
    const std::string code = reference_code(w);
    if (!code.empty() && code.size() >= 3 && compact.compare(0, code.size(), code) == 0) return true;
  }
  return false;
}

}  // namespace medcode::searcher
