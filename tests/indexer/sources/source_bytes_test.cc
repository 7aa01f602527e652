#include "indexer/sources/source_bytes.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>

#include "common/utf8.h"
#include "indexer/sources/source_limits.h"
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
  EXPECT_NE(cut.status().message().find("; fetch it again with corpus/fetch"), std::string::npos);
}

// Overwrites the 4-byte little-endian field at offset.
void patch_u32(std::string& bytes, std::size_t offset, std::uint32_t value) {
  for (int i = 0; i < 4; ++i) bytes[offset + i] = static_cast<char>((value >> (8 * i)) & 0xFF);
}

// A member whose headers (local and central) claim 3,840 MiB: refused before any buffer
// of that size is made.
TEST(SourceBytesTest, RefusesMemberDeclaringMoreThanTheCap) {
  testing::TempDir dir;
  testing::write_zip(dir / "full.zip", "order.txt", std::string(1000, 'x'));
  std::string bytes = testing::read_file(dir / "full.zip");
  patch_u32(bytes, 22, 0xF0000000u);  // local file header: uncompressed size
  const std::size_t central = bytes.find("PK\x01\x02");
  ASSERT_NE(central, std::string::npos);
  patch_u32(bytes, central + 24, 0xF0000000u);  // central directory: uncompressed size
  testing::write_file(dir / "bomb.zip", bytes);
  auto bomb = load_source_bytes({dir / "bomb.zip", "order.txt"});
  ASSERT_FALSE(bomb.is_ok());
  EXPECT_EQ(bomb.status().code(), StatusCode::kDataError);
  EXPECT_EQ(bomb.status().message(),
            dir / "bomb.zip" +
                "!order.txt: declares 3840.0 MiB uncompressed, more than the 512.0 MiB a "
                "member may have (the official ones are under 20 MiB): a zip bomb or a "
                "damaged archive; fetch it again with corpus/fetch");
}

// A member that declares more bytes than it holds ends early: said so, with both counts.
TEST(SourceBytesTest, ReportsMemberShorterThanItDeclares) {
  testing::TempDir dir;
  testing::write_zip(dir / "full.zip", "order.txt", std::string(1000, 'x'));
  std::string bytes = testing::read_file(dir / "full.zip");
  patch_u32(bytes, 22, 2000);
  patch_u32(bytes, bytes.find("PK\x01\x02") + 24, 2000);
  testing::write_file(dir / "short.zip", bytes);
  auto read = load_source_bytes({dir / "short.zip", "order.txt"});
  ASSERT_FALSE(read.is_ok());
  EXPECT_EQ(read.status().code(), StatusCode::kDataError);
  EXPECT_EQ(read.status().message(),
            dir / "short.zip" +
                "!order.txt: the member ends at byte 1000 of the 2000 it declares (damaged "
                "archive?); fetch it again with corpus/fetch");
}

// A run of one byte inflates about a thousandfold; under 1 MiB it is let through.
TEST(SourceBytesTest, RefusesMemberThatInflatesMoreThanTheRatioCap) {
  testing::TempDir dir;
  testing::write_zip(dir / "bomb.zip", "zeros.txt", std::string(2u << 20, '0'));
  auto bomb = load_source_bytes({dir / "bomb.zip", "zeros.txt"});
  ASSERT_FALSE(bomb.is_ok());
  EXPECT_EQ(bomb.status().code(), StatusCode::kDataError);
  EXPECT_EQ(bomb.status().message().rfind(
                dir / "bomb.zip" + "!zeros.txt: 2.0 MiB compressed into 2.0 KiB (", 0),
            0u)
      << bomb.status().message();
  EXPECT_NE(bomb.status().message().find(" to 1), more than the 100 to 1 a member may have"),
            std::string::npos);

  testing::write_zip(dir / "small.zip", "blanks.txt",
                     std::string(kZipRatioCheckFromBytes - 1, ' '));
  auto small = load_source_bytes({dir / "small.zip", "blanks.txt"});
  ASSERT_TRUE(small.is_ok()) << small.status().to_string();
  EXPECT_EQ(small.value().size(), kZipRatioCheckFromBytes - 1);
}

// We never extract to disk, but an archive with a member named to escape the directory an
// unzipper writes to is refused whichever member is asked for.
TEST(SourceBytesTest, RefusesArchiveWithUnsafeMemberName) {
  const char* unsafe[] = {"../x.txt",  "a/../../x.txt", "/etc/passwd",
                          "..\\x.txt", "C:\\x.txt",     ".."};
  for (const char* name : unsafe) {
    testing::TempDir dir;
    testing::write_zip_members(dir / "a.zip", {{"order.txt", "I10"}, {name, "owned"}});
    auto read = load_source_bytes({dir / "a.zip", "order.txt"});
    ASSERT_FALSE(read.is_ok()) << name;
    EXPECT_EQ(read.status().code(), StatusCode::kDataError);
    EXPECT_EQ(read.status().message(),
              dir / "a.zip" + ": member " + quote_for_message(name) +
                  " has an unsafe name (absolute, or climbing out with ..); official "
                  "archives have none, so this one is damaged or not official: fetch it "
                  "again with corpus/fetch");
  }
  // Dots inside a name are not a climb.
  testing::TempDir dir;
  testing::write_zip_members(dir / "a.zip",
                             {{"order.txt", "I10"}, {"dir/a..b.txt", "x"}, {"..hidden", "x"}});
  EXPECT_TRUE(load_source_bytes({dir / "a.zip", "order.txt"}).is_ok());
}

// A sparse file of 600 MiB: refused from its size, without reading it.
TEST(SourceBytesTest, RefusesFileLargerThanTheCap) {
  testing::TempDir dir;
  testing::write_file(dir / "huge.xml", "");
  ASSERT_EQ(::truncate((dir / "huge.xml").c_str(), static_cast<off_t>(600ull << 20)), 0);
  auto huge = load_source_bytes({dir / "huge.xml", ""});
  ASSERT_FALSE(huge.is_ok());
  EXPECT_EQ(huge.status().code(), StatusCode::kDataError);
  EXPECT_EQ(huge.status().message(),
            dir / "huge.xml" +
                ": 600.0 MiB is more than the 512.0 MiB a source file may have (the official "
                "files are under 20 MiB): check the path, or fetch it again with corpus/fetch");
  ASSERT_EQ(::truncate((dir / "huge.xml").c_str(), static_cast<off_t>(kMaxSourceFileBytes)), 0);
  auto zip = load_source_bytes({dir / "huge.xml", "member.txt"});
  ASSERT_FALSE(zip.is_ok());
  EXPECT_EQ(zip.status().message().rfind(dir / "huge.xml" + ": not a readable zip archive", 0), 0u);
}

}  // namespace
}  // namespace medcode::indexer
