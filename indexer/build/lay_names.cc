#include "indexer/build/lay_names.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "common/code_format.h"
#include "indexer/build/index_concept_keys.h"
#include "indexer/corpus/curated_synonyms.h"
#include "indexer/sources/synonym_list_reader.h"

namespace medcode::indexer {
namespace {

// The lists whose rows are other names for a condition, with how a page labels them, in
// the order names are shown. Symptom, lab-value and verb phrasings ("chest hurts", "high
// bnp") lead to a code without naming it; word forms, spelling variants, anatomy
// adjectives and procedure wording are not names either.
std::string label_of(const std::string& list) {
  if (list == "lay_terms.tsv") return "lay language";
  if (list == "eponyms.tsv") return "eponym";
  if (list.rfind("abbreviations", 0) == 0) return "abbreviation";
  return "";
}

struct Name {
  std::string phrase;
  std::string source;  // "lay language (corpus/synonyms/lay_terms.tsv)"
  int rank = 0;        // lay language, eponym, abbreviation
};

// concept key of an expansion -> the phrases that expand to it.
std::map<std::string, std::vector<Name>> names_by_concept() {
  std::map<std::string, std::vector<Name>> names;
  for (const CuratedList& curated : curated_synonym_lists()) {
    const std::string label = label_of(std::string(curated.name));
    if (label.empty()) continue;
    const std::string file = "corpus/synonyms/" + std::string(curated.name);
    auto list = read_synonym_list(curated.text, file);
    if (!list.is_ok()) continue;  // the synonym step reports a bad list
    for (const SynonymRow& row : list.value().rows) {
      if (row.term.size() < 2) continue;
      for (const auto& expansion : row.expansions) {
        const std::string key = phrase_concept_key(expansion);
        if (key.empty() || key == phrase_concept_key(row.term)) continue;
        // Abbreviations are written as coders write them: "MI", "T2DM".
        std::string phrase = row.term;
        if (label == "abbreviation") {
          for (char& c : phrase) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        }
        names[key].push_back({phrase, label + " (" + file + ")", label == "lay language" ? 0 : label == "eponym" ? 1 : 2});
      }
    }
  }
  return names;
}

}  // namespace

void attach_lay_names(std::vector<CodeRecord>& records) {
  const auto names = names_by_concept();
  for (auto& record : records) {
    if (record.system != kIcd10Cm) continue;
    // The concepts the code names: its title, and its own index entries.
    std::vector<std::string> keys = {phrase_concept_key(record.title)};
    for (const auto& entry : record.index_entries) {
      if (entry.attached_to_ancestor) continue;
      for (const auto& key : index_concept_keys(entry)) keys.push_back(key);
    }
    std::set<std::string> added;  // concept keys of the names: "heart attacks" repeats "heart attack"
    std::vector<const Name*> found;
    for (const auto& key : keys) {
      auto it = names.find(key);
      if (it == names.end()) continue;
      for (const Name& name : it->second) {
        if (found.size() < kMaxAlsoCalled && added.insert(phrase_concept_key(name.phrase)).second) found.push_back(&name);
      }
    }
    // Lay names first, then eponyms, then abbreviations.
    std::stable_sort(found.begin(), found.end(), [](const Name* a, const Name* b) { return a->rank < b->rank; });
    for (const Name* name : found) record.attributes.push_back({std::string(kAlsoCalledAttribute), name->phrase, name->source});
  }
}

}  // namespace medcode::indexer
