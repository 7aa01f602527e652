#include "indexer/sources/xml_document.h"

#include <algorithm>
#include <cstring>

#include "common/utf8.h"

namespace medcode::indexer {

Result<std::unique_ptr<XmlDocument>> XmlDocument::parse(std::string bytes,
                                                        std::string source_name) {
  std::unique_ptr<XmlDocument> xml(new XmlDocument());
  xml->bytes_ = std::move(bytes);
  xml->source_name_ = std::move(source_name);
  const std::string& text = xml->bytes_;
  if (Status utf8 = check_utf8(text, xml->source_name_); !utf8.is_ok()) return utf8;
  const pugi::xml_parse_result parsed = xml->document_.load_buffer(
      text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
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
