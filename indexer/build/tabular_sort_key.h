// A sort key per code that keeps a release's tabular order and does not move when a
// release adds codes elsewhere. The order file's position would: one new code shifts every
// later code's number, and an update would rewrite every document.
// Tabular order is code order except where the classification places a code by meaning:
// ICD-10-CM puts the category C4A after C43 and U07 after Z99, the subcategory C84.Z
// before C84.9 ("unspecified" last). Among the codes under one parent, such a code's key
// part is its predecessor's plus "~", which sorts after the predecessor and everything
// under it and before the next code; every other code's key part is its own characters.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

namespace medcode::indexer {

class TabularOrder {
 public:
  // codes: compact codes in order-file order (each after the code it extends).
  explicit TabularOrder(const std::vector<std::string>& codes);

  // The key of a code, also of one not in the list (a deleted code): its nearest listed
  // ancestor's key followed by the rest of the code; the code itself without one.
  std::string key(const std::string& code) const;

 private:
  std::unordered_map<std::string, std::string> keys_;
};

// Keys for a list kept in file order with no code order of its own (guideline sections,
// an imported file): the position, zero-padded so that strings sort like numbers.
std::string position_sort_key(std::size_t position);

}  // namespace medcode::indexer
