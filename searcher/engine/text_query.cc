#include "searcher/engine/internal/text_query.h"

#include <algorithm>

#include "common/ranking_policy.h"
#include "common/schema.h"
#include "common/stop_words.h"
#include "common/word_splitter.h"

namespace medcode::searcher {
namespace {

// The weights are common/ranking_policy.h; this file is how they are put together.
using namespace ranking;

// Words that ask for quality-measure and reporting codes: then they compete like any other.
bool asks_for_measures(const std::vector<std::string>& words) {
  for (const auto& word : words) {
    if (word == "quality" || word == "measure" || word == "measures" || word == "reporting" || word == "mips" ||
        word == "documentation" || word == "documented" || word == "mvp") {
      return true;
    }
  }
  return false;
}

// Words that name an encounter other than the initial one (7th characters D, S, ...).
bool names_later_encounter(const std::vector<std::string>& words) {
  for (const auto& word : words) {
    if (word == "subsequent" || word == "subs" || word == "sequela" || word == "sequelae" ||
        word == "seq" || word == "late" || word == "healing" || word == "aftercare" ||
        word == "followup" || word == "follow") {
      return true;
    }
  }
  return false;
}

// Words that only say "the unspecified one" ("hypertension NOS", "pneumonia, organism
// unspecified"): the index default is exactly that, so they stay out of the concept key.
bool is_vague_qualifier(const std::string& word) {
  return word == "unspecified" || word == "unspecify" || word == "nos" || word == "nec" ||
         word == "elsewhere" || word == "classified" || word == "specified" || word == "site" ||
         word == "organism" || word == "mention";
}

// Words that pick among a concept's codes rather than name the concept: laterality and
// encounter. "broken wrist left" is the concept "fracture wrist", steered to the left.
bool is_steering_word(const std::string& word) {
  return word == "left" || word == "right" || word == "bilateral" || word == "initial" ||
         word == "subsequent" || word == "sequela" || word == "encounter" || word == "lt" ||
         word == "rt" || word == "upper" || word == "lower";
}

// A span of steering and vague words only, which names no concept ("left", "initial encounter").
template <typename SpanT>
bool only_steers(const SpanT& span) {
  return std::all_of(span.words.begin(), span.words.end(), [](const std::string& word) {
    return is_steering_word(word) || is_vague_qualifier(word) || is_stop_word(word);
  });
}

Xapian::Query fixed_weight_for(const std::string& term, double weight) {
  return Xapian::Query(Xapian::Query::OP_FILTER,
                       Xapian::Query((new Xapian::FixedWeightPostingSource(weight))->release()),
                       Xapian::Query(term));
}
constexpr std::size_t kLongestSynonymKey = 5;

std::string join_words(const std::vector<std::string>& words) {
  std::string joined;
  for (const auto& word : words) joined += (joined.empty() ? "" : " ") + word;
  return joined;
}

bool starts_with_digit(const std::string& word) { return !word.empty() && word[0] >= '0' && word[0] <= '9'; }

}  // namespace

// A run of query words, with the synonym expansions of the run as a whole.
struct TextQueryBuilder::Span {
  std::vector<std::string> words;
  std::vector<std::vector<std::string>> expansions;
  std::vector<double> weights;  // one per expansion: curated 1, mined kMinedSynonymWeight

