// Reads the first worksheet of an Office Open XML workbook (.xlsx, ECMA-376 SpreadsheetML),
// the format CMS publishes the HCPCS ANWEB file and the ICD-10-CM conversion table in:
// a zip of XML parts, cells referring to a shared-string table.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"

namespace medcode::indexer {

struct XlsxRow {
  std::size_t number = 0;           // 1-based row number in the sheet
  std::vector<std::string> cells;   // by column, A = 0; missing cells are ""
};

struct XlsxSheet {
  std::string name;  // the sheet's name in the workbook
  std::vector<XlsxRow> rows;  // rows that have at least one cell, in sheet order
};

// Reads the first sheet of the workbook at path. Cell values are the shared string, the
// inline string, or the stored value text (numbers as written, "20251001"). Errors name the
// file and part: kNotFound "<path>: no such file", kDataError "<path>: not an xlsx workbook
// (no xl/workbook.xml)", "<path>!xl/worksheets/sheet1.xml:<line>:<col>: malformed XML",
// "<path>!...: cell A7 refers to shared string 99 of 12".
Result<XlsxSheet> read_xlsx_first_sheet(const std::string& path);

// The same for the sheet called name; kDataError naming the sheets there are when none is.
Result<XlsxSheet> read_xlsx_sheet(const std::string& path, const std::string& name);

// The names of the workbook's sheets, in workbook order.
Result<std::vector<std::string>> xlsx_sheet_names(const std::string& path);

// "A" -> 0, "AV" -> 47; -1 when ref does not start with a column name.
int xlsx_column_index(const std::string& cell_ref);

}  // namespace medcode::indexer
