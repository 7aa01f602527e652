#include "searcher/engine/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <system_error>
#include <set>
#include <unordered_set>
#include <utility>

#include "common/code_format.h"
#include "common/index_path_check.h"
#include "common/ranking_policy.h"
#include "common/record_codec.h"
#include "common/schema.h"
#include "common/text_normalizer.h"
#include "common/tsv_fields.h"
#include "common/utf8.h"
#include "common/word_splitter.h"
#include "searcher/engine/internal/code_priors.h"
#include "searcher/engine/internal/release_scope.h"
#include "searcher/engine/internal/suggester.h"
#include "searcher/engine/internal/text_query.h"

namespace medcode::searcher {
namespace {

std::string term(std::string_view prefix, const std::string& rest) {
  return std::string(prefix) + rest;
}

// Codes a release deleted are found by code only, never by text.
Xapian::Query without_deleted(Xapian::Query query) {
  return Xapian::Query(Xapian::Query::OP_AND_NOT, query, Xapian::Query(std::string(schema::kDeletedTerm)));
}

// In the index's own release, the codes it has; in another, the codes valid in that one
// (a code deleted since is valid there).
Xapian::Query in_scope(Xapian::Query query, const ReleaseScope& scope) {
  return scope.active() ? Xapian::Query(Xapian::Query::OP_FILTER, query, scope.filter()) : without_deleted(query);
}

std::string joined_releases(const std::vector<std::string>& releases) {
  std::string text;
  for (const auto& release : releases) text += (text.empty() ? "" : ", ") + release;
  return text.empty() ? "none (it was built without validity data)" : text;
}

// "\"icd9\" is not served by this index; it serves icd10cm, icd10pcs, hcpcs, guidelines".
std::string not_served(const std::string& system, const IndexInfo& info) {
  std::string served;
  for (const auto& set : info.code_sets) served += (served.empty() ? "" : ", ") + set.system;
  return quote_for_message(system) + " is not served by this index; it serves " + (served.empty() ? "nothing" : served);
}

bool serves(const IndexInfo& info, const std::string& system) {
  return std::any_of(info.code_sets.begin(), info.code_sets.end(),
                     [&](const IndexInfo::CodeSet& set) { return set.system == system; });
}

// A text search's scope: with changed_in, the codes that release changed, the ones it
// deleted among them; with include_deleted, deleted codes too.
// (filtered() applies the changed_in filter itself.)
Xapian::Query in_scope(Xapian::Query query, const SearchRequest& request, const ReleaseScope& scope) {
  if (request.changed_in.empty() && !request.include_deleted) return in_scope(std::move(query), scope);
  return scope.active() ? Xapian::Query(Xapian::Query::OP_FILTER, query, scope.filter()) : query;
}

// XR<release label>: the prefix of the terms that say a code's billable status in the
// release searched, where it differs from today's (schema kReleaseBillablePrefix).
std::string release_billable_prefix(const ReleaseScope& scope) {
  return std::string(schema::kReleaseBillablePrefix) + release_label(scope.release) + ":";
}

// Adds the system and billable filters of the request to query. Guideline sections are
// only searched when asked for by name.
Xapian::Query filtered(Xapian::Query query, const SearchRequest& request, const ReleaseScope& scope) {
  if (!request.system.empty()) {
    query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                          Xapian::Query(term(schema::kSystemTermPrefix, request.system)));
  } else {
    query = Xapian::Query(Xapian::Query::OP_AND_NOT, query,
                          Xapian::Query(term(schema::kSystemTermPrefix, std::string(kGuidelines))));
  }
  if (!request.changed_in.empty()) {
    query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                          Xapian::Query(std::string(schema::kChangedInReleasePrefix) + request.changed_in));
  }
  Xapian::Query billable{std::string(schema::kBillableTerm)};
  if (scope.active()) {
    // Billable in the release: billable today unless it was not then, or billable then.
    const std::string then = release_billable_prefix(scope);
    billable = Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(Xapian::Query::OP_AND_NOT, billable, Xapian::Query(then + "0")),
                             Xapian::Query(then + "1"));
  }
  if (request.billable == BillableFilter::kBillableOnly) {
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, billable);
  } else if (request.billable == BillableFilter::kHeadersOnly) {
    query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, billable);
  }
  return query;
}

// A code as its system stores it: compact for code sets, verbatim for guideline sections.
std::string stored_code(const std::string& system, const std::string& code) {
  return system == kGuidelines ? code : compact_code(code);
}

// Words that ask for guidance rather than name a topic: "sepsis guidelines".
std::string without_guideline_words(const std::string& normalized) {
  std::string kept;
  for (const auto& word : split_words(normalized)) {
    if (word == "guideline" || word == "guidelines" || word == "coding" || word == "official") continue;
    kept += (kept.empty() ? "" : " ") + word;
  }
  return kept.empty() ? normalized : kept;
}

