#include "indexer/sources/icd10pcs_tables_reader.h"

#include "common/utf8.h"
#include "indexer/sources/xml_document.h"

namespace medcode::indexer {
namespace {

std::string key_of(const std::string& table, int position, const std::string& character) {
  return table + std::to_string(position) + character;
}

class TableWalker {
 public:
  TableWalker(const XmlDocument& xml, PcsTables& out) : xml_(xml), out_(out) {}

  void table(const pugi::xml_node& node) {
    // Positions 1-3 come first, one label each; together they name the table.
    std::string prefix;
    std::vector<std::pair<int, PcsAxisValue>> fixed;
    for (const pugi::xml_node& axis : node.children("axis")) {
      const int position = axis.attribute("pos").as_int();
      const pugi::xml_node label = axis.child("label");
      const std::string character = label.attribute("code").as_string();
      if (position < 1 || position > 3 || character.size() != 1) {
        out_.skipped.add(xml_.location_of(axis), "table axis without a position 1-3 and a one-character label code");
        return;
      }
      prefix += character;
      fixed.push_back({position, PcsAxisValue{collapsed_text(axis.child("title")),
                                              collapsed_text(label),
                                              collapsed_text(axis.child("definition"))}});
    }
    if (prefix.size() != 3) {
      out_.skipped.add(xml_.location_of(node), "table does not define positions 1-3");
      return;
    }
    ++out_.table_count;
    for (auto& [position, value] : fixed) {
      out_.values.emplace(key_of(prefix, position, prefix.substr(position - 1, 1)), std::move(value));
    }
    for (const pugi::xml_node& row : node.children("pcsRow")) {
      for (const pugi::xml_node& axis : row.children("axis")) {
        const int position = axis.attribute("pos").as_int();
        if (position < 4 || position > 7) {
          out_.skipped.add(xml_.location_of(axis), "row axis with position " +
                                                       std::to_string(position) + ", expected 4-7");
          continue;
        }
        const std::string title = collapsed_text(axis.child("title"));
        for (const pugi::xml_node& label : axis.children("label")) {
          const std::string character = label.attribute("code").as_string();
          if (character.size() != 1) {
            out_.skipped.add(xml_.location_of(label),
                             "label code " + quote_for_message(character) + " is not one character");
            continue;
          }
          out_.values.emplace(key_of(prefix, position, character),
                              PcsAxisValue{title, collapsed_text(label), ""});
        }
      }
    }
  }

 private:
  const XmlDocument& xml_;
  PcsTables& out_;
};

}  // namespace

const PcsAxisValue* PcsTables::find(const std::string& code, int position) const {
  if (code.size() < 3 || position < 1 || position > static_cast<int>(code.size())) return nullptr;
  auto found = values.find(key_of(code.substr(0, 3), position, code.substr(position - 1, 1)));
  return found == values.end() ? nullptr : &found->second;
}

Result<PcsTables> read_icd10pcs_tables(std::string bytes, const std::string& source_name) {
  auto parsed = XmlDocument::parse_with_root(std::move(bytes), source_name, "ICD10PCS.tabular");
  if (!parsed.is_ok()) return parsed.status();
  PcsTables tables;
  TableWalker walker(*parsed.value(), tables);
  for (const pugi::xml_node& table : parsed.value()->root().children("pcsTable")) walker.table(table);
  if (tables.table_count == 0) {
    return Status::data_error(source_name + ": no <pcsTable> with positions 1-3 found");
  }
  return tables;
}

}  // namespace medcode::indexer