  void add(std::vector<std::string> words, double weight = kSynonymWeight) {
    expansions.push_back(std::move(words));
    weights.push_back(weight);
  }
};

TextQueryBuilder::TextQueryBuilder(const Xapian::Database& database, std::string index_instance,
                                   std::shared_ptr<const CodePriors> priors)
    : database_(database),
      stemmer_("english"),
      index_instance_(std::move(index_instance)),
      priors_(std::move(priors)),
      morphology_(database.get_metadata(std::string(schema::kMorphemesKey))) {}

bool TextQueryBuilder::is_english(const std::string& word) const {
  // Most queries never ask: the list (2 MB) is read only when a word might be corrected.
  if (!english_) english_ = EnglishWords::of(database_, index_instance_);
  return english_->contains(word);
}

bool TextQueryBuilder::is_known(const std::string& word) const {
  if (database_.term_exists(word)) return true;
  const std::string stem = starts_with_digit(word) ? word : stemmer_(word);
  if (database_.term_exists("Z" + stem)) return true;
  // The first word of a synonym key ("afib", "a" of "a fib") is known too.
  Xapian::TermIterator key = database_.synonym_keys_begin(stem);
  if (key != database_.synonym_keys_end(stem) && ((*key).size() == stem.size() || (*key)[stem.size()] == ' ')) {
    return true;
  }
  // Valid English is never "corrected" ("tingly" is not a misspelled "single").
  return is_english(word);
}

// Replaces each unknown word of 4+ letters by Xapian's spelling suggestion, if it has one.
std::vector<std::string> TextQueryBuilder::corrected(const std::vector<std::string>& words,
                                                     bool& changed) const {
  std::vector<std::string> out = words;
  changed = false;
  for (auto& word : out) {
    // A word with a digit is a code or a measure ("e11.9", "5mg"): never a misspelling.
    const bool has_digit = std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (word.size() < 4 || has_digit || is_stop_word(word) || is_known(word)) {
      continue;
    }
    // A medical word the index lacks but whose parts say what it means ("hyperlipasemia")
    // is read, not "corrected" into another word.
    if (morphology_.decompose(word).size() >= 2) continue;
    const std::string suggestion =
        database_.get_spelling_suggestion(word, word.size() >= 6 ? 2 : 1);
    if (!suggestion.empty() && suggestion != word) {
      word = suggestion;
      changed = true;
    }
  }
  return out;
}

// Greedy longest match of synonym keys, left to right.
std::vector<TextQueryBuilder::Span> TextQueryBuilder::spans_of(
    const std::vector<std::string>& words) const {
  auto stem = [this](const std::string& word) { return stemmer_(word); };
  std::vector<Span> spans;
  for (std::size_t i = 0; i < words.size();) {
    Span span;
    const std::size_t longest = std::min(kLongestSynonymKey, words.size() - i);
    for (std::size_t length = longest; length >= 1; --length) {
      std::vector<std::string> run(words.begin() + i, words.begin() + i + length);
      const std::string key = synonym_key(run, stem);
      for (auto it = database_.synonyms_begin(key); it != database_.synonyms_end(key); ++it) {
        // A mined pair ("nose" TAB "wordnet") weighs less than a curated one.
        const std::string value = *it;
        const auto tab = value.find(schema::kSynonymSourceSeparator);
        span.add(split_words(value.substr(0, tab)), tab == std::string::npos ? kSynonymWeight : kMinedSynonymWeight);
      }
      // A lay pair the morpheme table composes into an indexed term ("low platelets" ->
      // thrombocytopenia), or an unknown word it decomposes ("odynophagia" -> pain swallowing).
      if (span.expansions.empty() && length == 2) {
        for (const auto& word : morphology_.compose(run[0], run[1], [this](const std::string& w) { return database_.term_exists(w); })) {
          span.add({word});
        }
      }
      if (span.expansions.empty() && length == 1 && !is_known(run[0])) {
        const std::vector<std::string> parts = morphology_.decompose(run[0]);
        if (parts.size() >= 2) span.add(split_words(join_words(parts)));
      }
      if (!span.expansions.empty() || length == 1) {
        span.words = std::move(run);
        break;
      }
    }
    i += span.words.size();
    // A lone stop word means nothing; inside a synonym key ("a fib") it does.
    if (span.expansions.empty() && span.words.size() == 1 && is_stop_word(span.words[0])) continue;
    spans.push_back(std::move(span));
  }
  return spans;
}

Xapian::Query TextQueryBuilder::word_query(const std::string& word, const std::string& prefix) const {
  // The term generator stems every word not starting with a digit, under "Z" + prefix.
  if (starts_with_digit(word)) return Xapian::Query(prefix + word);
  return Xapian::Query("Z" + prefix + stemmer_(word));
}

Xapian::Query TextQueryBuilder::words_query(const std::vector<std::string>& words,
                                            const std::string& prefix) const {
  std::vector<Xapian::Query> parts;
  for (const auto& word : words) {
    if (!is_stop_word(word)) parts.push_back(word_query(word, prefix));
  }
  if (parts.empty()) {
    for (const auto& word : words) parts.push_back(word_query(word, prefix));
  }
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

Xapian::Query TextQueryBuilder::span_query(const Span& span, const std::string& prefix) const {
  std::vector<Xapian::Query> alternatives = {words_query(span.words, prefix)};
  for (std::size_t i = 0; i < span.expansions.size(); ++i) {
    const auto& expansion = span.expansions[i];
    // A longer wording sums more term weights; scale it down so "colles fracture" is not
    // outranked by its own four-word description.
    const double length_ratio = std::min(1.0, static_cast<double>(span.words.size()) /
                                                  static_cast<double>(std::max<std::size_t>(1, expansion.size())));
    alternatives.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, words_query(expansion, prefix),
                              span.weights[i] * length_ratio);
  }
  return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
}

// The concept-key terms (schema kConceptTermPrefix) that exist for some combination of the
// spans' wordings ("broken wrist" also as "fracture wrist").
std::vector<std::string> TextQueryBuilder::concept_terms(const std::vector<const Span*>& spans) const {
  auto stem = [this](const std::string& word) { return stemmer_(word); };
  std::vector<std::vector<std::string>> combinations = {{}};
  for (const Span* span : spans) {
    std::vector<std::vector<std::string>> wordings = {span->words};
    wordings.insert(wordings.end(), span->expansions.begin(), span->expansions.end());
    std::vector<std::vector<std::string>> next;
    for (const auto& prefix : combinations) {
      for (const auto& wording : wordings) {
        if (next.size() >= kMaxConceptCombinations) break;
        next.push_back(prefix);
        next.back().insert(next.back().end(), wording.begin(), wording.end());
      }
    }
    combinations = std::move(next);
  }
  std::vector<std::string> terms;
  for (auto& words : combinations) {
    // "site not specified", "not elsewhere classified": the "not" goes with its qualifier.
    const bool vague = std::any_of(words.begin(), words.end(), is_vague_qualifier);
    words.erase(std::remove_if(words.begin(), words.end(),
                               [vague](const std::string& word) {
                                 return is_vague_qualifier(word) || is_steering_word(word) ||
                                        (vague && word == "not");
                               }),
                words.end());
    const std::string key = concept_key(words, stem);
    if (key.empty() || key.size() > 200) continue;
    const std::string term = std::string(schema::kConceptTermPrefix) + key;
    if (database_.term_exists(term) && std::find(terms.begin(), terms.end(), term) == terms.end()) terms.push_back(term);
  }
  return terms;
}

// The Alphabetic Index's default code for the phrase, the way a coder reads the index: the
// entry whose words are the query's (its main term and the subterms the other words name)
// leads to the code, and every code under it shares the boost so that laterality and
// encounter words steer among them. When no entry has all the query's words,
// the entry with the most of them is used ("nagging cough" -> Cough R05.9): words no
// subterm uses do not cancel the main term's code. Its boost shrinks with the square of the
// share of the query it explains. (It used to wait until no code had a word of every span;
// applying it always measured better everywhere: leave-out R@10 0.816 -> 0.818, blind MRR
// 0.770 -> 0.772, dev 0.924 -> 0.926.)
Xapian::Query TextQueryBuilder::concept_query(const std::vector<Span>& spans) const {
  // Spans that only steer ("left", "initial") are never what a default is for.
  std::vector<const Span*> content, steering;
  for (const Span& span : spans) {
    (only_steers(span) ? steering : content).push_back(&span);
  }
  std::vector<const Span*> all = content;
  all.insert(all.end(), steering.begin(), steering.end());
  std::vector<std::string> terms = concept_terms(all);
  double share = 1.0;
  // Subsets grow as 2^n and each looks up its wordings' keys: long queries are left to the words.
  if (terms.empty() && content.size() >= 2 && content.size() <= kMaxPartialSpans) {
    // The largest subsets first; stop at the first size that names an entry.
    for (std::size_t keep = content.size() - 1; keep >= 1 && terms.empty(); --keep) {
      for (unsigned mask = 0; mask < (1u << content.size()); ++mask) {
        if (static_cast<std::size_t>(__builtin_popcount(mask)) != keep) continue;
        std::vector<const Span*> subset = steering;
        for (std::size_t i = 0; i < content.size(); ++i) {
          if (mask & (1u << i)) subset.push_back(content[i]);
        }
        for (auto& term : concept_terms(subset)) {
          if (std::find(terms.begin(), terms.end(), term) == terms.end()) terms.push_back(std::move(term));
        }
      }
      share = static_cast<double>(keep) / static_cast<double>(content.size());
    }
  }
  if (terms.empty()) return Xapian::Query();
  std::vector<Xapian::Query> concept_codes;
  std::vector<std::string> family_terms;
  for (const auto& term : terms) {
    // The default code and every code under it: the steering words then pick among them.
    for (auto doc = database_.postlist_begin(term); doc != database_.postlist_end(term); ++doc) {
      const Xapian::Document document = database_.get_document(*doc);
      std::string family = std::string(schema::kCodePrefixTermPrefix) + document.get_value(schema::kSystemSlot) + ":" +
                           document.get_value(schema::kCodeSlot);
      // Two wordings often lead to one code ("infarction myocardium", "myocardial infarction").
      if (std::find(family_terms.begin(), family_terms.end(), family) == family_terms.end()) {
        family_terms.push_back(std::move(family));
      }
    }
    concept_codes.emplace_back(term);
  }
  if (family_terms.empty()) return Xapian::Query();
  const std::vector<Xapian::Query> families(family_terms.begin(), family_terms.end());
  const double weight = share * share;
  return Xapian::Query(
      Xapian::Query::OP_OR,
      Xapian::Query(Xapian::Query::OP_FILTER,
                    Xapian::Query((new Xapian::FixedWeightPostingSource(kConceptBoost * weight))->release()),
                    Xapian::Query(Xapian::Query::OP_OR, families.begin(), families.end())),
      // The code itself when billable: an index entry that names a header ("Pain, joint, hip
      // M25.55-") must not put the header above its own billable codes.
      Xapian::Query(Xapian::Query::OP_FILTER,
                    Xapian::Query((new Xapian::FixedWeightPostingSource(kConceptCodeBonus * weight))->release()),
                    Xapian::Query(Xapian::Query::OP_AND, Xapian::Query(Xapian::Query::OP_OR, concept_codes.begin(), concept_codes.end()),
                                  Xapian::Query(std::string(schema::kBillableTerm)))));
}

// The head concepts the query may name (an index main term leading to a code), through any
// of its wordings: stemmed words, as kHeadConceptPrefix terms carry them.
std::vector<std::string> TextQueryBuilder::head_concept_words(const std::vector<Span>& spans) const {
  std::vector<std::string> heads;
  auto add = [&](const std::vector<std::string>& words) {
    for (const auto& word : words) {
      if (is_stop_word(word)) continue;
      std::string head = starts_with_digit(word) ? word : stemmer_(word);
      if (std::find(heads.begin(), heads.end(), head) == heads.end()) heads.push_back(std::move(head));
    }
  };
  for (const Span& span : spans) {
    add(span.words);
    for (const auto& expansion : span.expansions) add(expansion);
  }
  return heads;
}

TextQuery TextQueryBuilder::build(const std::string& normalized) const {
  TextQuery result;
  bool changed = false;
  const std::vector<std::string> words = corrected(split_words(normalized), changed);
  if (changed) {
    for (const auto& word : words) result.corrected_text += (result.corrected_text.empty() ? "" : " ") + word;
  }
  const std::vector<Span> spans = spans_of(words);
  if (spans.empty()) return result;

  const std::string title_prefix(schema::kTitleField.prefix);
  std::vector<Xapian::Query> any, title;
  for (const Span& span : spans) {
    any.push_back(span_query(span, ""));
    title.push_back(span_query(span, title_prefix));
  }
  // Every code matching any concept is a candidate; matching all concepts, all of them in
  // the title, and the words as typed each add weight on top.
  std::vector<Xapian::Query> parts;
  if (spans.size() == 1) {
    // One concept: "all of them" is the same query as "any of them", so weigh it once.
    parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, any[0], 1.0 + kAllSpansBoost);
    parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, title[0], kTitleAllBoost);
  } else {
    // A word that only steers ("left", "initial") weighs in but never makes a candidate of its
    // own: tens of thousands of codes say "left", and none of them is an answer for that alone.
    std::vector<Xapian::Query> content, steering;
    for (std::size_t i = 0; i < spans.size(); ++i) (only_steers(spans[i]) ? steering : content).push_back(any[i]);
    if (content.empty() || steering.empty()) {
      parts.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
    } else {
      parts.emplace_back(Xapian::Query::OP_AND_MAYBE, Xapian::Query(Xapian::Query::OP_OR, content.begin(), content.end()),
                         Xapian::Query(Xapian::Query::OP_OR, steering.begin(), steering.end()));
    }
    parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                       Xapian::Query(Xapian::Query::OP_AND, any.begin(), any.end()), kAllSpansBoost);
    parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                       Xapian::Query(Xapian::Query::OP_AND, title.begin(), title.end()), kTitleAllBoost);
  }
  std::vector<Xapian::Query> typed;
  for (const auto& word : words) {
    if (!is_stop_word(word)) typed.emplace_back(word);
  }
  if (typed.size() >= 2) {
    parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                       Xapian::Query(Xapian::Query::OP_PHRASE, typed.begin(), typed.end(), typed.size()),
                       kPhraseBoost);
  }
  const Xapian::Query relevance(Xapian::Query::OP_OR, parts.begin(), parts.end());
  // Billable codes earn a small constant; AND_MAYBE adds it only to documents that match.
  const Xapian::Query billable = fixed_weight_for(std::string(schema::kBillableTerm), kBillablePrior);
  // How often coders report the code (among codes the words fit alike, the common one),
  // billing codes before quality measures unless the query asks for measures, billable and
  // initial-encounter codes first among equals, and codes whose head concept the query
  // names: one in-memory source for all of them.
  PriorWeights weights;
  weights.usage = kUsagePriorWeight;
  weights.core = asks_for_measures(words) ? 0.0 : kCoreCodeBoost;
  weights.unspecified = kUnspecifiedPrior;
  weights.billable = kBillablePrior;
  weights.initial = names_later_encounter(words) ? 0.0 : kInitialEncounterPrior;
  weights.head = kHeadConceptBoost;
  for (const auto& head : head_concept_words(spans)) {
    if (const std::uint32_t id = priors_->head_id(head); id != CodePriors::kNoHead) weights.head_ids.push_back(id);
  }
  std::sort(weights.head_ids.begin(), weights.head_ids.end());
  const Xapian::Query boosts((new CodePriorSource(priors_, std::move(weights)))->release());
  result.query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, relevance, boosts);
  // The index default's boost is a branch of its own, over the codes that match the words
  // anyway: the other boosts are small, so once the page is full of the default's codes
  // Xapian skips every document outside them (its OR turns into AND_MAYBE), and a word as
  // common as "left" no longer makes each of its 50,000 codes a candidate worth weighing.
  if (const Xapian::Query by_default = concept_query(spans); !by_default.empty()) {
    result.query = Xapian::Query(
        Xapian::Query::OP_OR, result.query,
        Xapian::Query(Xapian::Query::OP_FILTER, by_default, Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end())));
  }

  std::vector<Xapian::Query> single_words;
  for (const Span& span : spans) {
    for (const auto& word : span.words) single_words.push_back(word_query(word, ""));
    for (const auto& expansion : span.expansions) {
      for (const auto& word : expansion) {
        if (!is_stop_word(word)) single_words.push_back(word_query(word, ""));
      }
    }
  }
  result.fallback = Xapian::Query(Xapian::Query::OP_AND_MAYBE,
                                  Xapian::Query(Xapian::Query::OP_OR, single_words.begin(), single_words.end()),
                                  billable);
  return result;
}

}  // namespace medcode::searcher
