#include "indexer/sources/xlsx_sheet_reader.h"

#include <cctype>

#include "indexer/sources/source_bytes.h"
#include "indexer/sources/xml_document.h"

namespace medcode::indexer {
namespace {

Result<std::unique_ptr<XmlDocument>> load_part(const std::string& path, const std::string& member) {
  auto bytes = load_source_bytes(SourceLocation{path, member});
  if (!bytes.is_ok()) return bytes.status();
  return XmlDocument::parse(std::move(bytes).value(), path + "!" + member);
}

// The text of a shared string or inline string: plain <t>, or rich-text runs <r><t>.
std::string string_item_text(const pugi::xml_node& item) {
  std::string text;
  for (const pugi::xml_node& run : item.children()) {
    if (std::string_view(run.name()) == "t") text += run.text().get();
    if (std::string_view(run.name()) == "r") text += run.child("t").text().get();
  }
  return text;
}

// The workbook's <sheet> elements, in order.
Result<std::unique_ptr<XmlDocument>> load_workbook(const std::string& path) {
  auto workbook = load_part(path, "xl/workbook.xml");
  if (!workbook.is_ok() && workbook.status().code() == StatusCode::kNotFound) {
    return Status::data_error(path + ": not an xlsx workbook (no xl/workbook.xml)");
  }
  return workbook;
}

// The worksheet part of the sheet named wanted (the first sheet when wanted is empty), from
// the workbook and its relationships.
Result<std::string> sheet_part(const std::string& path, const std::string& wanted, std::string& sheet_name) {
  auto workbook = load_workbook(path);
  if (!workbook.is_ok()) return workbook.status();
  pugi::xml_node sheet = workbook.value()->root().child("sheets").child("sheet");
  if (!sheet) return Status::data_error(path + "!xl/workbook.xml: the workbook has no sheet");
  if (!wanted.empty()) {
    std::string names;
    for (; sheet; sheet = sheet.next_sibling("sheet")) {
      if (wanted == sheet.attribute("name").as_string()) break;
      names += (names.empty() ? "\"" : ", \"") + std::string(sheet.attribute("name").as_string()) + "\"";
    }
    if (!sheet) return Status::data_error(path + ": no sheet named \"" + wanted + "\" (it has " + names + ")");
  }
  sheet_name = sheet.attribute("name").as_string();
  const std::string relation = sheet.attribute("r:id").as_string();
  auto relations = load_part(path, "xl/_rels/workbook.xml.rels");
  if (relations.is_ok()) {
    for (const pugi::xml_node& link : relations.value()->root().children("Relationship")) {
      if (relation != link.attribute("Id").as_string()) continue;
      std::string target = link.attribute("Target").as_string();
      if (!target.empty() && target[0] == '/') return target.substr(1);
      return "xl/" + target;
    }
  }
  return std::string("xl/worksheets/sheet1.xml");  // what every writer names the first sheet
}

}  // namespace

int xlsx_column_index(const std::string& cell_ref) {
  int column = 0;
  std::size_t letters = 0;
  while (letters < cell_ref.size() && std::isupper(static_cast<unsigned char>(cell_ref[letters]))) {
    column = column * 26 + (cell_ref[letters] - 'A' + 1);
    ++letters;
  }
  return letters == 0 || letters > 3 ? -1 : column - 1;
}

Result<std::vector<std::string>> xlsx_sheet_names(const std::string& path) {
  auto workbook = load_workbook(path);
  if (!workbook.is_ok()) return workbook.status();
  std::vector<std::string> names;
  for (const pugi::xml_node& sheet : workbook.value()->root().child("sheets").children("sheet")) {
    names.push_back(sheet.attribute("name").as_string());
  }
  return names;
}

Result<XlsxSheet> read_xlsx_first_sheet(const std::string& path) { return read_xlsx_sheet(path, ""); }

Result<XlsxSheet> read_xlsx_sheet(const std::string& path, const std::string& name) {
  XlsxSheet sheet;
  auto part = sheet_part(path, name, sheet.name);
  if (!part.is_ok()) return part.status();

  std::vector<std::string> shared;
  auto strings = load_part(path, "xl/sharedStrings.xml");
  if (strings.is_ok()) {
    for (const pugi::xml_node& item : strings.value()->root().children("si")) {
      shared.push_back(string_item_text(item));
    }
  } else if (strings.status().code() != StatusCode::kNotFound) {
    return strings.status();  // a workbook of numbers only has no shared strings
  }

  auto worksheet = load_part(path, part.value());
  if (!worksheet.is_ok()) return worksheet.status();
  const XmlDocument& xml = *worksheet.value();
  const pugi::xml_node data = xml.root().child("sheetData");
  if (!data) return Status::data_error(xml.source_name() + ": worksheet has no <sheetData>");
  for (const pugi::xml_node& row_node : data.children("row")) {
    XlsxRow row;
    row.number = row_node.attribute("r").as_ullong();
    for (const pugi::xml_node& cell : row_node.children("c")) {
      const std::string ref = cell.attribute("r").as_string();
      int column = ref.empty() ? static_cast<int>(row.cells.size()) : xlsx_column_index(ref);
      if (column < 0) {
        return Status::data_error(xml.location_of(cell) + ": cell reference " + ref + " has no column");
      }
      const std::string type = cell.attribute("t").as_string();
      std::string value;
      if (type == "s") {
        const unsigned long long index = cell.child("v").text().as_ullong(~0ULL);
        if (index >= shared.size()) {
          return Status::data_error(xml.location_of(cell) + ": cell " + ref + " refers to shared string " +
                                    cell.child("v").text().get() + " of " + std::to_string(shared.size()));
        }
        value = shared[index];
      } else if (type == "inlineStr") {
        value = string_item_text(cell.child("is"));
      } else {
        value = cell.child("v").text().get();
      }
      if (static_cast<std::size_t>(column) >= row.cells.size()) row.cells.resize(column + 1);
      row.cells[column] = std::move(value);
    }
    if (!row.cells.empty()) sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

}  // namespace medcode::indexer
