// What changed between two releases of a code set, from their order files: codes added,
// deleted, retitled (long or short title) and changed between header and billable; and
// how that compares with the official addenda shipped with the newer release.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "indexer/sources/order_addenda_reader.h"
#include "indexer/sources/order_file_reader.h"

namespace medcode::indexer {

struct CodeChange {
  std::string code;  // compact
  std::string title_before;
  std::string title_after;
  bool billable_before = false;
  bool billable_after = false;
};

struct ReleaseDiff {
  std::string code_set, from_release, to_release;
  std::size_t codes_before = 0, codes_after = 0;
  std::vector<CodeChange> added, deleted, retitled, billable_changed;  // each in code order
};

ReleaseDiff diff_order_files(const OrderFile& from, const OrderFile& to);

// One line per kind of change: what the diff found and what the addenda list.
struct AddendaCheck {
  std::string kind;  // "added", "deleted", "retitled", "billable_changed"
  std::size_t diff = 0;
  std::size_t addenda = 0;
  std::vector<std::string> only_in_diff;     // first few codes, compact
  std::vector<std::string> only_in_addenda;
};

// The addenda's Add/Delete pairs are billable changes; the rest of Add and Delete are
// additions and deletions; Revise lines are retitlings.
std::vector<AddendaCheck> check_against_addenda(const ReleaseDiff& diff, const OrderAddenda& addenda);

// Text for people (counts, then up to `listed` codes of each kind) and JSON for programs
// (every change).
std::string release_diff_to_text(const ReleaseDiff& diff, const std::vector<AddendaCheck>& checks,
                                 std::size_t listed);
std::string release_diff_to_json(const ReleaseDiff& diff, const std::vector<AddendaCheck>& checks);

}  // namespace medcode::indexer