// The code a question asks about: "what is I10", "what is code E11.9?", "define 0DTJ4ZZ",
// "is R05 billable".
// "" unless every other word is a question word.
std::string code_in_question(const std::string& query) {
  static const std::set<std::string> kQuestionWords = {
      "what", "whats", "what's", "is", "the", "a", "code", "icd", "icd10", "icd-10", "icd10cm", "icd-10-cm", "cm",
      "pcs", "hcpcs", "define", "definition", "of", "meaning", "mean", "means", "does", "for", "describe", "lookup",
      "look", "up", "explain", "stand", "stands", "billable", "bill", "can", "i", "valid", "still", "modifier"};
  std::vector<std::string> tokens;
  std::string token;
  for (char c : query + " ") {
    if (c == ' ' || c == '?' || c == '\t') {
      if (!token.empty()) tokens.push_back(token);
      token.clear();
    } else {
      token += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  std::string code;
  for (const auto& word : tokens) {
    if (kQuestionWords.count(word)) continue;
    if (!code.empty()) return "";
    code = word;
  }
  return tokens.size() > 1 && !code.empty() && !code_candidates(code).empty() ? code : "";
}

using ranking::kOtherSystemLookAhead;
using ranking::kOtherSystemMinScore;

}  // namespace

struct Searcher::Impl {
  std::string directory;
  Xapian::Database database;
  std::unique_ptr<TextQueryBuilder> text_query;
  // This Searcher's own stemmer: a Xapian::Stem keeps working buffers, so one shared
  // between threads corrupts memory.
  Xapian::Stem stemmer{"english"};
  IndexInfo info;  // read once at open
  std::string index_id;
  std::vector<std::string> imported_systems;  // code sets that are not official ones
  std::vector<KnownRelease> known_releases;   // what release= accepts
  std::string instance;  // this index version, for the per-index caches
  std::shared_ptr<const WordUsage> word_usage;  // loaded by the first suggest

  // 0-100: a text match's weight relative to the best match of the same query.
  static int relative_score(const Xapian::MSetIterator& it, const Xapian::MSet& matches) {
    const double best = matches.get_max_attained();
    return best > 0 ? static_cast<int>(100.0 * it.get_weight() / best + 0.5) : 0;
  }

  Result<SearchHit> hit_from(const Xapian::Document& document, int score, MatchKind match,
                             const ReleaseScope& scope, const Xapian::MSet* text_matches = nullptr) const {
    auto record = decode_record(document.get_data());
    if (!record.is_ok()) return record.status().with_context("index " + directory);
    const CodeRecord& r = record.value();
    SearchHit hit;
    if (text_matches != nullptr) hit.snippet = snippet_for(*text_matches, r);
    hit.system = r.system;
    hit.code = display_code(r.system, r.code);
    hit.title = r.title;
    hit.is_billable = r.is_billable;
    scope.apply(r, hit.title, hit.is_billable);
    hit.status = scope.status(r);
    hit.score = score;
    hit.match = match;
    hit.chapter = r.chapter;
    hit.section = r.section;
    hit.parent = r.parent.empty() ? "" : display_code(r.system, r.parent);
    return hit;
  }

  // The title with matched words marked; the first matching inclusion term or index entry
  // is added when the title alone does not show why the code matched.
  std::string snippet_for(const Xapian::MSet& matches, const CodeRecord& r) const {
    // Snippets are for reading, so a few alternatives are enough to explain a match.
    constexpr std::size_t kMaxAlternatives = 12;
    const unsigned flags = Xapian::MSet::SNIPPET_EXHAUSTIVE;
    std::string snippet = matches.snippet(r.title, 300, stemmer, flags, "<b>", "</b>", "...");
    if (snippet.find("<b>") != std::string::npos) return snippet;
    std::vector<std::string> alternatives = r.inclusion_terms;
    for (const auto& entry : r.index_entries) {
      if (alternatives.size() >= kMaxAlternatives) break;
      std::string path;
      for (const auto& step : entry.path) path += (path.empty() ? "" : ", ") + step;
      if (!entry.column.empty()) path += " (" + entry.column + ")";
      alternatives.push_back(path);
    }
    for (const auto& text : alternatives) {
      std::string marked = matches.snippet(text, 200, stemmer, flags, "<b>", "</b>", "...");
      if (marked.find("<b>") != std::string::npos) return snippet + " \u2014 " + marked;
    }
    return snippet;
  }

  // The guideline sections that name the code or an ancestor: the code itself first, then
  // its subcategories and category, each named outright before named inside a range.
  void add_guidelines(CodeDetail& detail) const {
    constexpr std::size_t kMaxSections = 12;
    std::unordered_set<Xapian::docid> seen;
    const std::string& code = detail.record.code;
    std::vector<std::pair<std::string, std::string>> links;  // term, code it names
    for (std::size_t length = code.size(); length >= 3; --length) {
      const std::string named = std::string(kIcd10Cm) + ":" + code.substr(0, length);
      links.push_back({term(schema::kGuidelineLinkPrefix, named), code.substr(0, length)});
      links.push_back({term(schema::kGuidelineRangeLinkPrefix, named), code.substr(0, length)});
    }
    for (const auto& [link, linked_code] : links) {
      if (detail.guidelines.size() >= kMaxSections) break;
      for (auto it = database.postlist_begin(link); it != database.postlist_end(link); ++it) {
        if (!seen.insert(*it).second) continue;
        auto section = decode_record(database.get_document(*it).get_data());
        if (!section.is_ok()) continue;
        detail.guidelines.push_back({section.value().code, section.value().title,
                                     display_code(kIcd10Cm, linked_code)});
        if (detail.guidelines.size() >= kMaxSections) break;
      }
    }
  }

  // Code or code-prefix lookup; false when the query is not an existing code or prefix.
  Result<bool> search_code(const SearchRequest& request, const ReleaseScope& scope, SearchResponse& response) const {
    std::vector<Xapian::Query> prefixes, exact_ids;
    std::unordered_set<std::string> exact;
    std::vector<CodeCandidate> candidates = code_candidates(request.query);
    // A licensed or local code set's codes have no fixed shape: try the query as one.
    const std::string compact = compact_code(request.query);
    if (!compact.empty()) {
      for (const auto& system : imported_systems) candidates.push_back({system, compact});
    }
    for (const CodeCandidate& candidate : candidates) {
      if (!request.system.empty() && request.system != candidate.system) continue;
      const std::string system_code = std::string(candidate.system) + ":" + candidate.compact;
      const std::string prefix_term = term(schema::kCodePrefixTermPrefix, system_code);
      if (!database.term_exists(prefix_term)) continue;
      prefixes.emplace_back(prefix_term);
      exact_ids.emplace_back(term(schema::kIdTermPrefix, system_code));
      exact.insert(system_code);
    }
    if (prefixes.empty()) return false;
    Xapian::Enquire enquire(database);
    // A deleted code answers when typed in full, not among the descendants of a prefix.
    const Xapian::Query listed(Xapian::Query::OP_OR,
                               in_scope(Xapian::Query(Xapian::Query::OP_OR, prefixes.begin(), prefixes.end()), request, scope),
                               Xapian::Query(Xapian::Query::OP_OR, exact_ids.begin(), exact_ids.end()));
    enquire.set_query(filtered(listed, request, scope));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    // Tabular order puts the code itself before its descendants.
    enquire.set_sort_by_value(schema::kSortKeySlot, false);
    const Xapian::MSet matches = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                                  static_cast<Xapian::doccount>(request.limit));
    response.total = matches.get_matches_estimated();
    for (auto it = matches.begin(); it != matches.end(); ++it) {
      const Xapian::Document document = it.get_document();
      const std::string system_code = document.get_value(schema::kSystemSlot) + ":" +
                                      document.get_value(schema::kCodeSlot);
      auto hit = hit_from(document, exact.count(system_code) ? 100 : 90, MatchKind::kCode, scope);
      if (!hit.is_ok()) return hit.status();
      response.hits.push_back(std::move(hit).value());
    }
    return response.total > 0;
  }

  // One match of a text search, in the order the page shows it.
  struct Ranked {
    Xapian::Document document;
    double weight = 0;
    Xapian::doccount rank = 0;  // Xapian's rank, before the adjustments below
  };

  // Whether the code is billable in the release searched (today's status, or the one an
  // earlier release gave it).
  bool billable_in(const Xapian::Document& document, const ReleaseScope& scope) const {
    const bool today = document.get_value(schema::kBillableSlot) == "1";
    if (!scope.active()) return today;
    const std::string then = release_billable_prefix(scope);
    Xapian::TermIterator term = document.termlist_begin();
    term.skip_to(then);
    if (term != document.termlist_end() && (*term).compare(0, then.size(), then) == 0 && (*term).size() > then.size()) {
      return (*term)[then.size()] == '1';
    }
    return today;
  }

  // Every page is a slice of one ranking: the matches from the first down to past the page
  // asked for, adjusted the same way whichever page is asked (a header's unspecified child
  // above it, other code sets' best matches on the first page), so page 2 holds exactly the
  // results after page 1.
  Status search_text(const SearchRequest& request, const ReleaseScope& scope, const std::string& normalized,
                     SearchResponse& response) const {
    // Unknown words are already corrected in the query; say so ("did you mean").
    const TextQuery parsed = text_query->build(normalized);
    response.corrected_query = parsed.corrected_text;
    Xapian::Enquire enquire(database);
    const auto offset = static_cast<Xapian::doccount>(request.offset);
    const auto limit = static_cast<Xapian::doccount>(request.limit);
    // Totals are exact up to a hundred matches past the page, estimated beyond.
    const auto check_at_least = offset + limit + 100;
    const bool across_systems = request.system.empty();
    const Xapian::doccount look_ahead = across_systems ? kOtherSystemLookAhead : ranking::kUnspecifiedChildLookAhead;
    auto run = [&](const Xapian::Query& query) {
      enquire.set_query(in_scope(filtered(query, request, scope), request, scope));
      return enquire.get_mset(0, offset + limit + look_ahead, check_at_least);
    };
    Xapian::MSet matches = run(parsed.query);
    // Nothing has every word of any wording: settle for codes that have some of them.
    if (matches.empty()) matches = run(parsed.fallback);
    response.total = matches.get_matches_estimated();
    std::vector<Ranked> ranking;
    for (auto it = matches.begin(); it != matches.end(); ++it) ranking.push_back({it.get_document(), it.get_weight(), it.get_rank()});
    if (Status placed = unspecified_before_headers(request, scope, ranking); !placed.is_ok()) return placed;
    if (across_systems) other_systems_on_first_page(request, matches.get_max_attained(), ranking);
    const double best = matches.get_max_attained();
    for (std::size_t i = offset; i < ranking.size() && i < offset + limit; ++i) {
      const int score = best > 0 ? static_cast<int>(100.0 * ranking[i].weight / best + 0.5) : 0;
      auto hit = hit_from(ranking[i].document, score, MatchKind::kText, scope, request.with_snippets ? &matches : nullptr);
      if (!hit.is_ok()) return hit.status();
      response.hits.push_back(std::move(hit).value());
    }
    return Status::ok();
  }

  // A header never ranks above its own billable "unspecified" child for the same words
  // ("pain in hip": M25.559 Pain in unspecified hip before M25.55 Pain in hip, whose shorter
  // title BM25 favours): a coder bills the child. When the words matched such a child no
  // further than kUnspecifiedChildLookAhead past the end of its header's page, it takes the
  // place just above its header, with at least the header's weight. The children are found by
  // their boolean terms in one lookup for every header (running the words again cost 0.3 ms).
  Status unspecified_before_headers(const SearchRequest& request, const ReleaseScope& scope,
                                    std::vector<Ranked>& ranking) const {
    const std::size_t limit = static_cast<std::size_t>(request.limit);
    // Only headers up to the end of the page asked can change it: a move puts a child just
    // above its header, so a header below the page only reorders what is below it too.
    const std::size_t page_end = std::min(ranking.size(), static_cast<std::size_t>(request.offset) + limit);
    std::vector<Xapian::Query> children_of;
    std::vector<bool> header(ranking.size(), false);
    for (std::size_t i = 0; i < page_end; ++i) {
      if (billable_in(ranking[i].document, scope)) continue;
      header[i] = true;
      children_of.emplace_back(std::string(schema::kParentTermPrefix) + ranking[i].document.get_value(schema::kSystemSlot) +
                               ":" + ranking[i].document.get_value(schema::kCodeSlot));
    }
    if (children_of.empty()) return Status::ok();
    Xapian::Enquire enquire(database);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_query(in_scope(filtered(Xapian::Query(Xapian::Query::OP_AND,
                                                      Xapian::Query(Xapian::Query::OP_OR, children_of.begin(), children_of.end()),
                                                      Xapian::Query(std::string(schema::kUnspecifiedCodeTerm))),
                                        request, scope),
                               request, scope));
    const Xapian::MSet found = enquire.get_mset(0, static_cast<Xapian::doccount>(children_of.size() * 4));
    std::map<Xapian::docid, std::size_t> position;  // docid -> place in ranking
    for (std::size_t i = 0; i < ranking.size(); ++i) position.emplace(ranking[i].document.get_docid(), i);
    // The best-ranked matching unspecified child of each parent, by its place before any move.
    struct Child {
      std::size_t place;
      Xapian::docid id;
    };
    std::map<std::string, Child> best_child;  // "system:parent" -> child
    for (auto it = found.begin(); it != found.end(); ++it) {
      const auto at = position.find(*it);
      if (at == position.end()) continue;
      // Its parent, from its XU term (cheaper than decoding the record).
      const Xapian::Document child = it.get_document();
      const std::string parent_prefix =
          std::string(schema::kParentTermPrefix) + child.get_value(schema::kSystemSlot) + ":";
      Xapian::TermIterator term = child.termlist_begin();
      term.skip_to(parent_prefix);
      if (term == child.termlist_end() || (*term).compare(0, parent_prefix.size(), parent_prefix) != 0) continue;
      const std::string parent = (*term).substr(schema::kParentTermPrefix.size());
      const auto known = best_child.find(parent);
      if (known == best_child.end() || at->second < known->second.place) best_child[parent] = {at->second, *it};
    }
    // Headers in their ranking order; each move is of a child from below its header to above.
    std::vector<Xapian::docid> headers;
    for (std::size_t i = 0; i < ranking.size(); ++i) {
      if (header[i]) headers.push_back(ranking[i].document.get_docid());
    }
    for (const Xapian::docid header_id : headers) {
      std::size_t at = 0;
      while (at < ranking.size() && ranking[at].document.get_docid() != header_id) ++at;
      if (at >= page_end) continue;
      const auto child = best_child.find(ranking[at].document.get_value(schema::kSystemSlot) + ":" +
                                         ranking[at].document.get_value(schema::kCodeSlot));
      if (child == best_child.end()) continue;
      // Where the child is now (earlier moves shift places).
      const Xapian::docid child_id = child->second.id;
      std::size_t from = 0;
      while (from < ranking.size() && ranking[from].document.get_docid() != child_id) ++from;
      if (from <= at || from == ranking.size()) continue;  // already above its header
      // Decided on Xapian's ranks, the same for every page's window.
      const std::size_t header_page_end = (ranking[at].rank / limit + 1) * limit;
      if (ranking[from].rank >= header_page_end + ranking::kUnspecifiedChildLookAhead) continue;
      Ranked moved = ranking[from];
      moved.weight = std::max(moved.weight, ranking[at].weight);
      ranking.erase(ranking.begin() + static_cast<std::ptrdiff_t>(from));
      ranking.insert(ranking.begin() + static_cast<std::ptrdiff_t>(at), std::move(moved));
    }
    return Status::ok();
  }

  // Across systems, a first page of one code set would hide a strong match in another
  // ("knee replacement": the PCS procedures, and the HCPCS implant billed with them). The
  // best match of each system missing from the first page, within kOtherSystemLookAhead past
  // it and scoring at least kOtherSystemMinScore, takes the place of the page's weakest hits
  // (at most a fifth of the page); those come next, on page 2.
  void other_systems_on_first_page(const SearchRequest& request, double best, std::vector<Ranked>& ranking) const {
    const std::size_t limit = static_cast<std::size_t>(request.limit);
    // A short list (autocomplete, "the best 3") is for the best matches only.
    if (limit < 5 || ranking.size() <= limit || best <= 0) return;
    std::set<std::string> shown;
    for (std::size_t i = 0; i < limit; ++i) shown.insert(ranking[i].document.get_value(schema::kSystemSlot));
    std::vector<std::size_t> promoted;
    for (std::size_t i = limit; i < ranking.size() && i < limit + kOtherSystemLookAhead; ++i) {
      const std::string system = ranking[i].document.get_value(schema::kSystemSlot);
      if (shown.count(system)) continue;
      const int score = static_cast<int>(100.0 * ranking[i].weight / best + 0.5);
      if (score < kOtherSystemMinScore) break;  // ranked by weight: the rest score less
      shown.insert(system);
      promoted.push_back(i);
      if (promoted.size() >= limit / 5) break;
    }
    if (promoted.empty()) return;
    std::vector<Ranked> reordered(ranking.begin(), ranking.begin() + static_cast<std::ptrdiff_t>(limit - promoted.size()));
    for (const std::size_t i : promoted) reordered.push_back(ranking[i]);
    for (std::size_t i = limit - promoted.size(); i < ranking.size(); ++i) {
      if (std::find(promoted.begin(), promoted.end(), i) == promoted.end()) reordered.push_back(ranking[i]);
    }
    ranking = std::move(reordered);
  }
};

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;

