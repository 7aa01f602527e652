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

#include "common/code_format.h"
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
  Xapian::Query billable(std::string(schema::kBillableTerm));
  if (scope.active()) {
    // Billable in the release: billable today unless it was not then, or billable then.
    const std::string then = std::string(schema::kReleaseBillablePrefix) + release_label(scope.release) + ":";
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

// The code a question asks about: "what is I10", "what is code E11.9?", "define 0DTJ4ZZ".
// "" unless every other word is a question word.
std::string code_in_question(const std::string& query) {
  static const std::set<std::string> kQuestionWords = {
      "what", "whats", "what's", "is", "the", "a", "code", "icd", "icd10", "icd-10", "icd10cm", "icd-10-cm", "cm",
      "pcs", "hcpcs", "define", "definition", "of", "meaning", "mean", "means", "does", "for", "describe", "lookup",
      "look", "up", "explain", "stand", "stands"};
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
                               in_scope(Xapian::Query(Xapian::Query::OP_OR, prefixes.begin(), prefixes.end()), scope),
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

  Status search_text(const SearchRequest& request, const ReleaseScope& scope, const std::string& normalized,
                     SearchResponse& response) const {
    // Unknown words are already corrected in the query; say so ("did you mean").
    const TextQuery parsed = text_query->build(normalized);
    response.corrected_query = parsed.corrected_text;
    Xapian::Enquire enquire(database);
    // Totals are exact up to a hundred matches past the page, estimated beyond.
    const auto check_at_least = static_cast<Xapian::doccount>(request.offset + request.limit + 100);
    // Across systems the first page looks a little further, for other systems' best matches.
    const bool across_systems = request.system.empty() && request.offset == 0;
    // A first page also looks a little past itself for headers' unspecified children.
    const Xapian::doccount look_ahead =
        across_systems ? kOtherSystemLookAhead : (request.offset == 0 ? ranking::kUnspecifiedChildLookAhead : 0);
    const auto wanted = static_cast<Xapian::doccount>(request.limit) + look_ahead;
    auto run = [&](const Xapian::Query& query) {
      enquire.set_query(in_scope(filtered(query, request, scope), scope));
      return enquire.get_mset(static_cast<Xapian::doccount>(request.offset), wanted, check_at_least);
    };
    Xapian::MSet matches = run(parsed.query);
    // Nothing has every word of any wording: settle for codes that have some of them.
    if (matches.empty() && request.offset == 0) matches = run(parsed.fallback);
    response.total = matches.get_matches_estimated();
    std::vector<Xapian::Document> shown;
    for (auto it = matches.begin(); it != matches.end() && it.get_rank() < static_cast<Xapian::doccount>(request.limit); ++it) {
      auto hit = hit_from(it.get_document(), relative_score(it, matches), MatchKind::kText, scope,
                          request.with_snippets ? &matches : nullptr);
      if (!hit.is_ok()) return hit.status();
      response.hits.push_back(std::move(hit).value());
      shown.push_back(it.get_document());
    }
    if (request.offset == 0) {
      if (Status placed = unspecified_before_headers(request, scope, matches, shown, response); !placed.is_ok()) {
        return placed;
      }
    }
    if (across_systems) return add_other_systems(request, scope, matches, response);
    return Status::ok();
  }

  // A header never ranks above its own billable "unspecified" child for the same words
  // ("pain in hip": M25.559 Pain in unspecified hip before M25.55 Pain in hip, whose shorter
  // title BM25 favours): a coder bills the child. When the words matched such a child (it is
  // among the matches fetched, which reach past the page), it takes the place just above its
  // header: moved up from lower on the page, or brought onto the first page (then the page's
  // last hit makes room, and may show again on the next page). The children are found by
  // their boolean terms alone: running the words again cost 0.3 ms a search.
  Status unspecified_before_headers(const SearchRequest& request, const ReleaseScope& scope,
                                    const Xapian::MSet& matches, std::vector<Xapian::Document>& shown,
                                    SearchResponse& response) const {
    std::vector<Xapian::Query> children_of;
    for (std::size_t i = 0; i < response.hits.size(); ++i) {
      if (response.hits[i].is_billable) continue;
      children_of.emplace_back(std::string(schema::kParentTermPrefix) + shown[i].get_value(schema::kSystemSlot) + ":" +
                               shown[i].get_value(schema::kCodeSlot));
    }
    if (children_of.empty()) return Status::ok();
    const Xapian::Query unspecified_children(Xapian::Query::OP_AND,
                                             Xapian::Query(Xapian::Query::OP_OR, children_of.begin(), children_of.end()),
                                             Xapian::Query(std::string(schema::kUnspecifiedCodeTerm)));
    Xapian::Enquire enquire(database);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_query(in_scope(filtered(unspecified_children, request, scope), scope));
    const Xapian::MSet found = enquire.get_mset(0, static_cast<Xapian::doccount>(children_of.size() * 4));
    std::map<Xapian::docid, Xapian::doccount> matched;  // docid -> rank among the matches
    for (auto it = matches.begin(); it != matches.end(); ++it) matched.emplace(*it, it.get_rank());
    // The best-ranked matching unspecified child of each parent.
    std::map<std::string, Xapian::Document> best_child;
    std::map<std::string, Xapian::doccount> best_rank;
    for (auto it = found.begin(); it != found.end(); ++it) {
      const auto rank = matched.find(*it);
      if (rank == matched.end()) continue;
      Xapian::Document child = it.get_document();
      auto record = decode_record(child.get_data());
      if (!record.is_ok()) return record.status().with_context("index " + directory);
      const std::string parent = record.value().system + ":" + record.value().parent;
      const auto known = best_rank.find(parent);
      if (known != best_rank.end() && known->second <= rank->second) continue;
      best_rank[parent] = rank->second;
      best_child[parent] = std::move(child);
    }
    for (std::size_t i = 0; i < response.hits.size(); ++i) {
      if (response.hits[i].is_billable) continue;
      const auto child = best_child.find(shown[i].get_value(schema::kSystemSlot) + ":" + shown[i].get_value(schema::kCodeSlot));
      if (child == best_child.end()) continue;
      const Xapian::docid child_id = child->second.get_docid();
      bool above = false;  // already ranked above its header
      for (std::size_t j = 0; j < i && !above; ++j) above = shown[j].get_docid() == child_id;
      if (above) continue;
      std::size_t at = i + 1;
      while (at < shown.size() && shown[at].get_docid() != child_id) ++at;
      SearchHit hit;
      if (at < shown.size()) {
        // On the page below its header: move it up.
        hit = std::move(response.hits[at]);
        response.hits.erase(response.hits.begin() + static_cast<std::ptrdiff_t>(at));
        shown.erase(shown.begin() + static_cast<std::ptrdiff_t>(at));
      } else {
        auto made = hit_from(child->second, 0, MatchKind::kText, scope, request.with_snippets ? &matches : nullptr);
        if (!made.is_ok()) return made.status();
        hit = std::move(made).value();
      }
      hit.score = std::max(hit.score, response.hits[i].score);
      response.hits.insert(response.hits.begin() + static_cast<std::ptrdiff_t>(i), std::move(hit));
      shown.insert(shown.begin() + static_cast<std::ptrdiff_t>(i), child->second);
      if (response.hits.size() > static_cast<std::size_t>(request.limit)) {
        response.hits.pop_back();
        shown.pop_back();
      }
      ++i;  // the header moved down one place
    }
    return Status::ok();
  }

  // Across systems, a first page of one code set would hide a strong match in another
  // ("knee replacement": the PCS procedures, and the HCPCS implant billed with them). The
  // best match of each system missing from the page, if it scores at least
  // kOtherSystemMinScore, takes the place of the page's weakest hits.
  Status add_other_systems(const SearchRequest& request, const ReleaseScope& scope, const Xapian::MSet& wider,
                           SearchResponse& response) const {
    // A short list (autocomplete, "the best 3") is for the best matches only.
    if (request.limit < 5 || response.hits.size() < 5) return Status::ok();
    std::set<std::string> shown;
    for (const auto& hit : response.hits) shown.insert(hit.system);
    const double best = wider.get_max_attained();
    std::vector<SearchHit> added;
    for (auto it = wider.begin(); it != wider.end(); ++it) {
      if (it.get_rank() < response.hits.size()) continue;
      const std::string system = it.get_document().get_value(schema::kSystemSlot);
      if (shown.count(system)) continue;
      const int score = best > 0 ? static_cast<int>(100.0 * it.get_weight() / best + 0.5) : 0;
      if (score < kOtherSystemMinScore) break;  // ranked by weight: the rest score less
      shown.insert(system);
      auto hit = hit_from(it.get_document(), score, MatchKind::kText, scope, request.with_snippets ? &wider : nullptr);
      if (!hit.is_ok()) return hit.status();
      added.push_back(std::move(hit).value());
    }
    const std::size_t keep = response.hits.size() - std::min(added.size(), response.hits.size() / 5);
    response.hits.resize(keep);
    for (auto& hit : added) {
      if (response.hits.size() >= static_cast<std::size_t>(request.limit)) break;
      response.hits.push_back(std::move(hit));
    }
    return Status::ok();
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
  const std::string directory = served_index_directory(given);
  std::error_code error;
  if (!std::filesystem::is_directory(directory, error)) {
    return Status::unavailable("index " + directory +
                               " not found: build it with medcode-indexer build --index " +
                               directory);
  }
  auto impl = std::make_unique<Impl>();
  impl->directory = directory;
  try {
    impl->database = Xapian::Database(directory);
    const std::string version =
        impl->database.get_metadata(std::string(schema::kSchemaVersionKey));
    if (version != std::to_string(schema::kSchemaVersion)) {
      return Status::data_error("index " + directory + " has schema version \"" + version +
                                "\", this medcode reads version " +
                                std::to_string(schema::kSchemaVersion) +
                                ": rebuild it with medcode-indexer build");
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
      auto& releases = impl->info.releases;
      if (std::find(releases.begin(), releases.end(), known.release) == releases.end()) releases.push_back(known.release);
    }
  } catch (const Xapian::Error& e) {
    return Status::unavailable("index " + directory + " cannot be opened: " + e.get_description());
  }
  return std::unique_ptr<Searcher>(new Searcher(std::move(impl)));
}

Result<SearchResponse> Searcher::search(const SearchRequest& request) const {
  if (Status valid = validate_search_request(request); !valid.is_ok()) return valid;
  auto scope = resolve_release(impl_->known_releases, request.release);
  if (!scope.is_ok()) return scope.status();
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
  auto normalized = normalize_for_search(query);
  if (!normalized.is_ok()) return Status::invalid_argument("parameter \"q\": " + normalized.status().message());
  try {
    return impl_->text_query->build(normalized.value()).query.get_description();
  } catch (const Xapian::Error& e) {
    return Status::unavailable("index " + impl_->directory + ": " + e.get_description());
  }
}

Result<CodeRecord> Searcher::lookup(const std::string& system, const std::string& code) const {
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
