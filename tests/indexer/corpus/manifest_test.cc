#include "indexer/corpus/manifest.h"

#include <gtest/gtest.h>

namespace medcode::indexer {
namespace {

const std::string kHeader = "code_set\trelease\teffective\trole\tpath\tmember\tsha256\turl\n";
const std::string kSha = std::string(64, 'a');

TEST(ManifestTest, ParsesRowsAndDerivesFiscalYear) {
  const std::string text = "# comment\n\n" + kHeader +
                           "icd10cm\tfy2026-april\t2026-04-01\tdrug\ticd10cm/d.xml\t\t" + kSha +
                           "\thttps://x\n" + "hcpcs\t2025-oct\t2025-10-01\tanweb\th.xlsx\t\t" + kSha +
                           "\thttps://y\n";
  auto files = parse_manifest(text, "m.tsv");
  ASSERT_TRUE(files.is_ok()) << files.status().to_string();
  ASSERT_EQ(files.value().size(), 2u);
  EXPECT_EQ(files.value()[0].role, "drug");
  EXPECT_EQ(files.value()[0].fiscal_year, 2026);
  EXPECT_EQ(files.value()[0].location, "m.tsv:4");
  EXPECT_EQ(files.value()[1].fiscal_year, 0);
}

TEST(ManifestTest, ReportsMalformedRowsWithLine) {
  auto columns = parse_manifest(kHeader + "icd10cm\tfy2026\n", "m.tsv");
  ASSERT_FALSE(columns.is_ok());
  EXPECT_EQ(columns.status().message(), "m.tsv:2: expected 8 tab-separated columns, found 2");
  auto sha = parse_manifest(kHeader + "icd10cm\tfy2026\t2025-10-01\torder\tx.zip\tm\tABC\tu\n", "m.tsv");
  ASSERT_FALSE(sha.is_ok());
  EXPECT_EQ(sha.status().message(), "m.tsv:2: sha256 \"ABC\" is not 64 lower-case hex digits");
  auto date = parse_manifest(kHeader + "hcpcs\t2025-oct\tOct 2025\tanweb\tx.xlsx\t\t" + std::string(64, 'a') + "\tu\n",
                             "m.tsv");
  ASSERT_FALSE(date.is_ok());
  EXPECT_EQ(date.status().message(), "m.tsv:2: effective date \"Oct 2025\" is not YYYY-MM-DD");
  auto header = parse_manifest("code\tset\n", "m.tsv");
  ASSERT_FALSE(header.is_ok());
  EXPECT_EQ(header.status().message().rfind("m.tsv:1: expected the column header line", 0), 0u);
}

// The manifest compiled in must parse and cover the ICD-10-CM FY2026 order file.
TEST(ManifestTest, EmbeddedManifestIsValid) {
  auto files = parse_manifest(embedded_manifest(), "manifest.tsv");
  ASSERT_TRUE(files.is_ok()) << files.status().to_string();
  bool has_order = false;
  for (const auto& file : files.value()) {
    has_order |= file.code_set == "icd10cm" && file.release == "fy2026" && file.role == "order";
  }
  EXPECT_TRUE(has_order);
}

}  // namespace
}  // namespace medcode::indexer