std::string served_index_directory(const std::string& directory) {
  std::error_code error;
  const std::filesystem::path root(directory);
  if (!std::filesystem::exists(root / "iamglass", error) && std::filesystem::exists(root / "current", error)) {
    return (root / "current").string();
  }
  return directory;
}

Result<std::unique_ptr<Searcher>> Searcher::open(const std::string& given) {
  // Missing, a file, a foreign directory, an unpublished root: said in our words (index_path_check.h).
  if (Status where = check_index_to_serve(given); !where.is_ok()) return where;
  const std::string directory = served_index_directory(given);
  auto impl = std::make_unique<Impl>();
  impl->directory = directory;
  try {
    impl->database = Xapian::Database(directory);
    const std::string version =
        impl->database.get_metadata(std::string(schema::kSchemaVersionKey));
    if (version.empty()) {
      return Status::invalid_argument("index " + directory +
                                      " is a Xapian database but not a medcode index (it has no " +
                                      std::string(schema::kSchemaVersionKey) +
                                      "): give --index a directory made by medcode-indexer build --index DIR");
    }
    if (version != std::to_string(schema::kSchemaVersion)) {
      // A root's version is rebuilt as a new version of the root, never in place.
      const std::string rebuild = directory == given ? "medcode-indexer build --index " + given
                                                     : "medcode-indexer build --root " + given + " --publish";
      return Status::data_error("index " + directory + " has schema version \"" + version +
                                "\", this medcode reads version " +
                                std::to_string(schema::kSchemaVersion) + ": rebuild it with " + rebuild);
    }
    impl->index_id = impl->database.get_uuid();
    if (impl->index_id.empty()) impl->index_id = directory + "@" + impl->database.get_metadata(std::string(schema::kBuiltAtKey));
    // An updated version starts as a copy of the one before and keeps its UUID: the directory
    // and revision tell the two apart, so each gets its own word list and priors.
    std::error_code unresolved;
    const std::string resolved = std::filesystem::canonical(directory, unresolved).string();
    impl->instance =
        impl->index_id + "@" + (unresolved ? directory : resolved) + "#" + std::to_string(impl->database.get_revision());
    impl->text_query =
        std::make_unique<TextQueryBuilder>(impl->database, impl->instance, CodePriors::of(impl->database, impl->instance));
    impl->info.release = impl->database.get_metadata(std::string(schema::kReleaseKey));
    impl->info.built_at = impl->database.get_metadata(std::string(schema::kBuiltAtKey));
    for (const auto& fields : tsv_rows(impl->database.get_metadata(std::string(schema::kCodeSetsKey)))) {
      if (fields.size() != 3) continue;
      // strtoull: a damaged count reads as 0 rather than throwing out of open().
      IndexInfo::CodeSet set{fields[0], fields[1],
                             static_cast<std::size_t>(std::strtoull(fields[2].c_str(), nullptr, 10))};
      if (set.system != kIcd10Cm && set.system != kIcd10Pcs && set.system != kHcpcs && set.system != kGuidelines) {
        impl->imported_systems.push_back(set.system);
      }
      impl->info.code_sets.push_back(std::move(set));
    }
    impl->known_releases = parse_known_releases(impl->database.get_metadata(std::string(schema::kReleaseHistoryKey)));
    std::vector<KnownRelease> by_date = impl->known_releases;
    std::stable_sort(by_date.begin(), by_date.end(),
                     [](const KnownRelease& a, const KnownRelease& b) { return a.effective_date < b.effective_date; });
    for (const auto& known : by_date) {
      impl->info.release_history.push_back({known.system, known.release, known.effective_date});
      auto& releases = impl->info.releases;
      if (std::find(releases.begin(), releases.end(), known.release) == releases.end()) releases.push_back(known.release);
    }
    const std::string crosswalk_prefix(schema::kIcd9CrosswalkPrefix);
    impl->info.has_crosswalks =
        impl->database.allterms_begin(crosswalk_prefix) != impl->database.allterms_end(crosswalk_prefix);
  } catch (const Xapian::Error& e) {
    return Status::unavailable("index " + directory + " cannot be opened: " + e.get_description());
  }
  return std::unique_ptr<Searcher>(new Searcher(std::move(impl)));
}

