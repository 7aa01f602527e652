#include "indexer/sources/conversion_table_reader.h"

#include "common/code_format.h"
#include "common/utf8.h"
#include "indexer/sources/xlsx_sheet_reader.h"

namespace medcode::indexer {
namespace {

// "A04.7, A04.9" or "A04.7 A04.9" -> compact codes.
std::vector<std::string> codes_in(const std::string& text) {
  std::vector<std::string> codes;
  std::string token;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : ' ';
    if (c == ',' || c == ';' || c == ' ' || c == '\n' || c == '\t') {
      const std::string code = compact_code(token);
      if (is_icd10cm_shape(code)) codes.push_back(code);
      token.clear();
    } else {
      token += c;
    }
  }
  return codes;
}

}  // namespace

Result<ConversionTable> read_conversion_table(const std::string& path) {
  auto sheet = read_xlsx_first_sheet(path);
  if (!sheet.is_ok()) return sheet.status();
  ConversionTable table;
  bool in_table = false;
  for (const XlsxRow& row : sheet.value().rows) {
    auto cell = [&](std::size_t i) { return i < row.cells.size() ? row.cells[i] : std::string(); };
    if (!in_table) {
      in_table = cell(0).find("Current code assignment") != std::string::npos;
      continue;
    }
    const std::string location = path + ": row " + std::to_string(row.number);
    const std::string current = compact_code(cell(0));
    if (!is_icd10cm_shape(current)) {
      if (!cell(0).empty()) table.skipped.add(location, "code " + quote_for_message(cell(0)) + " is not ICD-10-CM");
      continue;
    }
    table.conversions.push_back({current, cell(1), codes_in(cell(2))});
  }
  if (!in_table) {
    return Status::data_error(path + ": no \"Current code assignment\" header row; is this the ICD-10-CM conversion table?");
  }
  return table;
}

}  // namespace medcode::indexer
