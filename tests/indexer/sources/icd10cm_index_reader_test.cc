#include "indexer/sources/icd10cm_index_reader.h"

#include <gtest/gtest.h>

#include "tests/support/fixture_corpus.h"

namespace medcode::indexer {
namespace {

IndexTerms read_fixture() {
  auto terms = read_icd10cm_index(
      testing::read_file(testing::fixture_path("icd10cm/icd10cm_index_2017.xml")), "index.xml");
  EXPECT_TRUE(terms.is_ok()) << terms.status().to_string();
  return terms.is_ok() ? std::move(terms).value() : IndexTerms{};
}

const IndexTermEntry* find(const IndexTerms& terms, const std::vector<std::string>& path) {
  for (const auto& entry : terms.entries) {
    if (entry.path == path) return &entry;
  }
  return nullptr;
}

TEST(Icd10CmIndexReaderTest, ReadsMainTermsWithCodesAndNonessentialModifiers) {
  const IndexTerms terms = read_fixture();
  const IndexTermEntry* colles = find(terms, {"Colles' fracture"});
  ASSERT_NE(colles, nullptr);
  EXPECT_EQ(colles->code, "S5253");  // "S52.53-": the dash asks for more characters
  const IndexTermEntry* cholera = find(terms, {"Cholera (Asiatic) (epidemic) (malignant)"});
  ASSERT_NE(cholera, nullptr);
  EXPECT_EQ(cholera->code, "A009");
  EXPECT_EQ(cholera->location, "index.xml:11");
}

TEST(Icd10CmIndexReaderTest, ReadsSubtermPathsAtEveryLevel) {
  const IndexTerms terms = read_fixture();
  const IndexTermEntry* deep =
      find(terms, {"Fracture, traumatic", "radius", "lower end", "Colles'"});
  ASSERT_NE(deep, nullptr);
  EXPECT_EQ(deep->code, "");
  EXPECT_EQ(deep->see, "Colles' fracture");
  const IndexTermEntry* ecg = find(
      terms, {"Infarct, infarction", "myocardium, myocardial (acute)",
              "diagnosed on ECG, but presenting no symptoms"});
  ASSERT_NE(ecg, nullptr);
  EXPECT_EQ(ecg->code, "I252");
}

TEST(Icd10CmIndexReaderTest, ReadsSeeAndSeeAlso) {
  const IndexTerms terms = read_fixture();
  const IndexTermEntry* heart_attack = find(terms, {"Heart attack"});
  ASSERT_NE(heart_attack, nullptr);
  EXPECT_EQ(heart_attack->see, "Infarct, myocardium");
  const IndexTermEntry* fracture = find(terms, {"Fracture, traumatic"});
  ASSERT_NE(fracture, nullptr);
  EXPECT_EQ(fracture->see_also, "Fracture, pathological");
}

TEST(Icd10CmIndexReaderTest, KeepsTermButSkipsMalformedCode) {
  const IndexTerms terms = read_fixture();
  const IndexTermEntry* bad = find(terms, {"Bad code example"});
  ASSERT_NE(bad, nullptr);
  EXPECT_EQ(bad->code, "");
  ASSERT_EQ(terms.skipped.count(), 1u);
  EXPECT_EQ(terms.skipped.examples()[0],
            "index.xml:69: code \"not-a-code\" is not an ICD-10-CM code");
}

TEST(Icd10CmIndexReaderTest, RejectsMalformedAndForeignDocuments) {
  auto truncated = read_icd10cm_index("<ICD10CM.index>\n<letter><title>A</title>", "cut.xml");
  ASSERT_FALSE(truncated.is_ok());
  EXPECT_EQ(truncated.status().message().rfind("cut.xml:2:", 0), 0u) << truncated.status().message();
  auto foreign = read_icd10cm_index("<ICD10CM.tabular/>", "tab.xml");
  ASSERT_FALSE(foreign.is_ok());
  EXPECT_EQ(foreign.status().message(),
            "tab.xml: root element is <ICD10CM.tabular>, expected <ICD10CM.index>");
}

}  // namespace
}  // namespace medcode::indexer
