// Medical word formation from the curated morpheme table (corpus/morphemes.tsv, carried in
// the index as schema kMorphemesKey), used both ways:
// - decompose an unknown medical word into plain words: "odynophagia" -> pain swallowing,
//   "coccydynia" -> coccyx pain;
// - compose a term from a lay phrase: "high calcium" -> hypercalcemia, "low platelets" ->
//   thrombocytopenia, "big liver" -> hepatomegaly. The caller keeps a composed word only if
//   the index has it, so the table may over-generate.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace medcode::searcher {

class Morphology {
 public:
  // Parses the table (kind<TAB>form<TAB>meaning[|meaning]<TAB>joins); malformed rows are
  // ignored, so a damaged table only loses words.
  explicit Morphology(std::string_view table);

  bool empty() const { return forms_.empty(); }

  // The plain words of word read as prefix* root+ suffix, the most usual sense of each part
  // ("odynophagia" -> {"pain", "swallowing"}); grammatical endings ("-ia") and "condition"
  // add nothing. Empty when the word does not read that way.
  std::vector<std::string> decompose(const std::string& word) const;

  // Words the table builds from a modifier and a noun in either order ("high" + "calcium"
  // -> "hypercalcemia"), each kept only when exists(word).
  std::vector<std::string> compose(const std::string& first, const std::string& second,
                                   const std::function<bool(const std::string&)>& exists) const;

 private:
  struct Morpheme {
    char kind;  // 'p'refix, 'r'oot, 's'uffix
    std::string form;
    std::vector<std::string> meanings;
    std::string joins;
  };
  std::vector<Morpheme> morphemes_;
  std::unordered_map<std::string, std::vector<std::size_t>> forms_;  // form -> morphemes
  std::unordered_map<std::string, std::vector<std::size_t>> meaning_;  // meaning word -> morphemes
};

}  // namespace medcode::searcher
