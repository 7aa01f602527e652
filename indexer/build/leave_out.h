// Leave-out evaluation: hold a fixed random share of the Alphabetic Index entries and
// Tabular inclusion terms out of an index, and keep them as queries. Searching the held-out
// wording against that index measures how the ranking copes with phrasing the index does
// not contain, which no curated list written for a query set can game.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/code_record.h"
#include "common/status.h"

namespace medcode::indexer {

struct LeaveOutOptions {
  std::uint64_t seed = 20261201;  // fixed, so every build holds out the same pieces
  unsigned percent = 10;          // share held out, 1-99
};

// One held-out piece as a person would type it, with the code it led to.
struct HeldOutQuery {
  std::string query;  // "colles fracture" for "Fracture, traumatic / radius / ... / Colles'"
  std::string code;   // compact
  std::string kind;   // "index" or "inclusion"
};

// Whether the piece text of code is held out: a hash of (seed, code, text), so the choice
// does not depend on the order records are built in.
bool is_held_out(const LeaveOutOptions& options, const std::string& code, const std::string& text);

// How someone would type an index path: the subterms before the main term, each step
// without its nonessential modifiers and comma qualifiers, connector-only steps dropped.
// {"Pain(s)", "chest (central)"} -> "chest pain".
std::string typed_form_of_index_path(const std::vector<std::string>& path);

// Removes the held-out Alphabetic Index entries and inclusion terms from records and
// returns them as queries (one per distinct query and code, in record order).
std::vector<HeldOutQuery> hold_out(std::vector<CodeRecord>& records, const LeaveOutOptions& options);

// Writes queries as a relevance set (query<TAB>code<TAB>icd10cm, "# --- index" sections).
Status write_held_out_queries(const std::vector<HeldOutQuery>& queries, const std::string& path);

}  // namespace medcode::indexer
