#include "indexer/sources/code_frequency_reader.h"

#include <cctype>

#include "common/code_format.h"
#include "common/text_trim.h"
#include "indexer/sources/xlsx_sheet_reader.h"

namespace medcode::indexer {
namespace {

constexpr const char* kCodeColumn = "ICDCMCode";
constexpr const char* kCountColumn = "TotalDiag";

bool is_whole_number(const std::string& text) {
  if (text.empty() || text.size() > 15) return false;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// Column indexes of the code and count in the sheet's header row, if it has one.
bool find_columns(const XlsxSheet& sheet, std::size_t& header_row, int& code_column, int& count_column) {
  for (std::size_t row = 0; row < sheet.rows.size() && row < 10; ++row) {
    code_column = count_column = -1;
    const auto& cells = sheet.rows[row].cells;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      const std::string_view cell = trim_whitespace(cells[i]);
      if (cell == kCodeColumn) code_column = static_cast<int>(i);
      if (cell == kCountColumn) count_column = static_cast<int>(i);
    }
    if (code_column >= 0 && count_column >= 0) {
      header_row = row;
      return true;
    }
  }
  return false;
}

}  // namespace

Result<CodeFrequencies> read_code_frequencies(const std::string& path) {
  auto names = xlsx_sheet_names(path);
  if (!names.is_ok()) return names.status();
  for (const auto& name : names.value()) {
    auto sheet = read_xlsx_sheet(path, name);
    if (!sheet.is_ok()) return sheet.status();
    std::size_t header = 0;
    int code_column = -1, count_column = -1;
    if (!find_columns(sheet.value(), header, code_column, count_column)) continue;
    CodeFrequencies frequencies;
    const auto& rows = sheet.value().rows;
    for (std::size_t i = header + 1; i < rows.size(); ++i) {
      const auto& cells = rows[i].cells;
      const std::string location = path + "!" + name + ":row " + std::to_string(rows[i].number);
      const std::string raw_code = static_cast<std::size_t>(code_column) < cells.size() ? cells[code_column] : "";
      const std::string count =
          static_cast<std::size_t>(count_column) < cells.size() ? std::string(trim_whitespace(cells[count_column])) : "";
      const std::string code = compact_code(raw_code);
      if (!is_icd10cm_shape(code)) {
        frequencies.skipped.add(location, "code \"" + raw_code + "\" is not ICD-10-CM shaped");
        continue;
      }
      if (!is_whole_number(count)) {
        frequencies.skipped.add(location, "count \"" + count + "\" is not a whole number");
        continue;
      }
      frequencies.mentions[code] += std::stoull(count);
    }
    return frequencies;
  }
  return Status::data_error(path + ": no sheet has the columns " + kCodeColumn + " and " + kCountColumn +
                            "; is it an HCAI Diagnosis Code Frequencies workbook?");
}

}  // namespace medcode::indexer
