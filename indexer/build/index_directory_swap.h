// Builds an index in a scratch directory beside the target and swaps it into place only
// when complete, so a failed or killed build leaves the previous index serving.
#pragma once

#include <string>

#include "common/status.h"
#include "indexer/build/scratch_directory.h"

namespace medcode::indexer {

class IndexDirectorySwap {
 public:
  // Creates the build directory "<target>.building-<pid>", locked while this object lives
  // (scratch_directory.h), after removing those that killed builds of target left; the new
  // index is written inside it.
  // Fails with kIOError when the parent directory cannot be written, and kInvalidArgument
  // when target is a file, an index root, a version of one, or a directory that holds other
  // things than an index (check_index_to_replace: a build never deletes what it did not make).
  static Result<IndexDirectorySwap> begin(const std::string& target);

  IndexDirectorySwap(IndexDirectorySwap&& other) noexcept = default;
  IndexDirectorySwap& operator=(IndexDirectorySwap&&) = delete;
  // Removes the build directory and whatever is in it (the ScratchDirectory's job).
  ~IndexDirectorySwap() = default;

  // Where to write the new index; it must not exist yet. Scratch files may go beside it.
  const std::string& scratch_path() const { return index_path_; }

  // Replaces target with the scratch directory: the old index is renamed aside, the new one
  // renamed in, the old one deleted. Fails with kIOError naming the rename that failed.
  Status commit();

 private:
  IndexDirectorySwap(std::string target, ScratchDirectory scratch);
  std::string target_;
  ScratchDirectory scratch_;  // the build directory
  std::string index_path_;  // the new index inside it
};

// Total size in bytes of the regular files under directory (0 if it does not exist).
unsigned long long directory_size_bytes(const std::string& directory);

}  // namespace medcode::indexer
