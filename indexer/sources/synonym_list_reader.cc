#include "indexer/sources/synonym_list_reader.h"

#include "common/utf8.h"
#include "common/text_trim.h"

namespace medcode::indexer {
namespace {

std::string trimmed(std::string_view text) { return std::string(trim_whitespace(text)); }

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(separator, start);
    parts.push_back(trimmed(text.substr(start, end - start)));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;
}

}  // namespace

Result<SynonymList> read_synonym_list(std::string_view bytes, const std::string& source_name) {
  if (Status utf8 = check_utf8(bytes, source_name); !utf8.is_ok()) return utf8;
  SynonymList list;
  std::size_t line_number = 0;
  while (!bytes.empty()) {
    const std::size_t end = bytes.find('\n');
    // Tabs separate the columns, so a line keeps its tabs; cells are trimmed after splitting.
    std::string_view raw = bytes.substr(0, end);
    while (!raw.empty() && (raw.back() == '\r' || raw.back() == ' ')) raw.remove_suffix(1);
    while (!raw.empty() && raw.front() == ' ') raw.remove_prefix(1);
    const std::string line(raw);
    bytes.remove_prefix(end == std::string_view::npos ? bytes.size() : end + 1);
    ++line_number;
    if (line == "#! bidirectional") list.bidirectional = true;
    if (line.empty() || line[0] == '#') continue;
    const std::string location = source_name + ":" + std::to_string(line_number);
    const std::vector<std::string> columns = split(line, '\t');
    if (columns.size() < 2) {
      list.skipped.add(location, "expected term and expansions separated by a tab, found " +
                                     std::to_string(columns.size()) + " column");
      continue;
    }
    SynonymRow row{columns[0], {}, location};
    for (auto& expansion : split(columns[1], '|')) {
      if (!expansion.empty()) row.expansions.push_back(std::move(expansion));
    }
    if (row.term.empty() || row.expansions.empty()) {
      list.skipped.add(location, "row needs a term and at least one expansion");
      continue;
    }
    list.rows.push_back(std::move(row));
  }
  return list;
}

}  // namespace medcode::indexer
