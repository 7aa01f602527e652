#include "indexer/sources/icd10pcs_index_reader.h"

#include "common/code_format.h"
#include "common/text_trim.h"
#include "common/utf8.h"
#include "indexer/sources/xml_document.h"

namespace medcode::indexer {
namespace {

// The element's own text without its children's: "<see>Resection, Appendix<codes>0DTJ
// </codes></see>" -> "Resection, Appendix".
std::string own_text(const pugi::xml_node& node) {
  std::string text;
  for (const pugi::xml_node& child : node.children()) {
    if (child.type() == pugi::node_pcdata) text += child.value();
  }
  return std::string(trim_whitespace(text));
}

bool is_pcs_prefix(const std::string& code) {
  if (code.size() < 3 || code.size() > 7) return false;
  return is_icd10pcs_shape(code + std::string(7 - code.size(), '0'));
}

class PcsIndexWalker {
 public:
  PcsIndexWalker(const XmlDocument& xml, PcsIndex& out) : xml_(xml), out_(out) {}

  void term(const pugi::xml_node& node, std::vector<std::string>& path) {
    const std::string title = collapsed_text(node.child("title"));
    if (!title.empty()) path.push_back(title);
    PcsIndexEntry entry;
    entry.path = path;
    entry.location = xml_.location_of(node);
    const pugi::xml_node see = node.child("see");
    entry.see = own_text(see);
    entry.use = collapsed_text(node.child("use"));
    for (const pugi::xml_node& holder : {node, see}) {
      for (const char* name : {"code", "codes", "tab"}) {
        if (entry.code_prefix.empty() && holder.child(name)) {
          entry.code_prefix = checked_prefix(holder.child(name), entry.location);
        }
      }
    }
    if (!entry.path.empty()) out_.entries.push_back(std::move(entry));
    for (const pugi::xml_node& child : node.children("term")) term(child, path);
    if (!title.empty()) path.pop_back();
  }

 private:
  std::string checked_prefix(const pugi::xml_node& element, const std::string& location) {
    const std::string raw = collapsed_text(element);
    const std::string code = compact_code(raw);
    if (is_pcs_prefix(code)) return code;
    out_.skipped.add(location, "code " + quote_for_message(raw) + " is not an ICD-10-PCS code or prefix");
    return "";
  }

  const XmlDocument& xml_;
  PcsIndex& out_;
};

}  // namespace

Result<PcsIndex> read_icd10pcs_index(std::string bytes, const std::string& source_name) {
  auto parsed = XmlDocument::parse_with_root(std::move(bytes), source_name, "ICD10PCS.index");
  if (!parsed.is_ok()) return parsed.status();
  PcsIndex index;
  PcsIndexWalker walker(*parsed.value(), index);
  std::vector<std::string> path;
  for (const pugi::xml_node& main_term : index_main_terms(parsed.value()->root())) {
    walker.term(main_term, path);
  }
  if (index.entries.empty()) return Status::data_error(source_name + ": no <mainTerm> entries found");
  return index;
}

}  // namespace medcode::indexer
