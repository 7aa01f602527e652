// Loads the bytes of one official source file, either a plain file or a member of a zip
// archive as CMS and CDC publish them (libzip).
#pragma once

#include <cstdint>
#include <string>

#include "common/status.h"

namespace medcode::indexer {

// Where one source lives: a file, or a member inside a zip file when member is not empty.
struct SourceLocation {
  std::string path;
  std::string member;

  // "dir/x.zip!icd10cm-order-2026.txt" or "dir/x.xml", used to prefix error messages.
  std::string display_name() const;
};

// Returns the whole content. Nothing is ever extracted to disk; member names are only
// looked up. Errors: kNotFound "<path>: no such file" or "<zip>: has no member \"m\"";
// kIOError for other read failures; kDataError, each ending "fetch it again with
// corpus/fetch", for a damaged or hostile file (caps in source_limits.h):
//   "<zip>: not a readable zip archive (truncated or damaged?): ..."
//   "<path>: 600.0 MiB is more than the 512.0 MiB a source file may have ..."
//   "<zip>: member \"../../x\" has an unsafe name (absolute, or climbing out with ..) ..."
//   "<zip>!<member>: declares 3840.0 MiB uncompressed, more than the 512.0 MiB a member may have
//   ..."
//   "<zip>!<member>: 2.0 MiB compressed into 2.0 KiB (1020 to 1), more than the 100 to 1 ..."
//   "<zip>!<member>: the member ends at byte N of the M it declares (damaged archive?) ..."
//   "<zip>!<member>: read failed at byte N of M (damaged archive?): <libzip's reason> ..."
Result<std::string> load_source_bytes(const SourceLocation& location);

// kDataError "<path>: 600.0 MiB is more than the 512.0 MiB a source file may have (the
// official files are under 20 MiB): check the path, or fetch it again with corpus/fetch"
// when bytes (the file's size) exceeds kMaxSourceFileBytes; for readers that open files
// themselves (the PDF reader).
Status check_source_file_size(const std::string& path, std::uint64_t bytes);

}  // namespace medcode::indexer
