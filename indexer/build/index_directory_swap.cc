#include "indexer/build/index_directory_swap.h"

#include <signal.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <system_error>

#include "common/index_path_check.h"

namespace medcode::indexer {
namespace fs = std::filesystem;
namespace {

bool process_alive(long pid) { return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM); }

// Deletes "<target>.building-<pid>" directories whose process is gone (a killed build).
void remove_stale_scratch(const fs::path& target) {
  std::error_code error;
  const fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  const std::string prefix = target.filename().string() + ".building-";
  for (const auto& entry : fs::directory_iterator(parent, error)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
    if (!process_alive(pid)) fs::remove_all(entry.path(), error);
  }
}

}  // namespace

IndexDirectorySwap::IndexDirectorySwap(std::string target, std::string scratch)
    : target_(std::move(target)),
      scratch_(std::move(scratch)),
      index_path_((fs::path(scratch_) / "index").string()) {}

IndexDirectorySwap::IndexDirectorySwap(IndexDirectorySwap&& other) noexcept
    : target_(std::move(other.target_)),
      scratch_(std::move(other.scratch_)),
      index_path_(std::move(other.index_path_)) {
  other.scratch_.clear();  // the moved-from object must not delete anything
}

IndexDirectorySwap::~IndexDirectorySwap() {
  if (scratch_.empty()) return;
  std::error_code error;
  fs::remove_all(scratch_, error);
}

Result<IndexDirectorySwap> IndexDirectorySwap::begin(const std::string& target) {
  if (target.empty()) return Status::invalid_argument("--index: an index directory is required");
  const fs::path target_path = fs::path(target).lexically_normal();
  std::error_code error;
  const fs::path parent = target_path.parent_path();
  if (!parent.empty()) {
    fs::create_directories(parent, error);
    if (error) return Status::io_error(parent.string() + ": cannot create directory: " + error.message());
  }
  // A file, an index root, or a directory of other things is not ours to replace.
  if (Status replaceable = check_index_to_replace(target); !replaceable.is_ok()) return replaceable;
  remove_stale_scratch(target_path);
  const std::string scratch = target_path.string() + ".building-" + std::to_string(::getpid());
  fs::remove_all(scratch, error);
  fs::create_directory(scratch, error);
  if (error) return Status::io_error(scratch + ": cannot create build directory: " + error.message());
  return IndexDirectorySwap(target_path.string(), scratch);
}

Status IndexDirectorySwap::commit() {
  std::error_code error;
  const std::string previous = target_ + ".previous-" + std::to_string(::getpid());
  const bool had_previous = fs::exists(target_, error);
  if (had_previous) {
    fs::rename(target_, previous, error);
    if (error) return Status::io_error("cannot move old index " + target_ + " aside: " + error.message());
  }
  fs::rename(index_path_, target_, error);
  if (error) {
    std::error_code restore_error;
    if (had_previous) fs::rename(previous, target_, restore_error);
    return Status::io_error("cannot move new index into " + target_ + ": " + error.message());
  }
  fs::remove_all(scratch_, error);
  if (had_previous) fs::remove_all(previous, error);
  return Status::ok();
}

unsigned long long directory_size_bytes(const std::string& directory) {
  unsigned long long total = 0;
  std::error_code error;
  for (const auto& entry : fs::recursive_directory_iterator(directory, error)) {
    if (entry.is_regular_file(error)) total += entry.file_size(error);
  }
  return total;
}

}  // namespace medcode::indexer
