#include "indexer/build/english_words.h"

#include <algorithm>
#include <fstream>
#include <vector>

namespace medcode::indexer {

Result<std::string> read_english_words(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::not_found(path + ": no such word list; install Debian's wamerican-huge");
  std::vector<std::string> words;
  for (std::string line; std::getline(in, line);) {
    // Proper nouns and possessives ("Addison", "Addison's") are not what people misspell.
    const bool plain = line.size() >= 4 && std::all_of(line.begin(), line.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (plain) words.push_back(line);
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  std::string joined;
  for (const auto& word : words) joined += word + "\n";
  return joined;
}

}  // namespace medcode::indexer
