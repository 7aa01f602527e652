#include "indexer/sources/local_code_set_reader.h"

#include <gtest/gtest.h>

#include <map>

namespace medcode::indexer {
namespace {

// Invented codes only: medcode never ships CPT descriptors.
TEST(LocalCodeSetReaderTest, ReadsTsvWithAnyColumnOrder) {
  const std::string text =
      "# local procedure codes\n"
      "title\tcode\tsynonyms\tparent\tbillable\tdescription\n"
      "Widget procedures\tZZ100\t\t\tno\t\n"
      "Widget insertion, left\tZZ101\twidget placement|widget implant\tZZ100\tyes\tPlacing a widget.\n"
      "Widget removal\tzz.102\t\tZZ100\t\t\n";
  auto set = read_local_code_set(text, "local.tsv");
  ASSERT_TRUE(set.is_ok()) << set.status().to_string();
  ASSERT_EQ(set.value().codes.size(), 3u);
  const LocalCode& insertion = set.value().codes[1];
  EXPECT_EQ(insertion.code, "ZZ101");
  EXPECT_EQ(insertion.title, "Widget insertion, left");
  EXPECT_EQ(insertion.synonyms, (std::vector<std::string>{"widget placement", "widget implant"}));
  EXPECT_EQ(insertion.parent, "ZZ100");
  EXPECT_EQ(insertion.description, "Placing a widget.");
  EXPECT_TRUE(insertion.is_billable);
  EXPECT_FALSE(set.value().codes[0].is_billable);
  EXPECT_EQ(set.value().codes[2].code, "ZZ102");  // compact form
  EXPECT_TRUE(set.value().codes[2].is_billable);  // billable by default
}

TEST(LocalCodeSetReaderTest, ReadsJsonLines) {
  const std::string text =
      "{\"code\":\"99901\",\"title\":\"Invented visit, brief\",\"synonyms\":[\"short visit\"],\"billable\":true}\n"
      "\n"
      "{\"code\":99902,\"title\":\"Invented visit, long\",\"parent\":\"99901\",\"description\":\"More time.\"}\n"
      "not json\n"
      "{\"code\":\"99903\",\"title\":\"Flag wrong\",\"billable\":\"maybe\"}\n";
  auto set = read_local_code_set(text, "codes.jsonl");
  ASSERT_TRUE(set.is_ok()) << set.status().to_string();
  ASSERT_EQ(set.value().codes.size(), 2u);
  EXPECT_EQ(set.value().codes[0].synonyms, std::vector<std::string>{"short visit"});
  EXPECT_EQ(set.value().codes[1].code, "99902");
  EXPECT_EQ(set.value().codes[1].parent, "99901");
  ASSERT_EQ(set.value().skipped.count(), 2u);
  EXPECT_EQ(set.value().skipped.examples()[0], "codes.jsonl:4: not a JSON object (one object per line)");
  EXPECT_EQ(set.value().skipped.examples()[1], "codes.jsonl:5: \"billable\" is not true or false");
}

TEST(LocalCodeSetReaderTest, SkipsBadRowsAndRefusesBadFiles) {
  auto set = read_local_code_set("code\ttitle\nA1\tOne\nA1\tAgain\n\tNo code\nB/2\tSlash\nC3\t\n", "x.tsv");
  ASSERT_TRUE(set.is_ok()) << set.status().to_string();
  EXPECT_EQ(set.value().codes.size(), 1u);
  ASSERT_EQ(set.value().skipped.count(), 4u);
  EXPECT_EQ(set.value().skipped.examples()[0], "x.tsv:3: code A1 appears twice; keeping the first");
  EXPECT_EQ(set.value().skipped.examples()[2], "x.tsv:5: code \"B/2\" is not 1-32 letters or digits (dots are ignored)");
  EXPECT_EQ(set.value().skipped.examples()[3], "x.tsv:6: code C3 has no title");

  auto header = read_local_code_set("id\tname\nA1\tOne\n", "x.tsv");
  ASSERT_FALSE(header.is_ok());
  EXPECT_NE(header.status().message().find("x.tsv:1: the header row must name the columns \"code\" and \"title\""),
            std::string::npos);
  auto none = read_local_code_set("code\ttitle\n", "x.tsv");
  ASSERT_FALSE(none.is_ok());
  EXPECT_EQ(none.status().message(), "x.tsv: no codes found (0 rows skipped)");
  auto invalid = read_local_code_set("code\ttitle\nA1\t\xc3(\n", "x.tsv");
  ASSERT_FALSE(invalid.is_ok());
  EXPECT_NE(invalid.status().message().find("invalid UTF-8"), std::string::npos);
}

// A FHIR CodeSystem resource as a code set: nesting and the parent property give the
// hierarchy, designations the synonyms, notSelectable the billable flag.
TEST(LocalCodeSetReaderTest, ReadsAFhirCodeSystem) {
  const std::string text = R"({"resourceType":"CodeSystem","url":"http://example.org/cs/widgets","status":"active",
    "content":"complete","concept":[
      {"code":"ZZ100","display":"Widget procedures","property":[{"code":"notSelectable","valueBoolean":true}],
       "concept":[{"code":"ZZ101","display":"Widget insertion, left","definition":"Placing a widget.",
                   "designation":[{"value":"widget placement"},{"language":"de","value":"Widget-Einsetzen"}]}]},
      {"code":"ZZ102","display":"Widget removal","property":[{"code":"parent","valueCode":"ZZ100"}]},
      {"code":"not-a-code!","display":"Refused: the import code format is letters and digits"}]})";
  auto set = read_local_code_set(text, "widgets.json");
  ASSERT_TRUE(set.is_ok()) << set.status().to_string();
  ASSERT_EQ(set.value().codes.size(), 3u);
  std::map<std::string, LocalCode> by_code;
  for (const LocalCode& code : set.value().codes) by_code[code.code] = code;
  EXPECT_FALSE(by_code["ZZ100"].is_billable);
  EXPECT_EQ(by_code["ZZ101"].parent, "ZZ100");
  EXPECT_EQ(by_code["ZZ101"].title, "Widget insertion, left");
  EXPECT_EQ(by_code["ZZ101"].description, "Placing a widget.");
  EXPECT_EQ(by_code["ZZ101"].synonyms, (std::vector<std::string>{"widget placement", "Widget-Einsetzen"}));
  EXPECT_TRUE(by_code["ZZ101"].is_billable);
  EXPECT_EQ(by_code["ZZ102"].parent, "ZZ100");
  EXPECT_EQ(set.value().skipped.count(), 1u);

