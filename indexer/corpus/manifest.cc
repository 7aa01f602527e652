#include "indexer/corpus/manifest.h"

#include "common/tsv_fields.h"
#include "common/utf8.h"

namespace medcode::indexer {
namespace {

constexpr std::string_view kHeader = "code_set\trelease\teffective\trole\tpath\tmember\tsha256\turl";

bool is_hex64(std::string_view text) {
  if (text.size() != 64) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

int fiscal_year_of(std::string_view release) {
  if (release.size() < 6 || release.substr(0, 2) != "fy") return 0;
  int year = 0;
  for (char c : release.substr(2, 4)) {
    if (c < '0' || c > '9') return 0;
    year = year * 10 + (c - '0');
  }
  return year;
}

bool is_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

}  // namespace

Result<std::vector<ManifestFile>> parse_manifest(std::string_view text,
                                                 const std::string& source_name) {
  if (Status utf8 = check_utf8(text, source_name); !utf8.is_ok()) return utf8;
  std::vector<ManifestFile> files;
  bool header_seen = false;
  std::size_t line_number = 0;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const std::string location = source_name + ":" + std::to_string(line_number);
    if (!header_seen) {
      if (line != kHeader) {
        return Status::data_error(location + ": expected the column header line " +
                                  quote_for_message(kHeader, 100));
      }
      header_seen = true;
      continue;
    }
    std::vector<std::string> fields = split_tabs(line);
    if (fields.size() != 8) {
      return Status::data_error(location + ": expected 8 tab-separated columns, found " +
                                std::to_string(fields.size()));
    }
    ManifestFile file{fields[0], fields[1], fields[2], fields[3], fields[4],
                      fields[5], fields[6], fields[7], 0,         location};
    if (file.code_set.empty() || file.release.empty() || file.role.empty() || file.path.empty()) {
      return Status::data_error(location + ": code_set, release, role and path must not be empty");
    }
    // Release windows (which HCPCS quarter belongs to which fiscal year) compare these dates.
    if (!is_iso_date(file.effective)) {
      return Status::data_error(location + ": effective date " + quote_for_message(file.effective, 40) +
                                " is not YYYY-MM-DD");
    }
    if (!is_hex64(file.sha256)) {
      return Status::data_error(location + ": sha256 " + quote_for_message(file.sha256, 70) +
                                " is not 64 lower-case hex digits");
    }
    file.fiscal_year = fiscal_year_of(file.release);
    files.push_back(std::move(file));
  }
  if (!header_seen) return Status::data_error(source_name + ": manifest has no header line");
  return files;
}

}  // namespace medcode::indexer