Result<SearchResponse> Searcher::search(const SearchRequest& request) const {
  if (Status valid = validate_search_request(request); !valid.is_ok()) return valid;
  if (Status served = check_system(request.system); !served.is_ok()) return served;
  auto scope = resolve_release(impl_->known_releases, request.release);
  if (!scope.is_ok()) return scope.status();
  if (!request.changed_in.empty()) {
    auto changed = resolve_release(impl_->known_releases, request.changed_in);
    if (!changed.is_ok()) {
      return Status::invalid_argument("parameter \"changed_in\": " + quote_for_message(request.changed_in) +
                                      " is not a release this index knows; it knows " + joined_releases(impl_->info.releases));
    }
  }
  SearchResponse response;
  response.query = request.query;
  response.release = scope.value().release;
  try {
    auto by_code = impl_->search_code(request, scope.value(), response);
    if (!by_code.is_ok()) return by_code.status();
    if (by_code.value()) return response;
    if (const std::string asked = code_in_question(request.query); !asked.empty()) {
      SearchRequest as_code = request;
      as_code.query = asked;
      auto answered = impl_->search_code(as_code, scope.value(), response);
      if (!answered.is_ok()) return answered.status();
      if (answered.value()) return response;
    }
    auto normalized = normalize_for_search(request.query);
    if (!normalized.is_ok()) {
      return Status::invalid_argument("parameter \"q\": " + normalized.status().message());
    }
    const std::string text_query = request.system == kGuidelines ? without_guideline_words(normalized.value())
                                                                  : normalized.value();
    if (Status text = impl_->search_text(request, scope.value(), text_query, response); !text.is_ok()) {
      return text;
    }
  } catch (const Xapian::Error& e) {
    return Status::unavailable("index " + impl_->directory + ": " + e.get_description());
  }
  return response;
}

