#include "common/stop_words.h"

#include <algorithm>
#include <array>

namespace medcode {
namespace {

// Sorted, for binary search. Function words, plus the conversational filler patients and
// notes use ("when", "feel", "keep") that no code title turns on. Negations and "had"
// stay words: "can't pee" is not "pee", "had a heart attack" is not "heart attack".
constexpr std::array<std::string_view, 89> kStopWords = {
    "a", "about", "after", "also", "am", "an", "and", "are", "as", "at",
    "be", "been", "being", "by", "can", "could", "did", "do", "does", "feel",
    "feeling", "feels", "for", "from", "get", "getting", "got", "has", "have", "he",
    "her", "him", "his", "how", "i", "i'm", "im", "in", "is", "it",
    "it's", "its", "just", "keep", "keeps", "kind", "like", "lot", "lots", "me",
    "my", "of", "on", "or", "really", "s", "she", "since", "so", "some",
    "that", "the", "their", "them", "then", "there", "these", "they", "thing", "things",
    "this", "those", "to", "today", "very", "was", "we", "were", "what", "when",
    "where", "which", "while", "who", "why", "will", "would", "you", "your"};

static_assert(std::is_sorted(kStopWords.begin(), kStopWords.end()), "kStopWords must stay sorted");

}  // namespace

bool is_stop_word(std::string_view word) {
  return std::binary_search(kStopWords.begin(), kStopWords.end(), word);
}

}  // namespace medcode
