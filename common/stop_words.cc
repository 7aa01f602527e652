#include "common/stop_words.h"

#include <algorithm>
#include <array>

namespace medcode {
namespace {

// Sorted, for binary search.
constexpr std::array<std::string_view, 35> kStopWords = {
    "a",    "after", "am",  "an",  "and", "are", "as",   "at",   "be", "by",  "do",  "does",
    "for",  "from",  "get", "got", "had", "has", "have", "i",    "in", "is",  "its", "me",
    "my",   "of",    "on",  "or",  "s",   "so",  "some", "the",  "to", "was", "were"};

static_assert(std::is_sorted(kStopWords.begin(), kStopWords.end()), "kStopWords must stay sorted");

}  // namespace

bool is_stop_word(std::string_view word) {
  return std::binary_search(kStopWords.begin(), kStopWords.end(), word);
}

}  // namespace medcode