Result<SuggestResponse> Searcher::suggest(const SuggestRequest& request) const {
  if (Status valid = validate_suggest_request(request); !valid.is_ok()) return valid;
  if (Status served = check_system(request.system); !served.is_ok()) return served;
  SuggestResponse response;
  response.query = request.query;
  auto scope = resolve_release(impl_->known_releases, request.release);
  if (!scope.is_ok()) return scope.status();
  SearchRequest as_search;
  as_search.query = request.query;
  as_search.system = request.system;
  as_search.release = request.release;
  as_search.limit = request.limit;
  try {
    SearchResponse by_code;
    auto is_code = impl_->search_code(as_search, scope.value(), by_code);
    if (!is_code.is_ok()) return is_code.status();
    if (is_code.value()) {
      for (const auto& hit : by_code.hits) response.completions.push_back(hit.code);
      response.codes = std::move(by_code.hits);
      return response;
    }
    auto normalized = normalize_for_search(request.query);
    if (!normalized.is_ok()) {
      return Status::invalid_argument("parameter \"q\": " + normalized.status().message());
    }
    const bool partial = !std::isspace(static_cast<unsigned char>(request.query.back()));
    if (!impl_->word_usage) impl_->word_usage = WordUsage::of(impl_->database, impl_->instance);
    const Completions completions = complete(impl_->database, impl_->stemmer, *impl_->text_query, impl_->word_usage.get(),
                                             split_words(normalized.value()), partial, request.limit);
    response.completions = completions.phrases;
    Xapian::Enquire enquire(impl_->database);
    enquire.set_query(in_scope(filtered(completions.query, as_search, scope.value()), scope.value()));
    const Xapian::MSet matches = enquire.get_mset(0, static_cast<Xapian::doccount>(request.limit));
    for (auto it = matches.begin(); it != matches.end(); ++it) {
      auto hit = impl_->hit_from(it.get_document(), Impl::relative_score(it, matches), MatchKind::kText, scope.value());
      if (!hit.is_ok()) return hit.status();
      response.codes.push_back(std::move(hit).value());
    }
  } catch (const Xapian::Error& e) {
    return Status::unavailable("index " + impl_->directory + ": " + e.get_description());
  }
  return response;
}

