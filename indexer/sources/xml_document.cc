#include "indexer/sources/xml_document.h"

#include <algorithm>
#include <cstring>

#include "common/utf8.h"
#include "indexer/sources/source_limits.h"

namespace medcode::indexer {
namespace {

// The first element nested deeper than kMaxXmlDepth, or an empty node. pugixml parses
// without recursion, but our readers walk trees recursively; this walk does not.
pugi::xml_node first_too_deep(const pugi::xml_document& document) {
  std::size_t depth = 1;  // of node: 1 for the root element
  for (pugi::xml_node node = document.first_child(); node;) {
    if (node.type() == pugi::node_element && depth > kMaxXmlDepth) return node;
    if (node.first_child()) {
      node = node.first_child();
      ++depth;
      continue;
    }
    while (node != document && !node.next_sibling()) {
      node = node.parent();
      --depth;
    }
    if (node == document) break;
    node = node.next_sibling();
  }
  return {};
}

// A DOCTYPE that declares entities: what "billion laughs" (nested expansion) and external
// entities (SYSTEM "file:///etc/passwd") are made of. pugixml expands neither and would
// leave "&name;" in the text; the official files have no DOCTYPE at all.
pugi::xml_node entity_declaration(const pugi::xml_document& document) {
  for (const pugi::xml_node& node : document.children()) {
    if (node.type() == pugi::node_doctype && std::strstr(node.value(), "<!ENTITY") != nullptr)
      return node;
  }
  return {};
}

}  // namespace

Result<std::unique_ptr<XmlDocument>> XmlDocument::parse(std::string bytes,
                                                        std::string source_name) {
  std::unique_ptr<XmlDocument> xml(new XmlDocument());
  xml->bytes_ = std::move(bytes);
  xml->source_name_ = std::move(source_name);
  const std::string& text = xml->bytes_;
  if (Status utf8 = check_utf8(text, xml->source_name_); !utf8.is_ok()) return utf8;
  const pugi::xml_parse_result parsed = xml->document_.load_buffer(
      text.data(), text.size(), pugi::parse_default | pugi::parse_doctype, pugi::encoding_utf8);
  xml->line_starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') xml->line_starts_.push_back(i + 1);
  }
  if (!parsed) {
    const TextPosition at = position_at(text, static_cast<std::size_t>(parsed.offset));
    return Status::data_error(xml->source_name_ + ":" + std::to_string(at.line) + ":" +
                              std::to_string(at.column) +
                              ": malformed XML: " + parsed.description());
  }
  auto place = [&](const pugi::xml_node& node) {
    const TextPosition at =
        position_at(text, static_cast<std::size_t>(std::max<ptrdiff_t>(node.offset_debug(), 0)));
    return xml->source_name_ + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
  };
  if (const pugi::xml_node declared = entity_declaration(xml->document_)) {
    return Status::data_error(
        place(declared) +
        ": the document type declares entities (<!ENTITY ...>), which medcode neither expands "
        "nor fetches; the official files declare none, so this is not one of them: fetch it "
        "again with corpus/fetch");
  }
  if (const pugi::xml_node deep = first_too_deep(xml->document_)) {
    return Status::data_error(
        place(deep) + ": <" + deep.name() + "> is nested more than " +
        std::to_string(kMaxXmlDepth) +
        " elements deep (the official files nest at most 13): the file is damaged or not "
        "official; fetch it again with corpus/fetch");
  }
  return xml;
}

Result<std::unique_ptr<XmlDocument>> XmlDocument::parse_with_root(std::string bytes,
                                                                 std::string source_name,
                                                                 const char* expected_root) {
  auto parsed = parse(std::move(bytes), std::move(source_name));
  if (!parsed.is_ok()) return parsed;
  const pugi::xml_node root = parsed.value()->root();
  if (std::strcmp(root.name(), expected_root) != 0) {
    return Status::data_error(parsed.value()->source_name() + ": root element is <" +
                              root.name() + ">, expected <" + expected_root + ">");
  }
  return parsed;
}

std::vector<pugi::xml_node> index_main_terms(const pugi::xml_node& root) {
  std::vector<pugi::xml_node> main_terms;
  for (const pugi::xml_node& letter : root.children("letter")) {
    for (const pugi::xml_node& main_term : letter.children("mainTerm")) main_terms.push_back(main_term);
  }
  return main_terms;
}

std::size_t XmlDocument::line_of(const pugi::xml_node& node) const {
  const ptrdiff_t offset = node.offset_debug();
  if (offset < 0) return 0;
  // Readers ask for many locations; a binary search keeps that linear in file size.
  const auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(),
                                      static_cast<std::size_t>(offset));
  return static_cast<std::size_t>(after - line_starts_.begin());
}

std::string XmlDocument::location_of(const pugi::xml_node& node) const {
  return source_name_ + ":" + std::to_string(line_of(node));
}

std::string collapsed_text(const pugi::xml_node& node) {
  std::string out;
  bool pending_space = false;
  auto append = [&](const char* text) {
    for (const char* p = text; *p != '\0'; ++p) {
      const char c = *p;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        pending_space = !out.empty();
        continue;
      }
      if (pending_space) out += ' ';
      pending_space = false;
      out += c;
    }
  };
  for (pugi::xml_node descendant = node.first_child(); descendant;) {
    if (descendant.type() == pugi::node_pcdata || descendant.type() == pugi::node_cdata) {
      append(descendant.value());
      pending_space = !out.empty();
    }
    // Depth-first walk without recursion.
    if (descendant.first_child()) {
      descendant = descendant.first_child();
      continue;
    }
    while (descendant && !descendant.next_sibling() && descendant != node) {
      descendant = descendant.parent();
    }
    if (!descendant || descendant == node) break;
    descendant = descendant.next_sibling();
  }
  return out;
}

}  // namespace medcode::indexer
