// Index releases side by side under one root, and which one is served:
//   ROOT/releases/<version>/   a complete index each ("fy2026-20261127T0128Z")
//   ROOT/current               symlink to releases/<version>: what medcode-server serves
//   ROOT/published.log         every version made current, oldest first
//   ROOT/releases/<version>.building-<pid>/   a build in progress (or one killed)
// Publishing writes a new symlink beside `current` and renames it over `current` (atomic
// on POSIX): at every moment `current` names a complete index, whenever the indexer dies.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "indexer/build/scratch_directory.h"

namespace medcode::indexer {

struct IndexVersion {
  std::string name;      // "fy2026-20261127T012800Z"
  std::string path;      // ROOT/releases/<name>
  std::string release;   // "fy2026" (from the index metadata)
  std::string built_at;  // ISO 8601
  std::size_t documents = 0;
  unsigned long long bytes = 0;
  bool current = false;
  std::string error;     // why the index cannot be opened; "" when it can
};

// A fresh version name for a release ("fy2026-<UTC time>", with a suffix if taken) and
// its directory; creates ROOT/releases if needed, and removes the scratch directories of
// killed builds there (their lock is free: scratch_directory.h). kIOError when ROOT cannot
// be written; kInvalidArgument when ROOT is a file or a single index (check_index_root_to_build).
Result<std::string> new_version(const std::string& root, const std::string& release);
std::string version_path(const std::string& root, const std::string& version);

// Every version, newest build first. kNotFound "<root> has no releases/ directory; build
// one with medcode-indexer build --root <root>".
Result<std::vector<IndexVersion>> list_versions(const std::string& root);

// The scratch directories under ROOT/releases, in name order: builds in progress, and any
// a killed build left that no build, publish or rollback has removed since. Empty when
// ROOT has no releases/.
std::vector<ScratchEntry> list_scratch_directories(const std::string& root);

// The version `current` points at, or "" when nothing is published yet.
std::string current_version(const std::string& root);

// Makes version current, records it in published.log, then removes the oldest versions
// beyond `keep` that are neither current nor the previous published one (rollback's
// target), and the scratch directories of killed builds. kNotFound for an unknown version (naming
// the ones there), kDataError when it cannot be opened as an index (a half-written or foreign
// directory).
Status publish_version(const std::string& root, const std::string& version, std::size_t keep);

// Publishes the version published before the current one and still present; returns it.
// kNotFound "nothing to roll back to" when there is none.
Result<std::string> rollback(const std::string& root, std::size_t keep);

}  // namespace medcode::indexer
