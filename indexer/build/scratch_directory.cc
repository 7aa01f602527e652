#include "indexer/build/scratch_directory.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "indexer/build/index_directory_swap.h"

namespace medcode::indexer {
namespace fs = std::filesystem;
namespace {

constexpr const char* kScratchMarker = ".building-";

// The pid of "<prefix>...building-<pid>", or 0 when name is not a scratch directory's.
long scratch_pid(const std::string& name, const std::string& prefix) {
  if (name.empty() || name[0] == '.' || name.rfind(prefix, 0) != 0) return 0;
  const std::size_t marker = name.rfind(kScratchMarker);
  if (marker == std::string::npos) return 0;
  const std::string digits = name.substr(marker + std::strlen(kScratchMarker));
  if (digits.empty() || digits.size() > 9 ||
      !std::all_of(digits.begin(), digits.end(), [](unsigned char c) { return std::isdigit(c); })) {
    return 0;
  }
  return std::stol(digits);
}

int open_directory(const std::string& path) {
  return ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

}  // namespace

Result<ScratchDirectory> ScratchDirectory::create(const std::string& target) {
  const fs::path target_path(target);
  const fs::path parent =
      target_path.parent_path().empty() ? fs::path(".") : target_path.parent_path();
  const std::string path = target + kScratchMarker + std::to_string(::getpid());
  std::string hidden = (parent / ("." + target_path.filename().string() + ".new-XXXXXX")).string();
  if (::mkdtemp(hidden.data()) == nullptr) {
    return Status::io_error(path + ": cannot create build directory: " + std::strerror(errno));
  }
  const int fd = open_directory(hidden);
  if (fd < 0 || ::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const std::string reason = std::strerror(errno);
    if (fd >= 0) ::close(fd);
    ::rmdir(hidden.c_str());
    return Status::io_error(path + ": cannot lock build directory: " + reason);
  }
  std::error_code error;
  fs::remove_all(path, error);  // left by a dead process that had our pid
  fs::rename(hidden, path, error);
  if (error) {
    ::close(fd);
    ::rmdir(hidden.c_str());
    return Status::io_error(path + ": cannot create build directory: " + error.message());
  }
  return ScratchDirectory(path, fd);
}

ScratchDirectory::ScratchDirectory(ScratchDirectory&& other) noexcept
    : path_(std::move(other.path_)), lock_fd_(other.lock_fd_) {
  other.path_.clear();  // the moved-from object must not delete anything
  other.lock_fd_ = -1;
}

ScratchDirectory::~ScratchDirectory() {
  if (!path_.empty()) {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

std::vector<ScratchEntry> find_scratch_directories(const std::string& directory,
                                                   const std::string& prefix) {
  std::vector<ScratchEntry> found;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(directory, error)) {
    const long pid = scratch_pid(entry.path().filename().string(), prefix);
    if (pid == 0 || !entry.is_directory(error)) continue;
    ScratchEntry scratch;
    scratch.path = entry.path().string();
    scratch.pid = pid;
    const int fd = open_directory(scratch.path);
    // A shared lock conflicts only with the builder's exclusive one.
    scratch.in_progress = fd >= 0 && ::flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
    if (fd >= 0) ::close(fd);
    scratch.bytes = directory_size_bytes(scratch.path);
    found.push_back(std::move(scratch));
  }
  std::sort(found.begin(), found.end(),
            [](const ScratchEntry& a, const ScratchEntry& b) { return a.path < b.path; });
  return found;
}

std::vector<std::string> remove_abandoned_scratch(const std::string& directory,
                                                  const std::string& prefix) {
  std::vector<std::string> removed;
  for (const ScratchEntry& scratch : find_scratch_directories(directory, prefix)) {
    if (scratch.in_progress) continue;
    const int fd = open_directory(scratch.path);
    if (fd < 0) continue;
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {
      std::error_code error;
      fs::remove_all(scratch.path, error);
      if (!error) removed.push_back(scratch.path);
    }
    ::close(fd);
  }
  return removed;
}

}  // namespace medcode::indexer
