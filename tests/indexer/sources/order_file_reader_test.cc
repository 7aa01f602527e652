#include "indexer/sources/order_file_reader.h"

#include <gtest/gtest.h>

#include "common/code_format.h"
#include "tests/support/fixture_corpus.h"

namespace medcode::indexer {
namespace {

std::string order_line(const char* number, const char* code, char flag, const char* title) {
  char line[200];
  std::snprintf(line, sizeof line, "%-5s %-7s %c %-60s %s\r\n", number, code, flag, title, title);
  return line;
}

TEST(OrderFileReaderTest, ReadsFixtureInOfficialLayout) {
  const std::string bytes = testing::read_file(testing::fixture_path("icd10cm/icd10cm-order-2026.txt"));
  auto file = read_order_file(bytes, "order.txt", kIcd10Cm);
  ASSERT_TRUE(file.is_ok()) << file.status().to_string();
  EXPECT_EQ(file.value().entries.size(), 28u);
  EXPECT_EQ(file.value().skipped.count(), 0u);
  const OrderEntry& first = file.value().entries[0];
  EXPECT_EQ(first.order_number, 1);
  EXPECT_EQ(first.code, "A00");
  EXPECT_FALSE(first.is_billable);
  const OrderEntry& colles = file.value().entries[17];
  EXPECT_EQ(colles.code, "S52531A");
  EXPECT_TRUE(colles.is_billable);
  EXPECT_EQ(colles.short_title, "Colles' fracture of right radius, init for clos fx");
  EXPECT_EQ(colles.long_title,
            "Colles' fracture of right radius, initial encounter for closed fracture");
  EXPECT_EQ(colles.line, 18u);
}

// Each malformed line is skipped with its line number and reason; good lines survive.
TEST(OrderFileReaderTest, SkipsMalformedLinesWithLocation) {
  const std::string bytes = order_line("00001", "I10", '1', "Essential (primary) hypertension") +
                            "too short\r\n" + order_line("0000x", "I11", '1', "Bad number") +
                            order_line("00003", "1234", '1', "Bad code") +
                            order_line("00004", "I12", '7', "Bad flag") +
                            order_line("00005", "I10", '1', "Duplicate");
  auto file = read_order_file(bytes, "order.txt", kIcd10Cm);
  ASSERT_TRUE(file.is_ok());
  EXPECT_EQ(file.value().entries.size(), 1u);
  EXPECT_EQ(file.value().skipped.count(), 5u);
  const auto& examples = file.value().skipped.examples();
  ASSERT_EQ(examples.size(), 5u);
  EXPECT_EQ(examples[0], "order.txt:2: line has 9 characters, an order entry needs at least 17");
  EXPECT_EQ(examples[1], "order.txt:3: order number \"0000x\" is not 5 digits");
  EXPECT_EQ(examples[2], "order.txt:4: code \"1234\" is not a valid icd10cm code");
  EXPECT_EQ(examples[3], "order.txt:5: header flag \"7\" is not 0 or 1");
  EXPECT_EQ(examples[4], "order.txt:6: code I10 appears twice; keeping the first");
}

TEST(OrderFileReaderTest, RejectsInvalidUtf8WithPosition) {
  const std::string bytes = order_line("00001", "I10", '1', "Essential") + "00002 I11     1 Bad \xFF\r\n";
  auto file = read_order_file(bytes, "order.txt", kIcd10Cm);
  ASSERT_FALSE(file.is_ok());
  EXPECT_EQ(file.status().code(), StatusCode::kDataError);
  EXPECT_EQ(file.status().message(), "order.txt:2:21: invalid UTF-8 (byte 0xFF)");
}

TEST(OrderFileReaderTest, RejectsFileWithoutEntries) {
  auto file = read_order_file("\r\n\r\n", "empty.txt", kIcd10Cm);
  ASSERT_FALSE(file.is_ok());
  EXPECT_EQ(file.status().message(), "empty.txt: no order entries found; is this an order file?");
}

}  // namespace
}  // namespace medcode::indexer
