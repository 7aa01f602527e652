#include "indexer/sources/source_bytes.h"

#include <sys/stat.h>
#include <zip.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>

#include "common/utf8.h"
#include "indexer/sources/source_limits.h"

namespace medcode::indexer {
namespace {

constexpr const char* kFetchAgain = "fetch it again with corpus/fetch";

// "600.0 MiB", "12.3 KiB", "17 bytes": sizes as messages show them.
std::string size_text(std::uint64_t bytes) {
  char text[32];
  if (bytes >= (1u << 20)) {
    std::snprintf(text, sizeof text, "%.1f MiB", static_cast<double>(bytes) / (1u << 20));
  } else if (bytes >= 1024) {
    std::snprintf(text, sizeof text, "%.1f KiB", static_cast<double>(bytes) / 1024);
  } else {
    std::snprintf(text, sizeof text, "%llu bytes", static_cast<unsigned long long>(bytes));
  }
  return text;
}

Result<std::string> read_plain_file(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    if (errno == ENOENT) return Status::not_found(path + ": no such file");
    return Status::io_error(path + ": " + std::strerror(errno));
  }
  if (S_ISDIR(info.st_mode)) return Status::io_error(path + ": is a directory, expected a file");
  if (Status size = check_source_file_size(path, static_cast<std::uint64_t>(info.st_size));
      !size.is_ok()) {
    return size;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::io_error(path + ": cannot open for reading: " + std::strerror(errno));
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return Status::io_error(path + ": read failed");
  return content.str();
}

struct ZipCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

std::string zip_error_text(int code) {
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string text = zip_error_strerror(&error);
  zip_error_fini(&error);
  return text;
}

// A name that, used as a path, would land outside the directory it is extracted to:
// absolute ("/etc/x", "C:x") or climbing with ".." (also with Windows' backslashes). We never
// extract to disk, but an archive holding one was made to attack an unzipper.
bool is_unsafe_member_name(const std::string& name) {
  if (!name.empty() && (name[0] == '/' || name[0] == '\\')) return true;
  if (name.size() >= 2 && std::isalpha(static_cast<unsigned char>(name[0])) && name[1] == ':')
    return true;
  std::size_t start = 0;
  while (start <= name.size()) {
    const std::size_t end = std::min(name.find_first_of("/\\", start), name.size());
    if (name.compare(start, end - start, "..") == 0) return true;
    start = end + 1;
  }
  return false;
}

Status check_member_names(zip_t* archive, const std::string& path) {
  const zip_int64_t count = zip_get_num_entries(archive, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    const char* name = zip_get_name(archive, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW);
    if (name == nullptr || !is_unsafe_member_name(name)) continue;
    return Status::data_error(
        path + ": member " + quote_for_message(name) +
        " has an unsafe name (absolute, or climbing out with ..); official archives have "
        "none, so this one is damaged or not official: " +
        kFetchAgain);
  }
  return Status::ok();
}

// The declared size bounds the buffer the member is read into; the ratio catches a zip
// bomb whose declared size stays under the cap.
Status check_member_size(const SourceLocation& location, const zip_stat_t& member) {
  if ((member.valid & ZIP_STAT_SIZE) == 0) {
    return Status::data_error(location.display_name() +
                              ": the archive does not give the member's size; " + kFetchAgain);
  }
  if (member.size > kMaxZipMemberBytes) {
    return Status::data_error(
        location.display_name() + ": declares " + size_text(member.size) +
        " uncompressed, more than the " + size_text(kMaxZipMemberBytes) +
        " a member may have (the official ones are under 20 MiB): a zip bomb or a damaged "
        "archive; " +
        kFetchAgain);
  }
  if (member.size < kZipRatioCheckFromBytes) return Status::ok();
  const std::uint64_t packed = (member.valid & ZIP_STAT_COMP_SIZE) ? member.comp_size : 0;
  const double ratio =
      packed == 0 ? 0 : static_cast<double>(member.size) / static_cast<double>(packed);
  if (packed > 0 && ratio <= kMaxZipCompressionRatio) return Status::ok();
  char ratio_text[32];
  std::snprintf(ratio_text, sizeof ratio_text, "%.0f to 1", ratio);
  return Status::data_error(
      location.display_name() + ": " + size_text(member.size) + " compressed into " +
      size_text(packed) + " (" + (packed == 0 ? "nothing" : ratio_text) + "), more than the " +
      std::to_string(static_cast<int>(kMaxZipCompressionRatio)) +
      " to 1 a member may have (the official ones compress 9 to 15 to 1): a zip bomb or a "
      "damaged archive; " +
      kFetchAgain);
}

Result<std::string> read_zip_member(const SourceLocation& location) {
  struct stat info {};
  if (::stat(location.path.c_str(), &info) != 0) {
    return Status::not_found(location.path + ": no such file");
  }
  if (Status size = check_source_file_size(location.path, static_cast<std::uint64_t>(info.st_size));
      !size.is_ok()) {
    return size;
  }
  int open_error = 0;
  std::unique_ptr<zip_t, ZipCloser> archive(
      zip_open(location.path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &open_error));
  if (!archive) {
    return Status::data_error(location.path +
                              ": not a readable zip archive (truncated or damaged?): " +
                              zip_error_text(open_error) + "; " + kFetchAgain);
  }
  if (Status names = check_member_names(archive.get(), location.path); !names.is_ok()) return names;
  zip_stat_t member_info;
  zip_stat_init(&member_info);
  if (zip_stat(archive.get(), location.member.c_str(), 0, &member_info) != 0) {
    std::string members;
    const zip_int64_t count = zip_get_num_entries(archive.get(), 0);
    for (zip_int64_t i = 0; i < count && i < 12; ++i) {
      if (!members.empty()) members += ", ";
      members += zip_get_name(archive.get(), static_cast<zip_uint64_t>(i), 0);
    }
    return Status::not_found(location.path + ": has no member " +
                             quote_for_message(location.member) + "; it holds: " + members);
  }
  if (Status size = check_member_size(location, member_info); !size.is_ok()) return size;
  std::unique_ptr<zip_file_t, ZipFileCloser> file(
      zip_fopen(archive.get(), location.member.c_str(), 0));
  if (!file) {
    return Status::data_error(location.display_name() + ": cannot open member: " +
                              zip_strerror(archive.get()));
  }
  std::string content;
  content.resize(member_info.size);
  zip_uint64_t done = 0;
  while (done < member_info.size) {
    const zip_int64_t got = zip_fread(file.get(), content.data() + done, member_info.size - done);
    if (got == 0) {
      return Status::data_error(location.display_name() + ": the member ends at byte " +
                                std::to_string(done) + " of the " +
                                std::to_string(member_info.size) +
                                " it declares (damaged archive?); " + kFetchAgain);
    }
    if (got < 0) {
      return Status::data_error(location.display_name() + ": read failed at byte " +
                                std::to_string(done) + " of " + std::to_string(member_info.size) +
                                " (damaged archive?): " + zip_file_strerror(file.get()) + "; " +
                                kFetchAgain);
    }
    done += static_cast<zip_uint64_t>(got);
  }
  return content;
}

}  // namespace

Status check_source_file_size(const std::string& path, std::uint64_t bytes) {
  if (bytes <= kMaxSourceFileBytes) return Status::ok();
  return Status::data_error(
      path + ": " + size_text(bytes) + " is more than the " + size_text(kMaxSourceFileBytes) +
      " a source file may have (the official files are under 20 MiB): check the path, or " +
      kFetchAgain);
}

std::string SourceLocation::display_name() const {
  return member.empty() ? path : path + "!" + member;
}

Result<std::string> load_source_bytes(const SourceLocation& location) {
  if (location.member.empty()) return read_plain_file(location.path);
  return read_zip_member(location);
}

}  // namespace medcode::indexer
