// The scratch directory a build writes into, "<target>.building-<pid>", and those killed
// builds left: a builder holds flock(2) on its own until it dies, however it dies, so a
// free lock proves the builder gone even when another process now has its pid.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"

namespace medcode::indexer {

// A scratch directory this process created and holds locked. Removed, with its content,
// when the object dies.
class ScratchDirectory {
 public:
  // Creates "<target>.building-<pid>" already locked: it is made under a hidden name,
  // locked, then renamed, so no one ever sees it unlocked. A leftover of the same name
  // (a dead process with our pid) is removed first. kIOError naming the directory when the
  // parent cannot be written.
  static Result<ScratchDirectory> create(const std::string& target);

  ScratchDirectory(ScratchDirectory&& other) noexcept;
  ScratchDirectory& operator=(ScratchDirectory&&) = delete;
  ~ScratchDirectory();

  const std::string& path() const { return path_; }

 private:
  ScratchDirectory(std::string path, int lock_fd) : path_(std::move(path)), lock_fd_(lock_fd) {}
  std::string path_;
  int lock_fd_ = -1;
};

// A "<name>.building-<pid>" directory found beside the targets.
struct ScratchEntry {
  std::string path;
  long pid = 0;                  // the pid in its name
  bool in_progress = false;      // its builder is alive (holds the lock)
  unsigned long long bytes = 0;  // regular files under it
};

// The scratch directories in directory whose name starts with prefix ("" for every
// target), in name order. Hidden names (".x") are not scratch directories.
std::vector<ScratchEntry> find_scratch_directories(const std::string& directory,
                                                   const std::string& prefix);

// Removes the scratch directories in directory (names starting with prefix) whose builder
// is gone, each while holding its lock so that two builds never remove the same one.
// Returns the paths removed; one that cannot be removed stays and find_* still lists it.
std::vector<std::string> remove_abandoned_scratch(const std::string& directory,
                                                  const std::string& prefix);

}  // namespace medcode::indexer
