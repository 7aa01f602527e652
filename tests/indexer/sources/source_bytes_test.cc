#include "indexer/sources/source_bytes.h"

#include <gtest/gtest.h>

#include "tests/support/fixture_corpus.h"

namespace medcode::indexer {
namespace {

TEST(SourceBytesTest, ReadsPlainFileAndZipMember) {
  testing::TempDir dir;
  testing::write_file(dir / "plain.txt", "hello");
  testing::write_zip(dir / "codes.zip", "order.txt", "00001 I10");
  auto plain = load_source_bytes({dir / "plain.txt", ""});
  ASSERT_TRUE(plain.is_ok());
  EXPECT_EQ(plain.value(), "hello");
  auto member = load_source_bytes({dir / "codes.zip", "order.txt"});
  ASSERT_TRUE(member.is_ok()) << member.status().to_string();
  EXPECT_EQ(member.value(), "00001 I10");
}

TEST(SourceBytesTest, ReportsMissingFileAndMember) {
  testing::TempDir dir;
  auto missing = load_source_bytes({dir / "nope.xml", ""});
  ASSERT_FALSE(missing.is_ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(missing.status().message(), dir / "nope.xml" + ": no such file");

  testing::write_zip(dir / "codes.zip", "order.txt", "x");
  auto no_member = load_source_bytes({dir / "codes.zip", "other.txt"});
  ASSERT_FALSE(no_member.is_ok());
  EXPECT_EQ(no_member.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(no_member.status().message(),
            dir / "codes.zip" + ": has no member \"other.txt\"; it holds: order.txt");
}

TEST(SourceBytesTest, ReportsTruncatedZip) {
  testing::TempDir dir;
  testing::write_zip(dir / "full.zip", "order.txt", std::string(5000, 'x'));
  const std::string bytes = testing::read_file(dir / "full.zip");
  testing::write_file(dir / "cut.zip", bytes.substr(0, bytes.size() / 2));
  auto cut = load_source_bytes({dir / "cut.zip", "order.txt"});
  ASSERT_FALSE(cut.is_ok());
  EXPECT_EQ(cut.status().code(), StatusCode::kDataError);
  EXPECT_EQ(cut.status().message().rfind(
                dir / "cut.zip" + ": not a readable zip archive (truncated or damaged?): ", 0),
            0u)
      << cut.status().message();
}

}  // namespace
}  // namespace medcode::indexer
