#include "indexer/build/index_directory_swap.h"

#include <unistd.h>

#include <filesystem>
#include <system_error>

#include "common/index_path_check.h"

namespace medcode::indexer {
namespace fs = std::filesystem;

IndexDirectorySwap::IndexDirectorySwap(std::string target, ScratchDirectory scratch)
    : target_(std::move(target)),
      scratch_(std::move(scratch)),
      index_path_((fs::path(scratch_.path()) / "index").string()) {}

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
  // Killed builds of this target leave their scratch directory; its lock is free.
  remove_abandoned_scratch(parent.empty() ? "." : parent.string(),
                           target_path.filename().string() + ".building-");
  auto scratch = ScratchDirectory::create(target_path.string());
  if (!scratch.is_ok()) return scratch.status();
  return IndexDirectorySwap(target_path.string(), std::move(scratch).value());
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
