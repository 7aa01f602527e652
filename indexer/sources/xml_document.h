// Parses one official XML file (pugixml) after checking it is valid UTF-8, and turns a
// node back into "file:line:column" so every reader error names its place.
#pragma once

#include <pugixml.hpp>

#include <memory>
#include <string>
#include <vector>

#include "common/status.h"

namespace medcode::indexer {

class XmlDocument {
 public:
  // Parses bytes; source_name prefixes every message. Entities are never expanded or
  // fetched. Errors (kDataError):
  // "<name>:<line>:<col>: invalid UTF-8 (byte 0xFF)",
  // "<name>:<line>:<col>: malformed XML: <pugixml description>",
  // "<name>:<line>:<col>: the document type declares entities (<!ENTITY ...>), ..." and
  // "<name>:<line>:<col>: <term> is nested more than 64 elements deep ..." (kMaxXmlDepth).
  static Result<std::unique_ptr<XmlDocument>> parse(std::string bytes, std::string source_name);

  // parse(), then checks the root element's name: kDataError "<name>: root element is <x>,
  // expected <ICD10CM.index>" otherwise.
  static Result<std::unique_ptr<XmlDocument>> parse_with_root(std::string bytes,
                                                              std::string source_name,
                                                              const char* expected_root);

  const pugi::xml_document& document() const { return document_; }
  pugi::xml_node root() const { return document_.document_element(); }
  const std::string& source_name() const { return source_name_; }

  // "<name>:<line>" for a node of this document, for error and skip messages.
  std::string location_of(const pugi::xml_node& node) const;
  // 1-based line of a node.
  std::size_t line_of(const pugi::xml_node& node) const;

 private:
  XmlDocument() = default;
  std::string bytes_;
  std::string source_name_;
  std::vector<std::size_t> line_starts_;  // byte offset where each line begins
  pugi::xml_document document_;
};

// The <mainTerm> elements of every <letter> of an index document, in order.
std::vector<pugi::xml_node> index_main_terms(const pugi::xml_node& root);

// The text of an element with its children's text joined by single spaces and trimmed:
// "<title>Abasia<nemod>(-astasia)</nemod></title>" -> "Abasia (-astasia)".
std::string collapsed_text(const pugi::xml_node& node);

}  // namespace medcode::indexer
