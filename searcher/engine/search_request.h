// What a caller may ask of the engine, the limits on it, and its validation. The HTTP
// handler and the CLI both fill a SearchRequest; neither passes raw parameters further.
#pragma once

#include <cstddef>
#include <string>

#include "common/status.h"

namespace medcode::searcher {

inline constexpr std::size_t kMaxQueryBytes = 512;
inline constexpr std::size_t kMaxLimit = 200;
inline constexpr std::size_t kMaxOffset = 10000;

enum class BillableFilter { kAny, kBillableOnly, kHeadersOnly };

struct SearchRequest {
  std::string query;    // free text or a code ("I21.9", "i219", "I21"); UTF-8
  std::string system;   // only this code set ("icd10cm"); "" for all
  // Only codes valid in this release ("fy2025"), with the titles it gave them; "" for the
  // index's own release (codes it deleted are then found by their code only).
  std::string release;
  BillableFilter billable = BillableFilter::kAny;
  // Only codes this release added, deleted, retitled or changed the billable status of
  // ("fy2026"), deleted ones included; "" for no such restriction.
  std::string changed_in;
  // Text also finds codes deleted or terminated before the release searched (they rank
  // below the codes valid in it); without it they are found by their code only.
  bool include_deleted = false;
  std::size_t limit = 10;   // results to return, 1..kMaxLimit
  std::size_t offset = 0;   // results to skip, 0..kMaxOffset
  bool with_snippets = false;  // mark what matched in each text hit (costs ~0.3 ms per page)
};

// Ok, or kInvalidArgument naming the parameter: "parameter \"limit\": 500 exceeds maximum
// 200", "parameter \"q\": query is empty", "parameter \"q\": 600 bytes exceeds maximum 512",
// "parameter \"q\": not valid UTF-8 at byte 3", "parameter \"system\": \"X\" is not a
// system name", "parameter \"release\": \"x y\" is not a release name". The HTTP API names
// parameters the same way. Whether the index knows the release is the searcher's check.
Status validate_search_request(const SearchRequest& request);

// A partly typed query for autocomplete; its last word is treated as a prefix unless the
// text ends in a space.
struct SuggestRequest {
  std::string query;       // UTF-8, as typed so far
  std::string system;      // only this code set; "" for all
  std::string release;     // only codes valid in this release, as in SearchRequest
  std::size_t limit = 8;   // completions and codes to return, each 1..kMaxLimit
};

// Same rules and messages as validate_search_request, for q, system, release and limit.
Status validate_suggest_request(const SuggestRequest& request);

}  // namespace medcode::searcher
