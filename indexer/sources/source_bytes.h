// Loads the bytes of one official source file, either a plain file or a member of a zip
// archive as CMS and CDC publish them (libzip).
#pragma once

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

// Returns the whole content. Errors: kNotFound "<path>: no such file" or "<zip>: has no
// member \"m\"", kDataError "<zip>: not a readable zip archive (truncated or damaged?): ..."
// or "<zip>!<member>: ... (damaged archive?)", kIOError for other read failures.
Result<std::string> load_source_bytes(const SourceLocation& location);

}  // namespace medcode::indexer
