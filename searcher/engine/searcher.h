// The search engine over one medcode index: code and code-prefix lookup, ranked free-text
// search with spelling correction, and full records by code. See docs/RANKING.md.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/code_record.h"
#include "common/status.h"
#include "searcher/engine/search_request.h"
#include "searcher/engine/search_response.h"

namespace medcode::searcher {

// Facts about the open index, from its metadata.
struct IndexInfo {
  std::string release;   // "fy2026"
  std::string built_at;  // ISO 8601 UTC
  std::size_t documents = 0;
  // Every code set the index holds, with its release and document count.
  struct CodeSet {
    std::string system;
    std::string release;
    std::size_t documents = 0;
  };
  std::vector<CodeSet> code_sets;
  // The releases search can be restricted to (SearchRequest::release), oldest first.
  std::vector<std::string> releases;
  // The same per code set, with the day each took effect, oldest first.
  struct Release {
    std::string system;
    std::string release;         // "fy2025"
    std::string effective_date;  // "2024-10-01"
  };
  std::vector<Release> release_history;
  // True when the index holds the GEMs' ICD-9-CM crosswalks (built from a corpus with
  // gems/2018/): what icd9_to_icd10 finds and the kGemBackwardAttribute attributes.
  bool has_crosswalks = false;
};

// The index a directory names: itself, or for an index root (medcode-indexer build
// --root) its `current` symlink, the published version.
std::string served_index_directory(const std::string& directory);

// A read-only view of one index directory.
// Thread-safety: a Searcher holds one Xapian::Database, which must not be used by two
// threads at once. Give each thread its own Searcher (opening is cheap).
class Searcher {
 public:
  // Opens the index at directory (an index, or an index root's published version). A path
  // that holds no index fails with check_index_to_serve's message (common/index_path_check.h:
  // kUnavailable "index <dir> not found: build it with medcode-indexer build --index <dir>",
  // kInvalidArgument for a file or a directory of other things). Then kUnavailable "index <dir>
  // cannot be opened: <why>" for a damaged database, kInvalidArgument for a Xapian database
  // medcode did not write, and kDataError "index <dir> has schema version \"7\", this medcode
  // reads version 8: rebuild it with medcode-indexer build --index <dir>" (--root for a root).
  static Result<std::unique_ptr<Searcher>> open(const std::string& directory);
  ~Searcher();

  // Runs a validated request (see validate_search_request for the errors). A query shaped
  // like an existing code or code prefix ("I21.9", "i219", "I21") returns that code and then
  // its descendants in tabular order. Other queries rank codes by their text, phrases
  // expanded with the index's synonym table; a word the index does not know is replaced by
  // its spelling correction and the corrected query reported in corrected_query.
  // Without a system filter every code set is searched; guideline sections only with
  // system "guidelines" (where "guideline", "guidelines" and "coding" are ignored).
  // kInvalidArgument for a system the index does not serve (check_system).
  // With a release, only codes valid on its first day, with the titles and billable
  // status it gave them; kInvalidArgument for a release the index does not know.
  // kUnavailable when the index fails underneath.
  Result<SearchResponse> search(const SearchRequest& request) const;

  // Autocomplete for a partly typed query: completions of its last word (those that fit
  // the earlier words first, then by how many concept-naming codes use them) and the best
  // codes for the completed query. A code prefix ("I21.") suggests codes under it. Same
  // validation errors as search(); kUnavailable when the index fails underneath.
  Result<SuggestResponse> suggest(const SuggestRequest& request) const;

  // Ok when the index holds code set system (imported ones and "guidelines" included), or
  // system is "" (every code set). Otherwise kInvalidArgument "parameter \"system\": \"icd9\"
  // is not served by this index; it serves icd10cm, icd10pcs, hcpcs, guidelines", the code
  // sets of info() in their order. search() and suggest() check their request with it.
  Status check_system(const std::string& system) const;

  // The full record of one code, given in any accepted form ("I21.9", "i219"). kNotFound
  // "code I99.99 not found in icd10cm" when absent, and kNotFound "system \"icd9\" is not
  // served by this index; it serves icd10cm, ..." for a code set the index does not hold
  // (a 404 like an unknown code: the path /v1/codes/icd9/... names nothing here).
  Result<CodeRecord> lookup(const std::string& system, const std::string& code) const;

  // The record of a code with its ancestors, children, the notes and 7th characters it
  // inherits, and the guideline sections that name it. System "guidelines" gives a
  // guideline section by its number ("I.C.9.a.1") with its parent sections and
  // subsections. kNotFound "code \"I99.99\" not found in icd10cm" when absent; lookup()'s
  // kNotFound for a system the index does not serve.
  Result<CodeDetail> code_detail(const std::string& system, const std::string& code) const;

  // The ICD-10 codes the GEMs map an ICD-9-CM code to: with procedures false, an ICD-9-CM
  // diagnosis ("250.00", "25000", "V58.67", "E881.0") to ICD-10-CM codes; with procedures
  // true, an ICD-9-CM procedure ("47.01", "4701") to ICD-10-PCS codes. Only codes the index's
  // release has; each as often as the GEM names it (a combination code may be in two
  // scenarios), ordered by scenario, choice list and tabular order. Empty when the GEMs
  // have no map for the code, or the index was built without them. Fails with
  // kInvalidArgument "icd9_code \"2500.0\": not an ICD-9-CM diagnosis code (3-5 digits, V and
  // 2-4 digits, or E and 3-4 digits, e.g. 250.00)" (procedure: "(2-4 digits, e.g. 47.01)"),
  // and kUnavailable when the index fails underneath.
  // The other direction, ICD-10 to ICD-9-CM, is on the code's record: its
  // kGemBackwardAttribute attributes.
  Result<std::vector<Crosswalk>> icd9_to_icd10(const std::string& icd9_code, bool procedures) const;

  IndexInfo info() const;

  // The Xapian query a text search runs for query (after spelling, synonyms, morphology and
  // the index defaults), as Xapian::Query::get_description() writes it: what explains a
  // ranking, and what the query-building tests compare. The same validation errors as
  // search() (empty, too long, not valid UTF-8).
  Result<std::string> describe_text_query(const std::string& query) const;

  // The identity of the index (Xapian's database UUID): the same for every Searcher of one
  // index, different for every build. What a cache of answers keys on.
  const std::string& index_id() const;

 private:
  struct Impl;
  explicit Searcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace medcode::searcher