Result<std::string> Searcher::describe_text_query(const std::string& query) const {
  SearchRequest as_search;
  as_search.query = query;
  if (Status valid = validate_search_request(as_search); !valid.is_ok()) return valid;
  auto normalized = normalize_for_search(query);
  if (!normalized.is_ok()) return Status::invalid_argument("parameter \"q\": " + normalized.status().message());
  try {
    return impl_->text_query->build(normalized.value()).query.get_description();
  } catch (const Xapian::Error& e) {
    return Status::unavailable("index " + impl_->directory + ": " + e.get_description());
  }
}

Status Searcher::check_system(const std::string& system) const {
  if (system.empty() || serves(impl_->info, system)) return Status::ok();
  return Status::invalid_argument("parameter \"system\": " + not_served(system, impl_->info));
}

Result<CodeRecord> Searcher::lookup(const std::string& system, const std::string& code) const {
  if (!serves(impl_->info, system)) return Status::not_found("system " + not_served(system, impl_->info));
  const std::string compact = stored_code(system, code);
  try {
    const std::string id = term(schema::kIdTermPrefix, system + ":" + compact);
    Xapian::PostingIterator posting = impl_->database.postlist_begin(id);
    if (compact.empty() || posting == impl_->database.postlist_end(id)) {
      return Status::not_found("code " + quote_for_message(code) + " not found in " + system);
    }
    auto record = decode_record(impl_->database.get_document(*posting).get_data());
    if (!record.is_ok()) return record.status().with_context("index " + impl_->directory);
    return record;
  } catch (const Xapian::Error& e) {
    return Status::unavailable("index " + impl_->directory + ": " + e.get_description());
  }
}

