#include "searcher/engine/morphology.h"

#include <algorithm>
#include <array>
#include <limits>
#include <set>

#include "common/tsv_fields.h"

namespace medcode::searcher {
namespace {

// Suffixes that build a word ("-ia", "-ic") or say only "a condition" name nothing a title
// would have to contain.
bool says_nothing(const std::string& meaning) {
  return meaning == "condition" || meaning == "state" || meaning == "pertaining to" || meaning == "relating to" ||
         meaning == "process" || meaning == "blood level" || meaning == "in blood" || meaning == "blood condition";
}

// "platelets" -> "platelet": how the table may word a plural.
std::string singular(const std::string& word) {
  if (word.size() > 3 && word.back() == 's' && word[word.size() - 2] != 's') return word.substr(0, word.size() - 1);
  return word;
}

// Endings that make a polarity prefix and a substance root a condition word
// (hyper + calc + emia, hypo + thyroid + ism, hyper + calci + uria).
const std::vector<std::string> kConditionEndings = {"emia", "aemia", "ia", "ism", "osis", "uria", "ity", "y", ""};

}  // namespace

Morphology::Morphology(std::string_view table) {
  for (const auto& fields : tsv_rows(std::string(table))) {
    if (fields.size() < 3 || fields[0].empty() || fields[0][0] == '#') continue;
    const std::string& kind = fields[0];
    if (kind != "prefix" && kind != "root" && kind != "suffix") continue;
    Morpheme morpheme{kind[0], fields[1], {}, fields.size() > 3 ? fields[3] : ""};
    if (morpheme.form.empty()) continue;
    for (std::size_t start = 0; start <= fields[2].size();) {
      const std::size_t bar = std::min(fields[2].find('|', start), fields[2].size());
      if (bar > start) morpheme.meanings.push_back(fields[2].substr(start, bar - start));
      start = bar + 1;
    }
    if (morpheme.meanings.empty()) continue;
    const std::size_t index = morphemes_.size();
    forms_[morpheme.form].push_back(index);
    for (const auto& meaning : morpheme.meanings) {
      if (meaning.find(' ') == std::string::npos) meaning_[meaning].push_back(index);
    }
    morphemes_.push_back(std::move(morpheme));
  }
}

std::vector<std::string> Morphology::decompose(const std::string& word) const {
  if (word.size() < 6 || morphemes_.empty()) return {};
  // Cheapest reading of word[i..] as (prefix|root)* root suffix, cost = pieces, so that
  // longer, well-known parts win; a linking vowel after a root is free.
  const std::size_t n = word.size();
  constexpr int kNone = std::numeric_limits<int>::max() / 2;
  // best[i][r]: cost to read word[i..], r = whether a root was already read before i.
  std::vector<std::array<int, 2>> best(n + 1, {kNone, kNone});
  std::vector<std::array<std::pair<std::size_t, std::size_t>, 2>> step(n + 1);  // (length, morpheme)
  for (std::size_t i = n; i-- > 0;) {
    for (int had_root = 0; had_root < 2; ++had_root) {
      for (std::size_t length = 1; i + length <= n; ++length) {
        const auto found = forms_.find(word.substr(i, length));
        if (found == forms_.end()) continue;
        for (std::size_t index : found->second) {
          const Morpheme& m = morphemes_[index];
          std::size_t next = i + length;
          int cost = kNone;
          if (m.kind == 's') {
            if (had_root && next == n) cost = 1;
          } else {
            const int root_now = had_root || m.kind == 'r';
            if (m.kind == 'r' && !m.joins.empty() && next < n && word.compare(next, m.joins.size(), m.joins) == 0 &&
                best[next + m.joins.size()][root_now] < best[next][root_now]) {
              next += m.joins.size();
            }
            if (next == n && m.kind == 'r') cost = 1;  // a word may end in a root, without a suffix
            else if (next < n && best[next][root_now] < kNone) cost = 1 + best[next][root_now];
          }
          if (cost < best[i][had_root]) {
            best[i][had_root] = cost;
            step[i][had_root] = {next - i, index};
          }
        }
      }
    }
  }
  if (best[0][0] >= kNone || best[0][0] < 2) return {};
  std::vector<std::string> words;
  int had_root = 0;
  for (std::size_t i = 0; i < n;) {
    const auto [length, index] = step[i][had_root];
    const Morpheme& m = morphemes_[index];
    const std::string& sense = m.meanings.front();
    if (!says_nothing(sense)) words.push_back(sense);
    had_root = had_root || m.kind == 'r';
    i += length;
  }
  return words;
}

std::vector<std::string> Morphology::compose(const std::string& first, const std::string& second,
                                             const std::function<bool(const std::string&)>& exists) const {
  std::set<std::string> found;
  auto with_meaning = [this](const std::string& word, char kind) {
    std::vector<const Morpheme*> out;
    for (const auto& key : {word, singular(word)}) {
      const auto it = meaning_.find(key);
      if (it == meaning_.end()) continue;
      for (std::size_t index : it->second) {
        if (morphemes_[index].kind == kind) out.push_back(&morphemes_[index]);
      }
    }
    return out;
  };
  for (const auto& [modifier, noun] : {std::pair{first, second}, std::pair{second, first}}) {
    const auto roots = with_meaning(noun, 'r');
    if (roots.empty()) continue;
    for (const Morpheme* prefix : with_meaning(modifier, 'p')) {
      for (const Morpheme* root : roots) {
        for (const auto& ending : kConditionEndings) {
          const std::string word = prefix->form + root->form + ending;
          if (exists(word)) found.insert(word);
        }
      }
    }
    for (const Morpheme* suffix : with_meaning(modifier, 's')) {
      for (const Morpheme* root : roots) {
        for (const std::string& join : {std::string(), root->joins}) {
          const std::string word = root->form + join + suffix->form;
          if (exists(word)) found.insert(word);
        }
      }
    }
  }
  return {found.begin(), found.end()};
}

}  // namespace medcode::searcher
