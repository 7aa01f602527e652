#include "indexer/sources/icd10cm_table_reader.h"

#include "common/code_format.h"
#include "common/utf8.h"
#include "indexer/sources/xml_document.h"

namespace medcode::indexer {
namespace {

class TableWalker {
 public:
  TableWalker(const XmlDocument& xml, TableEntries& out) : xml_(xml), out_(out) {}

  void term(const pugi::xml_node& node, std::vector<std::string>& path) {
    path.push_back(collapsed_text(node.child("title")));
    for (const pugi::xml_node& cell : node.children("cell")) this->cell(cell, path);
    for (const pugi::xml_node& child : node.children("term")) term(child, path);
    path.pop_back();
  }

 private:
  void cell(const pugi::xml_node& node, const std::vector<std::string>& path) {
    const std::string raw = collapsed_text(node);
    // "--" (drug table) and "-" (neoplasm table) both mean that no code applies.
    if (raw.empty() || raw == "--" || raw == "-") return;
    const std::string location = xml_.location_of(node);
    const int column = node.attribute("col").as_int(0);
    if (column < 2 || static_cast<std::size_t>(column) > out_.headings.size()) {
      out_.skipped.add(location, "cell col=" + quote_for_message(node.attribute("col").value()) +
                                     " has no column heading");
      return;
    }
    const std::string code = compact_code(raw);
    if (!is_icd10cm_shape(code)) {
      out_.skipped.add(location, "cell " + quote_for_message(raw) + " is not an ICD-10-CM code");
      return;
    }
    out_.entries.push_back(TableCellEntry{path, out_.headings[column - 1], code, location});
  }

  const XmlDocument& xml_;
  TableEntries& out_;
};

}  // namespace

Result<TableEntries> read_icd10cm_table(std::string bytes, const std::string& source_name) {
  auto parsed = XmlDocument::parse_with_root(std::move(bytes), source_name, "ICD10CM.index");
  if (!parsed.is_ok()) return parsed.status();
  const XmlDocument& xml = *parsed.value();
  const pugi::xml_node root = xml.root();
  const pugi::xml_node heading = root.child("indexHeading");
  if (!heading) {
    return Status::data_error(source_name +
                              ": no <indexHeading>; is this the drug or neoplasm table?");
  }
  TableEntries table;
  for (const pugi::xml_node& head : heading.children("head")) {
    const int column = head.attribute("col").as_int(0);
    if (column < 1 || column > 32) {
      return Status::data_error(xml.location_of(head) + ": <head> col=" +
                                quote_for_message(head.attribute("col").value()) +
                                " is not a column number 1-32");
    }
    if (table.headings.size() < static_cast<std::size_t>(column)) table.headings.resize(column);
    table.headings[column - 1] = collapsed_text(head);
  }
  TableWalker walker(xml, table);
  std::vector<std::string> path;
  for (const pugi::xml_node& main_term : index_main_terms(root)) walker.term(main_term, path);
  return table;
}

}  // namespace medcode::indexer
