#include "indexer/sources/synonym_list_reader.h"

#include <gtest/gtest.h>

namespace medcode::indexer {
namespace {

TEST(SynonymListReaderTest, ReadsRowsWithAlternativeExpansions) {
  auto list = read_synonym_list(
      "# comment\nheart attack\tmyocardial infarction\tlay\nPE\tpulmonary embolism|pleural effusion\t\n",
      "lay.tsv");
  ASSERT_TRUE(list.is_ok()) << list.status().to_string();
  EXPECT_FALSE(list.value().bidirectional);
  ASSERT_EQ(list.value().rows.size(), 2u);
  EXPECT_EQ(list.value().rows[0].term, "heart attack");
  EXPECT_EQ(list.value().rows[0].expansions, std::vector<std::string>{"myocardial infarction"});
  EXPECT_EQ(list.value().rows[1].expansions,
            (std::vector<std::string>{"pulmonary embolism", "pleural effusion"}));
  EXPECT_EQ(list.value().rows[1].location, "lay.tsv:3");
}

TEST(SynonymListReaderTest, HonoursBidirectionalDirective) {
  auto list = read_synonym_list("#! bidirectional\nrenal\tkidney\n", "anatomy.tsv");
  ASSERT_TRUE(list.is_ok());
  EXPECT_TRUE(list.value().bidirectional);
}

TEST(SynonymListReaderTest, SkipsIncompleteRowsWithLocation) {
  auto list = read_synonym_list("lonely\n\tno term\tx\nterm\t|\tx\n", "bad.tsv");
  ASSERT_TRUE(list.is_ok());
  EXPECT_TRUE(list.value().rows.empty());
  ASSERT_EQ(list.value().skipped.count(), 3u);
  EXPECT_EQ(list.value().skipped.examples()[0],
            "bad.tsv:1: expected term and expansions separated by a tab, found 1 column");
  EXPECT_EQ(list.value().skipped.examples()[1], "bad.tsv:2: row needs a term and at least one expansion");
}

TEST(SynonymListReaderTest, RejectsInvalidUtf8) {
  auto list = read_synonym_list("ok\tfine\nbad\xFF\tx\n", "bad.tsv");
  ASSERT_FALSE(list.is_ok());
  EXPECT_EQ(list.status().message(), "bad.tsv:2:4: invalid UTF-8 (byte 0xFF)");
}

}  // namespace
}  // namespace medcode::indexer
