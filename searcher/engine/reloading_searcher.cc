#include "searcher/engine/reloading_searcher.h"

#include <sys/stat.h>

namespace medcode::searcher {

// An index root is followed through its `current` symlink: publishing a version changes
// the directory it names, which stat() sees.
ReloadingSearcher::ReloadingSearcher(std::string directory, std::chrono::milliseconds check_interval)
    : directory_(served_index_directory(directory)), check_interval_(check_interval) {}

Result<std::unique_ptr<ReloadingSearcher>> ReloadingSearcher::open(
    const std::string& directory, std::chrono::milliseconds check_interval) {
  std::unique_ptr<ReloadingSearcher> reloading(new ReloadingSearcher(directory, check_interval));
  reloading->identity_ = reloading->identity();
  auto opened = Searcher::open(directory);
  if (!opened.is_ok()) return opened.status();
  reloading->searcher_ = std::shared_ptr<const Searcher>(std::move(opened).value());
  reloading->next_check_ = std::chrono::steady_clock::now() + check_interval;
  return reloading;
}

// The indexer publishes by renaming a new directory into place, so the directory's inode
// (and, for in-place rebuilds, its modification time) names the index being served.
std::string ReloadingSearcher::identity() const {
  struct stat info {};
  if (::stat(directory_.c_str(), &info) != 0) return "";
  return std::to_string(info.st_ino) + ":" + std::to_string(info.st_mtim.tv_sec) + "." +
         std::to_string(info.st_mtim.tv_nsec);
}

std::shared_ptr<const Searcher> ReloadingSearcher::current() {
  const auto now = std::chrono::steady_clock::now();
  if (now < next_check_) return searcher_;
  next_check_ = now + check_interval_;
  const std::string seen = identity();
  if (seen.empty() || seen == identity_) return searcher_;
  auto opened = Searcher::open(directory_);
  if (opened.is_ok()) {
    searcher_ = std::shared_ptr<const Searcher>(std::move(opened).value());
    identity_ = seen;
    ++reloads_;
  }
  return searcher_;
}

}  // namespace medcode::searcher
