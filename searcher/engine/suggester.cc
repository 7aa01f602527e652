#include "searcher/engine/internal/suggester.h"

#include <algorithm>
#include <cmath>

#include "common/ranking_policy.h"
#include "common/schema.h"
#include "common/stop_words.h"

namespace medcode::searcher {
namespace {

// Title words read per prefix; the most frequent win when the context says nothing.
constexpr std::size_t kCandidates = 24;
// Top matches for the earlier words whose titles suggest in-context completions.
constexpr Xapian::doccount kContextDocuments = 30;

std::string joined(const std::vector<std::string>& words, std::size_t count) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) text += (text.empty() ? "" : " ") + words[i];
  return text;
}


// Title words starting with prefix, those of the most codes that name a concept and of the
// most reported codes first (schema::kSuggestWordPrefix, kWordUsageKey).
std::vector<std::string> frequent_title_words(const Xapian::Database& database, const WordUsage* usage,
                                              const std::string& prefix) {
  const std::string term_prefix = std::string(schema::kSuggestWordPrefix) + prefix;
  std::vector<std::pair<double, std::string>> found;
  for (auto it = database.allterms_begin(term_prefix); it != database.allterms_end(term_prefix); ++it) {
    std::string word = (*it).substr(schema::kSuggestWordPrefix.size());
    const double reports = usage ? usage->reports(word) : 0.0;
    found.emplace_back(std::log1p(it.get_termfreq()) + ranking::kCompletionUsageShare * std::log1p(reports), std::move(word));
  }
  const std::size_t keep = std::min(kCandidates, found.size());
  std::partial_sort(found.begin(), found.begin() + keep, found.end(),
                    [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> words;
  for (std::size_t i = 0; i < keep; ++i) {
    if (!is_stop_word(found[i].second)) words.push_back(found[i].second);
  }
  return words;
}

// Title words starting with prefix in the best plain matches for the earlier words, the
// most used first: a plain OR of their stems, which Xapian answers fast by pruning.
std::vector<std::string> context_title_words(const Xapian::Database& database,
                                             const Xapian::Stem& stemmer,
                                             const std::vector<std::string>& earlier,
                                             const std::string& prefix,
                                             const std::vector<std::string>& candidates) {
  // The earlier words that say something: those in at most 1 in 20 documents ("femur",
  // not "right" or "initial"), or else the rarest. Frequent ones cost most to match and
  // add little to which words the best matches use.
  std::vector<std::pair<Xapian::doccount, std::string>> known;
  for (const auto& word : earlier) {
    if (is_stop_word(word)) continue;
    const std::string stem = "Z" + stemmer(word);
    const Xapian::doccount frequency = database.get_termfreq(stem);
    if (frequency > 0) known.emplace_back(frequency, stem);
  }
  std::sort(known.begin(), known.end());
  std::vector<Xapian::Query> stems;
  for (const auto& [frequency, stem] : known) {
    if (stems.empty() || frequency * 20 <= database.get_doccount()) stems.emplace_back(stem);
  }
  std::vector<std::pair<int, std::string>> counted;  // (-documents using it, word)
  std::vector<std::string> words;
  if (stems.empty()) return words;
  std::vector<Xapian::Query> completions;
  for (const auto& word : candidates) completions.emplace_back(std::string(schema::kTitleField.prefix) + word);
  Xapian::Enquire enquire(database);
  // Documents that have some earlier word and some candidate completion in the title.
  enquire.set_query(Xapian::Query(Xapian::Query::OP_AND,
                                  Xapian::Query(Xapian::Query::OP_OR, stems.begin(), stems.end()),
                                  Xapian::Query(Xapian::Query::OP_OR, completions.begin(), completions.end())));
  const Xapian::MSet top = enquire.get_mset(0, kContextDocuments);
  const std::string term_prefix = std::string(schema::kTitleField.prefix) + prefix;
  for (auto doc = top.begin(); doc != top.end(); ++doc) {
    Xapian::TermIterator term = database.termlist_begin(*doc);
    for (term.skip_to(term_prefix); term != database.termlist_end(*doc); ++term) {
      const std::string& name = *term;
      if (name.compare(0, term_prefix.size(), term_prefix) != 0) break;
      const std::string word = name.substr(schema::kTitleField.prefix.size());
      if (is_stop_word(word)) continue;
      auto seen = std::find_if(counted.begin(), counted.end(),
                               [&](const auto& entry) { return entry.second == word; });
      if (seen == counted.end()) {
        counted.emplace_back(-1, word);
      } else {
        --seen->first;
      }
    }
  }
  // Stable: among equally used words, the better-ranked document's word first.
  std::stable_sort(counted.begin(), counted.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& entry : counted) words.push_back(std::move(entry.second));
  return words;
}

}  // namespace

Completions complete(const Xapian::Database& database, const Xapian::Stem& stemmer,
                     const TextQueryBuilder& text_query, const WordUsage* usage,
                     const std::vector<std::string>& words, bool partial, std::size_t limit) {
  Completions out;
  if (words.empty()) return out;
  if (!partial) {
    out.query = text_query.build(joined(words, words.size())).query;
    return out;
  }
  const std::vector<std::string> earlier(words.begin(), words.end() - 1);
  const std::string& prefix = words.back();
  const std::vector<std::string> frequent = frequent_title_words(database, usage, prefix);
  std::vector<std::string> ordered = context_title_words(database, stemmer, earlier, prefix, frequent);
  for (const auto& word : frequent) {
    if (std::find(ordered.begin(), ordered.end(), word) == ordered.end()) ordered.push_back(word);
  }
  const std::string before = joined(earlier, earlier.size());
  for (std::size_t i = 0; i < ordered.size() && out.phrases.size() < limit; ++i) {
    out.phrases.push_back(before.empty() ? ordered[i] : before + " " + ordered[i]);
  }
  // Codes for the likeliest completion; with none, for the words as typed.
  out.query = text_query.build(out.phrases.empty() ? joined(words, words.size()) : out.phrases[0]).query;
  return out;
}

}  // namespace medcode::searcher
