#include "indexer/sources/icd10pcs_definitions_reader.h"

#include "indexer/sources/xml_document.h"

namespace medcode::indexer {

Result<PcsDefinitions> read_icd10pcs_definitions(std::string bytes, const std::string& source_name) {
  auto parsed = XmlDocument::parse_with_root(std::move(bytes), source_name, "ICD10PCS.definitions");
  if (!parsed.is_ok()) return parsed.status();
  PcsDefinitions definitions;
  for (const pugi::xml_node& section : parsed.value()->root().children("section")) {
    const std::string section_code = section.attribute("code").as_string();
    for (const pugi::xml_node& axis : section.children("axis")) {
      const int position = axis.attribute("pos").as_int();
      const std::string axis_title = collapsed_text(axis.child("title"));
      for (const pugi::xml_node& terms : axis.children("terms")) {
        PcsDefinition term{section_code, position, axis_title, {}, "", "", {}};
        for (const pugi::xml_node& title : terms.children("title")) term.titles.push_back(collapsed_text(title));
        term.definition = collapsed_text(terms.child("definition"));
        term.explanation = collapsed_text(terms.child("explanation"));
        for (const pugi::xml_node& include : terms.children("includes")) {
          term.includes.push_back(collapsed_text(include));
        }
        if (!term.titles.empty()) definitions.terms.push_back(std::move(term));
      }
    }
  }
  if (definitions.terms.empty()) return Status::data_error(source_name + ": no <terms> found");
  return definitions;
}

}  // namespace medcode::indexer