Result<CodeDetail> Searcher::code_detail(const std::string& system, const std::string& code) const {
  auto record = lookup(system, code);
  if (!record.is_ok()) return record.status();
  CodeDetail detail;
  detail.record = std::move(record).value();
  detail.display_code = display_code(system, detail.record.code);
  detail.seventh_characters = detail.record.seventh_characters;
  if (!detail.seventh_characters.empty()) detail.seventh_characters_from = detail.display_code;
  // Ancestors, walking parent links up to the category.
  std::string parent = detail.record.parent;
  while (!parent.empty()) {
    auto ancestor = lookup(system, parent);
    if (!ancestor.is_ok()) break;
    const CodeRecord& a = ancestor.value();
    const std::string shown = display_code(system, a.code);
    detail.ancestors.insert(detail.ancestors.begin(), CodeLink{shown, a.title, a.is_billable});
    for (const Note& note : a.notes) {
      if (note.kind != NoteKind::kSeventhCharNote) detail.inherited_notes.push_back({shown, note});
    }
    if (detail.seventh_characters.empty() && !a.seventh_characters.empty()) {
      detail.seventh_characters = a.seventh_characters;
      detail.seventh_characters_from = shown;
    }
    parent = a.parent;
  }
  try {
    const std::string children_term =
        term(schema::kParentTermPrefix, system + ":" + detail.record.code);
    Xapian::Enquire enquire(impl_->database);
    // A deleted code names its former parent, but is no longer one of its children.
    enquire.set_query(without_deleted(Xapian::Query(children_term)));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_sort_by_value(schema::kSortKeySlot, false);
    const Xapian::MSet children = enquire.get_mset(0, impl_->database.get_doccount());
    for (auto it = children.begin(); it != children.end(); ++it) {
      auto child = decode_record(it.get_document().get_data());
      if (!child.is_ok()) return child.status().with_context("index " + impl_->directory);
      detail.children.push_back(
          {display_code(system, child.value().code), child.value().title, child.value().is_billable});
    }
    if (system == kIcd10Cm) impl_->add_guidelines(detail);
    for (const auto& set : impl_->info.code_sets) {
      if (set.system == system) detail.release = set.release;
    }
    detail.valid_in = releases_valid_in(impl_->known_releases, detail.record);
    for (const auto& known : impl_->known_releases) {
      if (known.system == system && detail.earliest_release.empty()) detail.earliest_release = known.release;
    }
  } catch (const Xapian::Error& e) {
    return Status::unavailable("index " + impl_->directory + ": " + e.get_description());
  }
  return detail;
}

