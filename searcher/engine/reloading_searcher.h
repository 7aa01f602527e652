// A Searcher that follows its index directory: when the indexer swaps a new index into
// place, the next call after the check interval opens the new one. Searches in flight keep
// the old one, which stays readable until its last user lets go.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "common/status.h"
#include "searcher/engine/searcher.h"

namespace medcode::searcher {

// Not thread-safe: give each worker thread its own (each holds its own Xapian database).
class ReloadingSearcher {
 public:
  // Opens the index; same errors as Searcher::open. check_interval: how often current()
  // looks at the directory (default 200 ms, so a publish is followed within a second).
  static Result<std::unique_ptr<ReloadingSearcher>> open(
      const std::string& directory,
      std::chrono::milliseconds check_interval = std::chrono::milliseconds(200));

  // The searcher to use for one request. Never fails: if the directory changed but the new
  // index cannot be opened yet (a swap in progress), the previous one keeps serving and
  // the next check tries again.
  std::shared_ptr<const Searcher> current();

  // How many times a new index has been opened since construction.
  int reloads() const { return reloads_; }

 private:
  ReloadingSearcher(std::string directory, std::chrono::milliseconds check_interval);
  std::string identity() const;  // changes whenever a new index is swapped in

  std::string directory_;
  std::chrono::milliseconds check_interval_;
  std::chrono::steady_clock::time_point next_check_;
  std::string identity_;
  std::shared_ptr<const Searcher> searcher_;
  int reloads_ = 0;
};

}  // namespace medcode::searcher
