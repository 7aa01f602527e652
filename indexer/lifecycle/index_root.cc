#include "indexer/lifecycle/index_root.h"

#include <fcntl.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "common/index_path_check.h"
#include "common/schema.h"
#include "indexer/build/index_directory_swap.h"

namespace medcode::indexer {
namespace fs = std::filesystem;
namespace {

std::string releases_dir(const std::string& root) { return (fs::path(root) / "releases").string(); }
std::string log_path(const std::string& root) { return (fs::path(root) / "published.log").string(); }

// Makes a rename or a log line durable: fsync the directory that holds it.
void sync_directory(const std::string& directory) {
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

std::vector<std::string> published_history(const std::string& root) {
  std::vector<std::string> history;
  std::ifstream in(log_path(root));
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) history.push_back(line);
  }
  return history;
}

Status append_history(const std::string& root, const std::string& version) {
  const int fd = ::open(log_path(root).c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  if (fd < 0) return Status::io_error(log_path(root) + ": cannot open: " + std::strerror(errno));
  const std::string line = version + "\n";
  const bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
  ::fsync(fd);
  ::close(fd);
  return written ? Status::ok() : Status::io_error(log_path(root) + ": cannot write");
}

// Opens the index to read its facts; error set when it cannot be opened.
IndexVersion describe(const std::string& root, const std::string& name) {
  IndexVersion version;
  version.name = name;
  version.path = version_path(root, name);
  try {
    Xapian::Database database(version.path);
    if (database.get_metadata(std::string(schema::kSchemaVersionKey)) != std::to_string(schema::kSchemaVersion)) {
      version.error = "schema version \"" + database.get_metadata(std::string(schema::kSchemaVersionKey)) +
                      "\", this medcode reads " + std::to_string(schema::kSchemaVersion);
    }
    version.release = database.get_metadata(std::string(schema::kReleaseKey));
    version.built_at = database.get_metadata(std::string(schema::kBuiltAtKey));
    version.documents = database.get_doccount();
  } catch (const Xapian::Error& error) {
    version.error = error.get_description();
  }
  version.bytes = directory_size_bytes(version.path);
  return version;
}

// Removes versions beyond keep, oldest first, sparing the current and previous published,
// and what killed builds left.
void prune(const std::string& root, std::size_t keep) {
  remove_abandoned_scratch(releases_dir(root), "");
  auto versions = list_versions(root);
  if (!versions.is_ok() || versions.value().size() <= keep) return;
  const auto history = published_history(root);
  const std::string current = current_version(root);
  std::string previous;
  for (auto it = history.rbegin(); it != history.rend(); ++it) {
    if (*it != current) {
      previous = *it;
      break;
    }
  }
  std::size_t kept = 0;
  for (const auto& version : versions.value()) {  // newest first
    if (version.name == current || version.name == previous || kept < keep) {
      ++kept;
      continue;
    }
    std::error_code ignored;
    fs::remove_all(version.path, ignored);
  }
}

}  // namespace

std::string version_path(const std::string& root, const std::string& version) {
  return (fs::path(releases_dir(root)) / version).string();
}

Result<std::string> new_version(const std::string& root, const std::string& release) {
  if (Status usable = check_index_root_to_build(root); !usable.is_ok()) return usable;
  std::error_code error;
  fs::create_directories(releases_dir(root), error);
  if (error) return Status::io_error(releases_dir(root) + ": cannot create: " + error.message());
  remove_abandoned_scratch(releases_dir(root), "");
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &utc);
  std::string name = release + "-" + stamp;
  for (int suffix = 2; fs::exists(version_path(root, name), error); ++suffix) {
    name = release + "-" + stamp + "-" + std::to_string(suffix);
  }
  return name;
}

std::vector<ScratchEntry> list_scratch_directories(const std::string& root) {
  return find_scratch_directories(releases_dir(root), "");
}

std::string current_version(const std::string& root) {
  std::error_code error;
  const fs::path target = fs::read_symlink(fs::path(root) / "current", error);
  return error ? "" : target.filename().string();
}

Result<std::vector<IndexVersion>> list_versions(const std::string& root) {
  std::error_code error;
  if (!fs::is_directory(releases_dir(root), error)) {
    return Status::not_found(root + " has no releases/ directory; build one with medcode-indexer build --root " + root);
  }
  const std::string current = current_version(root);
  std::vector<IndexVersion> versions;
  for (const auto& entry : fs::directory_iterator(releases_dir(root), error)) {
    const std::string name = entry.path().filename().string();
    // Builds in progress (or killed) are not versions.
    if (!entry.is_directory() || name.find(".building-") != std::string::npos || name[0] == '.') continue;
    IndexVersion version = describe(root, name);
    version.current = name == current;
    versions.push_back(std::move(version));
  }
  std::sort(versions.begin(), versions.end(), [](const IndexVersion& a, const IndexVersion& b) {
    return a.built_at != b.built_at ? a.built_at > b.built_at : a.name > b.name;
  });
  return versions;
}

Status publish_version(const std::string& root, const std::string& version, std::size_t keep) {
  std::error_code error;
  if (version.empty() || version.find('/') != std::string::npos || !fs::is_directory(version_path(root, version), error)) {
    std::string known;
    auto versions = list_versions(root);
    if (versions.is_ok()) {
      for (const auto& v : versions.value()) known += (known.empty() ? "" : ", ") + v.name;
    }
    return Status::not_found("no version \"" + version + "\" under " + releases_dir(root) +
                             (known.empty() ? "" : "; versions: " + known));
  }
  const IndexVersion described = describe(root, version);
  if (!described.error.empty()) {
    return Status::data_error(described.path + " cannot be served: " + described.error);
  }
  // A new symlink beside current, renamed over it: readers see the old or the new, never none.
  const fs::path staged = fs::path(root) / (".current-" + std::to_string(::getpid()));
  fs::remove(staged, error);
  fs::create_directory_symlink(fs::path("releases") / version, staged, error);
  if (error) return Status::io_error(staged.string() + ": cannot create symlink: " + error.message());
  fs::rename(staged, fs::path(root) / "current", error);
  if (error) {
    fs::remove(staged, error);
    return Status::io_error((fs::path(root) / "current").string() + ": cannot replace: " + error.message());
  }
  sync_directory(root);
  if (Status logged = append_history(root, version); !logged.is_ok()) return logged;
  prune(root, keep);
  return Status::ok();
}

Result<std::string> rollback(const std::string& root, std::size_t keep) {
  const std::string current = current_version(root);
  const auto history = published_history(root);
  std::error_code error;
  for (auto it = history.rbegin(); it != history.rend(); ++it) {
    if (*it == current || !fs::is_directory(version_path(root, *it), error)) continue;
    if (Status published = publish_version(root, *it, keep); !published.is_ok()) return published;
    return *it;
  }
  return Status::not_found("nothing to roll back to: " + root + " has no earlier published version");
}

}  // namespace medcode::indexer