  auto not_code_system = read_local_code_set(R"({"resourceType":"ValueSet"})", "vs.json");
  ASSERT_FALSE(not_code_system.is_ok());
  EXPECT_NE(not_code_system.status().message().find("vs.json: resourceType is \"ValueSet\", not CodeSystem"), std::string::npos)
      << not_code_system.status().message();
  EXPECT_FALSE(read_local_code_set("{\"resourceType\":", "broken.json").is_ok());
  // Unclosed brackets a hundred thousand deep: refused by the (iterative) parser.
  std::string unclosed = R"({"resourceType":"CodeSystem","concept":)";
  for (int i = 0; i < 100000; ++i) unclosed += "[";
  EXPECT_FALSE(read_local_code_set(unclosed, "unclosed.json").is_ok());
}

// A well-formed chain of concepts 50,000 deep: walked without recursion, every code with its
// parent, and no location text growing with depth.
TEST(LocalCodeSetReaderTest, ReadsAVeryDeepFhirCodeSystemWithoutRecursion) {
  constexpr int kDepth = 50000;
  std::string deep = R"({"resourceType":"CodeSystem","concept":)";
  for (int i = 0; i < kDepth; ++i) deep += R"([{"code":"A)" + std::to_string(i) + R"(","display":"Level )" + std::to_string(i) + R"(","concept":)";
  deep += "[]";
  for (int i = 0; i < kDepth; ++i) deep += "}]";
  deep += "}";
  auto set = read_local_code_set(deep, "deep.json");
  ASSERT_TRUE(set.is_ok()) << set.status().to_string();
  ASSERT_EQ(set.value().codes.size(), static_cast<std::size_t>(kDepth));
  EXPECT_EQ(set.value().codes.back().code, "A49999");
  EXPECT_EQ(set.value().codes.back().parent, "A49998");
  EXPECT_LT(set.value().codes.back().location.size(), 64u);
}

}  // namespace
}  // namespace medcode::indexer
