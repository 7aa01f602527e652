#include "indexer/sources/icd10cm_index_reader.h"

#include "common/code_format.h"
#include "common/utf8.h"
#include "indexer/sources/xml_document.h"

namespace medcode::indexer {
namespace {

class IndexWalker {
 public:
  IndexWalker(const XmlDocument& xml, IndexTerms& out) : xml_(xml), out_(out) {}

  // Reads a <mainTerm> or <term> and, depth first, its subterms.
  void term(const pugi::xml_node& node, std::vector<std::string>& path) {
    path.push_back(collapsed_text(node.child("title")));
    IndexTermEntry entry;
    entry.path = path;
    entry.location = xml_.location_of(node);
    entry.code = checked_code(node.child("code"), entry.location);
    entry.manifestation_code = checked_code(node.child("manif"), entry.location);
    entry.see = collapsed_text(node.child("see"));
    entry.see_also = collapsed_text(node.child("seeAlso"));
    out_.entries.push_back(std::move(entry));
    for (const pugi::xml_node& child : node.children("term")) term(child, path);
    path.pop_back();
  }

 private:
  std::string checked_code(const pugi::xml_node& element, const std::string& location) {
    if (!element) return "";
    const std::string raw = collapsed_text(element);
    std::string code = compact_code(raw);
    if (is_icd10cm_shape(code)) return code;
    out_.skipped.add(location, "code " + quote_for_message(raw) + " is not an ICD-10-CM code");
    return "";
  }

  const XmlDocument& xml_;
  IndexTerms& out_;
};

}  // namespace

Result<IndexTerms> read_icd10cm_index(std::string bytes, const std::string& source_name) {
  auto parsed = XmlDocument::parse_with_root(std::move(bytes), source_name, "ICD10CM.index");
  if (!parsed.is_ok()) return parsed.status();
  const XmlDocument& xml = *parsed.value();
  const pugi::xml_node root = xml.root();
  IndexTerms terms;
  IndexWalker walker(xml, terms);
  std::vector<std::string> path;
  for (const pugi::xml_node& main_term : index_main_terms(root)) walker.term(main_term, path);
  if (terms.entries.empty()) {
    return Status::data_error(source_name + ": no <mainTerm> entries found in the index");
  }
  return terms;
}

}  // namespace medcode::indexer
