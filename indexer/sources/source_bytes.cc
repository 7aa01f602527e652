#include "indexer/sources/source_bytes.h"

#include <zip.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <sys/stat.h>

#include "common/utf8.h"

namespace medcode::indexer {
namespace {

Result<std::string> read_plain_file(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    if (errno == ENOENT) return Status::not_found(path + ": no such file");
    return Status::io_error(path + ": " + std::strerror(errno));
  }
  if (S_ISDIR(info.st_mode)) return Status::io_error(path + ": is a directory, expected a file");
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

Result<std::string> read_zip_member(const SourceLocation& location) {
  struct stat info {};
  if (::stat(location.path.c_str(), &info) != 0) {
    return Status::not_found(location.path + ": no such file");
  }
  int open_error = 0;
  std::unique_ptr<zip_t, ZipCloser> archive(
      zip_open(location.path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &open_error));
  if (!archive) {
    return Status::data_error(location.path +
                              ": not a readable zip archive (truncated or damaged?): " +
                              zip_error_text(open_error));
  }
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
    if (got <= 0) {
      return Status::data_error(location.display_name() + ": read failed at byte " +
                                std::to_string(done) + " of " + std::to_string(member_info.size) +
                                " (damaged archive?): " + zip_file_strerror(file.get()));
    }
    done += static_cast<zip_uint64_t>(got);
  }
  return content;
}

}  // namespace

std::string SourceLocation::display_name() const {
  return member.empty() ? path : path + "!" + member;
}

Result<std::string> load_source_bytes(const SourceLocation& location) {
  if (location.member.empty()) return read_plain_file(location.path);
  return read_zip_member(location);
}

}  // namespace medcode::indexer
