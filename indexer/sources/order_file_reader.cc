#include "indexer/sources/order_file_reader.h"

#include <unordered_set>

#include "common/code_format.h"
#include "common/text_trim.h"
#include "common/utf8.h"

namespace medcode::indexer {
namespace {

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

Result<OrderFile> read_order_file(std::string_view bytes, const std::string& source_name,
                                  std::string_view system) {
  if (Status utf8 = check_utf8(bytes, source_name); !utf8.is_ok()) return utf8;
  OrderFile file;
  std::unordered_set<std::string> seen;
  std::size_t line_number = 0;
  while (!bytes.empty()) {
    const std::size_t end = bytes.find('\n');
    std::string_view line = bytes.substr(0, end);
    bytes.remove_prefix(end == std::string_view::npos ? bytes.size() : end + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim_whitespace(line).empty()) continue;
    const std::string location = source_name + ":" + std::to_string(line_number);

    // Columns per icd10OrderFiles.pdf; the long title may be absent only on broken lines.
    if (line.size() < 17) {
      file.skipped.add(location, "line has " + std::to_string(line.size()) +
                                     " characters, an order entry needs at least 17");
      continue;
    }
    const std::string_view order = line.substr(0, 5);
    const std::string code(trim_whitespace(line.substr(6, 7)));
    const char flag = line[14];
    if (!all_digits(order)) {
      file.skipped.add(location, "order number " + quote_for_message(order) + " is not 5 digits");
      continue;
    }
    // PCS header lines name a table ("0DT"), valid codes have all 7 characters.
    const bool shape_ok = system == kIcd10Pcs
                              ? (flag == '1' ? is_icd10pcs_shape(code) : is_icd10pcs_prefix_shape(code))
                              : is_icd10cm_shape(code);
    if (!shape_ok) {
      file.skipped.add(location, "code " + quote_for_message(code) + " is not a valid " +
                                     std::string(system) + " code");
      continue;
    }
    if (flag != '0' && flag != '1') {
      file.skipped.add(location, "header flag " + quote_for_message(std::string(1, flag)) +
                                     " is not 0 or 1");
      continue;
    }
    if (!seen.insert(code).second) {
      file.skipped.add(location, "code " + code + " appears twice; keeping the first");
      continue;
    }
    OrderEntry entry;
    entry.order_number = std::stoi(std::string(order));
    entry.code = code;
    entry.is_billable = flag == '1';
    entry.short_title = std::string(trim_whitespace(line.substr(16, 60)));
    entry.long_title = line.size() > 77 ? std::string(trim_whitespace(line.substr(77))) : entry.short_title;
    if (entry.long_title.empty()) entry.long_title = entry.short_title;
    entry.line = line_number;
    file.entries.push_back(std::move(entry));
  }
  if (file.entries.empty()) {
    return Status::data_error(source_name + ": no order entries found; is this an order file?");
  }
  return file;
}

}  // namespace medcode::indexer
