#include "indexer/sources/xml_document.h"

#include <gtest/gtest.h>

#include <string>

#include "indexer/sources/source_limits.h"

namespace medcode::indexer {
namespace {

// depth elements <e>, each inside the one before.
std::string nested(std::size_t depth) {
  std::string xml;
  for (std::size_t i = 0; i < depth; ++i) xml += "<e>";
  for (std::size_t i = 0; i < depth; ++i) xml += "</e>";
  return xml;
}

constexpr const char* kEntitiesRefused =
    ": the document type declares entities (<!ENTITY ...>), which medcode neither expands nor "
    "fetches; the official "
    "files declare none, so this is not one of them: fetch it again with corpus/fetch";

// Entity declarations of every kind are refused where the DOCTYPE is, before any reader
// sees "&name;" left in the text.
TEST(XmlDocumentTest, RefusesEntityDeclarations) {
  const struct {
    const char* xml;
    const char* message;
  } rows[] = {
      // Internal entities, nested: the "billion laughs".
      {"<!DOCTYPE a [<!ENTITY x \"xx\"><!ENTITY y \"&x;&x;\">]><a>&y;</a>", "t.xml:1:11"},
      // External entities: a local file, a URL.
      {"<?xml version=\"1.0\"?>\n<!DOCTYPE a [\n<!ENTITY e SYSTEM "
       "\"file:///etc/passwd\">]><a>&e;</a>",
       "t.xml:2:11"},
      {"<!DOCTYPE a [<!ENTITY e PUBLIC \"-//x\" \"http://example.invalid/e\">]><a>&e;</a>",
       "t.xml:1:11"},
      // A parameter entity, which expands inside the DTD itself.
      {"<!DOCTYPE a [<!ENTITY % p \"<!ENTITY q 'z'>\"> %p;]><a/>", "t.xml:1:11"},
  };
  for (const auto& row : rows) {
    auto parsed = XmlDocument::parse(row.xml, "t.xml");
    ASSERT_FALSE(parsed.is_ok()) << row.xml;
    EXPECT_EQ(parsed.status().code(), StatusCode::kDataError);
    EXPECT_EQ(parsed.status().message(), std::string(row.message) + kEntitiesRefused) << row.xml;
  }
}

// A DOCTYPE that declares nothing is harmless, and the five predefined entities still work.
TEST(XmlDocumentTest, ReadsDoctypeWithoutEntitiesAndPredefinedOnes) {
  auto parsed =
      XmlDocument::parse("<!DOCTYPE a SYSTEM \"a.dtd\"><a>&lt;&amp;&gt;&quot;&apos;</a>", "t.xml");
  ASSERT_TRUE(parsed.is_ok()) << parsed.status().to_string();
  EXPECT_STREQ(parsed.value()->root().name(), "a");
  EXPECT_STREQ(parsed.value()->root().text().get(), "<&>\"'");
}

// Nesting up to kMaxXmlDepth is read; one deeper is refused at the first element too deep.
TEST(XmlDocumentTest, RefusesNestingDeeperThanTheCap) {
  EXPECT_TRUE(XmlDocument::parse(nested(kMaxXmlDepth), "t.xml").is_ok());
  auto deeper = XmlDocument::parse(nested(kMaxXmlDepth + 1), "t.xml");
  ASSERT_FALSE(deeper.is_ok());
  EXPECT_EQ(deeper.status().code(), StatusCode::kDataError);
  // The 65th <e> follows 64 "<e>"s: its name is at column 64 * 3 + 2.
  EXPECT_EQ(deeper.status().message(),
            "t.xml:1:194: <e> is nested more than 64 elements deep (the official files nest at "
            "most 13): the file is "
            "damaged or not official; fetch it again with corpus/fetch");
  // A million deep: pugixml parses without recursion, and so does the depth check.
  auto million = XmlDocument::parse(nested(1000000), "t.xml");
  ASSERT_FALSE(million.is_ok());
  EXPECT_EQ(million.status().message().rfind("t.xml:1:194: <e> is nested more than 64", 0), 0u);
}

// Siblings do not add depth: a wide, shallow document is fine.
TEST(XmlDocumentTest, CountsDepthNotSiblings) {
  std::string wide = "<a>";
  for (int i = 0; i < 10000; ++i) wide += "<b><c/></b>";
  wide += "</a>";
  EXPECT_TRUE(XmlDocument::parse(wide, "t.xml").is_ok());
}

}  // namespace
}  // namespace medcode::indexer
