#include "common/index_path_check.h"

#include <filesystem>
#include <system_error>

#include "common/utf8.h"

namespace medcode {
namespace fs = std::filesystem;
namespace {

// Xapian marks each database directory with a file naming its backend.
bool has_database(const fs::path& directory) {
  std::error_code error;
  for (const char* marker : {"iamglass", "iamhoney", "iamchert"}) {
    if (fs::exists(directory / marker, error)) return true;
  }
  return false;
}

bool has_root_layout(const fs::path& directory) {
  std::error_code error;
  return fs::is_directory(directory / "releases", error) ||
         fs::symlink_status(directory / "current", error).type() != fs::file_type::not_found;
}

// "it holds \"notes.txt\" and 2 more": the first name in byte order, so the message is stable.
std::string contents_note(const fs::path& directory) {
  std::error_code error;
  std::string first;
  std::size_t count = 0;
  for (const auto& entry : fs::directory_iterator(directory, error)) {
    const std::string name = entry.path().filename().string();
    if (count++ == 0 || name < first) first = name;
  }
  std::string note = "it holds " + quote_for_message(first, 40);
  if (count > 1) note += " and " + std::to_string(count - 1) + " more";
  return note;
}

// The index root a version directory belongs to, ROOT for ROOT/current and
// ROOT/releases/V; "" for an index of its own.
std::string root_of_version(const std::string& path) {
  fs::path version = fs::path(path).lexically_normal();
  if (version.filename().empty()) version = version.parent_path();  // "ROOT/current/"
  fs::path root;
  if (version.filename() == "current") {
    root = version.parent_path();
  } else if (version.parent_path().filename() == "releases") {
    root = version.parent_path().parent_path();
  } else {
    return "";
  }
  if (root.empty()) root = ".";
  std::error_code error;
  return fs::is_directory(root / "releases", error) ? root.string() : "";
}

std::string not_a_directory(const std::string& path) {
  std::error_code error;
  return fs::is_regular_file(path, error) ? "a file, not a directory" : "not a directory";
}

}  // namespace

IndexPathKind classify_index_path(const std::string& path) {
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (error || status.type() == fs::file_type::not_found) return IndexPathKind::kMissing;
  if (status.type() != fs::file_type::directory) return IndexPathKind::kNotDirectory;
  if (has_database(path)) return IndexPathKind::kIndex;
  if (has_root_layout(path)) return IndexPathKind::kIndexRoot;
  if (fs::is_empty(path, error) && !error) return IndexPathKind::kEmptyDirectory;
  return IndexPathKind::kOtherDirectory;
}

Status check_index_to_serve(const std::string& path) {
  const std::string build = "medcode-indexer build --index " + path;
  switch (classify_index_path(path)) {
    case IndexPathKind::kIndex:
      return Status::ok();
    case IndexPathKind::kMissing:
      return Status::unavailable("index " + path + " not found: build it with " + build);
    case IndexPathKind::kEmptyDirectory:
      return Status::unavailable("index " + path + " is an empty directory: build it with " +
                                 build);
    case IndexPathKind::kNotDirectory:
      return Status::invalid_argument(
          "index " + path + " is " + not_a_directory(path) +
          ": give --index the directory medcode-indexer build --index made");
    case IndexPathKind::kOtherDirectory:
      return Status::invalid_argument(
          "index " + path + " is not a medcode index (no Xapian database in it; " +
          contents_note(path) +
          "): give --index a directory made by medcode-indexer build --index DIR "
          "or --root DIR");
    case IndexPathKind::kIndexRoot:
      break;
  }
  const fs::path current = fs::path(path) / "current";
  const std::string publish = "medcode-indexer publish --root " + path + " VERSION";
  std::error_code error;
  if (fs::symlink_status(current, error).type() == fs::file_type::not_found) {
    return Status::unavailable("index root " + path + " has no published version (no " +
                               current.string() + "): publish one with " + publish +
                               " (medcode-indexer list --root " + path + " lists them)");
  }
  if (!fs::is_directory(current, error)) {
    const fs::path target = fs::read_symlink(current, error);
    return Status::unavailable("index root " + path + ": current names " +
                               (error ? "nothing" : target.string()) +
                               ", which does not exist: publish another with " + publish);
  }
  return Status::ok();
}

Status check_index_root(const std::string& path) {
  switch (classify_index_path(path)) {
    case IndexPathKind::kIndexRoot:
      return Status::ok();
    case IndexPathKind::kMissing:
      return Status::not_found("index root " + path +
                               " not found: build one with medcode-indexer build --root " + path);
    case IndexPathKind::kNotDirectory:
      return Status::invalid_argument(
          "index root " + path + " is " + not_a_directory(path) +
          ": give --root the directory medcode-indexer build --root made");
    case IndexPathKind::kIndex: {
      const std::string root = root_of_version(path);
      return Status::invalid_argument(
          path + " is an index, not an index root (releases/ and current): " +
          (root.empty() ? "give --root the directory medcode-indexer build --root made"
                        : "it is a version of index root " + root + ": give --root " + root));
    }
    case IndexPathKind::kEmptyDirectory:
    case IndexPathKind::kOtherDirectory:
      break;
  }
  return Status::not_found(
      path + " has no releases/ directory; build one with medcode-indexer build --root " + path);
}

Status check_index_root_to_build(const std::string& path) {
  switch (classify_index_path(path)) {
    case IndexPathKind::kNotDirectory:
      return Status::invalid_argument("--root " + path + " is " + not_a_directory(path));
    case IndexPathKind::kIndex: {
      const std::string root = root_of_version(path);
      return Status::invalid_argument(
          "--root " + path + " is an index, not an index root: " +
          (root.empty() ? "rebuild it with --index " + path + ", or give --root a new directory"
                        : "it is a version of index root " + root + ": give --root " + root));
    }
    default:
      return Status::ok();
  }
}

Status check_index_to_replace(const std::string& path) {
  switch (classify_index_path(path)) {
    case IndexPathKind::kNotDirectory:
      return Status::invalid_argument("--index " + path + ": exists and is not a directory");
    case IndexPathKind::kIndexRoot:
      return Status::invalid_argument("--index " + path +
                                      " is an index root (releases/ and current): build a new "
                                      "version in it with --root " +
                                      path + " (--index would replace every version in it)");
    case IndexPathKind::kOtherDirectory:
      return Status::invalid_argument(
          "--index " + path + " is not a medcode index and is not empty (" + contents_note(path) +
          "): building replaces the directory, so give a new or empty one");
    case IndexPathKind::kIndex:
      if (const std::string root = root_of_version(path); !root.empty()) {
        return Status::invalid_argument("--index " + path + " is a version of index root " + root +
                                        ": build a new version with --root " + root);
      }
      return Status::ok();
    default:
      return Status::ok();
  }
}

}  // namespace medcode
