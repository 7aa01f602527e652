#include "indexer/sources/hcpcs_reader.h"

#include <cctype>
#include <map>

#include "common/utf8.h"
#include "common/text_trim.h"
#include "indexer/sources/xlsx_sheet_reader.h"

namespace medcode::indexer {
namespace {

// One record (line or row) before continuation records are joined.
struct RawRecord {
  std::string code, sequence, record_id, long_description, short_description;
  std::string add_date, action_effective_date, termination_date, action_code, coverage_code, betos;
  std::string location;

  // The member a layout field fills.
  std::string* field(std::string_view name) {
    if (name == "HCPC") return &code;
    if (name == "SEQNUM") return &sequence;
    if (name == "RECID") return &record_id;
    if (name == "LONG DESCRIPTION") return &long_description;
    if (name == "SHORT DESCRIPTION") return &short_description;
    if (name == "COV") return &coverage_code;
    if (name == "BETOS") return &betos;
    if (name == "ADD DT") return &add_date;
    if (name == "ACT EFF DT") return &action_effective_date;
    if (name == "TERM DT") return &termination_date;
    return &action_code;  // "ACTION CD"
  }
};

std::string trimmed(std::string_view text) { return std::string(trim_whitespace(text)); }

bool is_date_or_blank(const std::string& text) {
  if (text.empty()) return true;
  if (text.size() != 8) return false;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool is_code_or_modifier(const std::string& code, bool modifier) {
  if (modifier) {
    return code.size() == 2 && std::isalnum(static_cast<unsigned char>(code[0])) &&
           std::isalnum(static_cast<unsigned char>(code[1]));
  }
  if (code.size() != 5) return false;
  for (char c : code) {
    if (!std::isalnum(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// Validates one record and appends it to entries, joining continuations.
class RecordJoiner {
 public:
  explicit RecordJoiner(HcpcsFile& out) : out_(out) {}

  void add(RawRecord raw) {
    const std::string& id = raw.record_id;
    if (id != "3" && id != "4" && id != "7" && id != "8") {
      out_.skipped.add(raw.location, "record id " + quote_for_message(id) + " is not 3, 4, 7 or 8");
      return;
    }
    const bool modifier = id == "7" || id == "8";
    if (!is_code_or_modifier(raw.code, modifier)) {
      out_.skipped.add(raw.location, (modifier ? "modifier " : "code ") + quote_for_message(raw.code) +
                                         (modifier ? " is not 2 characters" : " is not 5 letters or digits"));
      return;
    }
    if (id == "4" || id == "8") {
      auto found = position_.find(raw.code);
      if (found == position_.end()) {
        out_.skipped.add(raw.location, "continuation of " + raw.code + " before its first record");
        return;
      }
      HcpcsEntry& entry = out_.entries[found->second];
      if (!raw.long_description.empty()) entry.long_description += " " + raw.long_description;
      return;
    }
    for (const std::string* date : {&raw.add_date, &raw.action_effective_date, &raw.termination_date}) {
      if (!is_date_or_blank(*date)) {
        out_.skipped.add(raw.location, "date " + quote_for_message(*date) + " is not YYYYMMDD");
        return;
      }
    }
    if (!position_.emplace(raw.code, out_.entries.size()).second) {
      out_.skipped.add(raw.location, "code " + raw.code + " appears twice; keeping the first");
      return;
    }
    out_.entries.push_back(HcpcsEntry{raw.code, modifier, raw.long_description, raw.short_description,
                                      raw.add_date, raw.action_effective_date, raw.termination_date,
                                      raw.action_code, raw.coverage_code, raw.betos, raw.location});
  }

 private:
  HcpcsFile& out_;
  std::map<std::string, std::size_t> position_;
};

}  // namespace

const std::vector<HcpcsField>& hcpcs_fixed_width_layout() {
  static const std::vector<HcpcsField> layout = {
      {"HCPC", 1, 5},          {"SEQNUM", 6, 5},         {"RECID", 11, 1},
      {"LONG DESCRIPTION", 12, 80}, {"SHORT DESCRIPTION", 92, 28}, {"COV", 230, 1},
      {"BETOS", 257, 3},       {"ADD DT", 269, 8},       {"ACT EFF DT", 277, 8},
      {"TERM DT", 285, 8},     {"ACTION CD", 293, 1},
  };
  return layout;
}

Result<HcpcsFile> read_hcpcs_fixed_width(std::string_view bytes, const std::string& source_name) {
  if (Status valid = check_utf8(bytes, source_name); !valid.is_ok()) return valid;
  HcpcsFile file;
  RecordJoiner joiner(file);
  std::size_t line_number = 0;
  std::size_t start = 0;
  while (start < bytes.size()) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = bytes.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trimmed(line).empty()) continue;
    const std::string location = source_name + ":" + std::to_string(line_number);
    auto field = [&](std::size_t begin, std::size_t width) {
      return begin - 1 >= line.size() ? std::string() : trimmed(line.substr(begin - 1, width));
    };
    if (line.size() < 91) {
      file.skipped.add(location, "line has " + std::to_string(line.size()) +
                                     " characters; a HCPCS record has 320");
      continue;
    }
    RawRecord raw;
    for (const HcpcsField& f : hcpcs_fixed_width_layout()) *raw.field(f.name) = field(f.begin, f.width);
    raw.location = location;
    joiner.add(std::move(raw));
  }
  if (file.entries.empty()) {
    return Status::data_error(source_name + ": no HCPCS records found (" +
                              std::to_string(file.skipped.count()) + " lines skipped)");
  }
  return file;
}

Result<HcpcsFile> read_hcpcs_anweb_xlsx(const std::string& path) {
  auto sheet = read_xlsx_first_sheet(path);
  if (!sheet.is_ok()) return sheet.status();
  const auto& rows = sheet.value().rows;
  if (rows.empty()) return Status::data_error(path + ": the first sheet is empty");
  std::map<std::string, std::size_t> column;
  for (std::size_t i = 0; i < rows[0].cells.size(); ++i) column[trimmed(rows[0].cells[i])] = i;
  const std::vector<std::string> needed = {"HCPC", "RECID", "LONG DESCRIPTION", "SHORT DESCRIPTION",
                                           "ADD DT", "ACT EFF DT", "TERM DT", "ACTION CD"};
  for (const auto& name : needed) {
    if (!column.count(name)) {
      return Status::data_error(path + ": header row has no " + quote_for_message(name) +
                                " column; is this the ANWEB file?");
    }
  }
  auto cell = [&](const XlsxRow& row, std::string_view name) -> std::string {
    auto found = column.find(std::string(name));
    if (found == column.end() || found->second >= row.cells.size()) return "";
    return trimmed(row.cells[found->second]);
  };
  HcpcsFile file;
  RecordJoiner joiner(file);
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const XlsxRow& row = rows[i];
    RawRecord raw;
    // The workbook's column headings are the layout's field names.
    for (const HcpcsField& f : hcpcs_fixed_width_layout()) *raw.field(f.name) = cell(row, f.name);
    raw.location = path + ": row " + std::to_string(row.number);
    joiner.add(std::move(raw));
  }
  if (file.entries.empty()) {
    return Status::data_error(path + ": no HCPCS records found (" + std::to_string(file.skipped.count()) +
                              " rows skipped)");
  }
  return file;
}

}  // namespace medcode::indexer