Result<std::vector<Crosswalk>> Searcher::icd9_to_icd10(const std::string& icd9_code, bool procedures) const {
  const Icd9Kind kind = procedures ? Icd9Kind::kProcedure : Icd9Kind::kDiagnosis;
  const std::string compact = compact_icd9cm(icd9_code, kind);
  if (compact.empty()) {
    return Status::invalid_argument("icd9_code " + quote_for_message(icd9_code) + ": not an ICD-9-CM " +
                                    (procedures ? "procedure code (2-4 digits, e.g. 47.01)"
                                                : "diagnosis code (3-5 digits, V and 2-4 digits, or E and 3-4 "
                                                  "digits, e.g. 250.00)"));
  }
  const std::string shown = display_icd9cm(compact, kind);
  const std::string scope(procedures ? schema::kIcd9ProcedureScope : schema::kIcd9DiagnosisScope);
  std::vector<Crosswalk> crosswalks;
  try {
    Xapian::Enquire enquire(impl_->database);
    enquire.set_query(Xapian::Query(term(schema::kIcd9CrosswalkPrefix, scope + compact)));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_sort_by_value(schema::kSortKeySlot, false);
    // A GEM maps one code to at most a few hundred (00.80: 22).
    constexpr Xapian::doccount kMaxCrosswalks = 1000;
    const Xapian::MSet matches = enquire.get_mset(0, kMaxCrosswalks);
    for (auto it = matches.begin(); it != matches.end(); ++it) {
      auto record = decode_record(it.get_document().get_data());
      if (!record.is_ok()) return record.status().with_context("index " + impl_->directory);
      const CodeRecord& r = record.value();
      // One attribute per GEM entry: a code in two scenarios is listed twice.
      for (const CodeAttribute& attribute : r.attributes) {
        if (attribute.name != kGemForwardAttribute || attribute.value != shown) continue;
        const GemFlags flags = parse_gem_flags_detail(attribute.detail).value_or(GemFlags{});
        crosswalks.push_back({shown, display_code(r.system, r.code), r.system, r.title, r.is_billable,
                              flags.approximate, flags.combination, flags.scenario, flags.choice_list});
      }
    }
  } catch (const Xapian::Error& e) {
    return Status::unavailable("index " + impl_->directory + ": " + e.get_description());
  }
  // Tabular order within each choice list of each scenario; plain entries (0, 0) first.
  std::stable_sort(crosswalks.begin(), crosswalks.end(), [](const Crosswalk& a, const Crosswalk& b) {
    return std::make_pair(a.scenario, a.choice_list) < std::make_pair(b.scenario, b.choice_list);
  });
  return crosswalks;
}

const std::string& Searcher::index_id() const { return impl_->index_id; }

IndexInfo Searcher::info() const {
  IndexInfo info = impl_->info;
  try {
    info.documents = impl_->database.get_doccount();
  } catch (const Xapian::Error&) {
    // Facts are best effort; an unreadable index reports itself on the next search.
  }
  return info;
}

}  // namespace medcode::searcher
