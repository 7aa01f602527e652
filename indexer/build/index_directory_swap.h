// Builds an index in a scratch directory beside the target and swaps it into place only
// when complete, so a failed or killed build leaves the previous index serving.
#pragma once

#include <string>

#include "common/status.h"

namespace medcode::indexer {

class IndexDirectorySwap {
 public:
  // Prepares "<target>.building-<pid>" (removing scratch directories left by dead builds).
  // Fails with kIOError when the parent directory cannot be written.
  static Result<IndexDirectorySwap> begin(const std::string& target);

  IndexDirectorySwap(IndexDirectorySwap&& other) noexcept;
  IndexDirectorySwap& operator=(IndexDirectorySwap&&) = delete;
  // Removes the scratch directory unless commit() succeeded.
  ~IndexDirectorySwap();

  // Where to write the new index.
  const std::string& scratch_path() const { return scratch_; }

  // Replaces target with the scratch directory: the old index is renamed aside, the new one
  // renamed in, the old one deleted. Fails with kIOError naming the rename that failed.
  Status commit();

 private:
  IndexDirectorySwap(std::string target, std::string scratch);
  std::string target_;
  std::string scratch_;
  bool committed_ = false;
};

// Total size in bytes of the regular files under directory (0 if it does not exist).
unsigned long long directory_size_bytes(const std::string& directory);

}  // namespace medcode::indexer
