#include "indexer/sources/icd10cm_tabular_reader.h"

#include <gtest/gtest.h>

#include "tests/support/fixture_corpus.h"

namespace medcode::indexer {
namespace {

TabularList read_fixture() {
  auto list = read_icd10cm_tabular(
      testing::read_file(testing::fixture_path("icd10cm/icd10cm_tabular_2021.xml")), "tabular.xml", 2021);
  EXPECT_TRUE(list.is_ok()) << list.status().to_string();
  return list.is_ok() ? std::move(list).value() : TabularList{};
}

const TabularCode* find(const TabularList& list, const std::string& code) {
  for (const auto& entry : list.codes) {
    if (entry.code == code) return &entry;
  }
  return nullptr;
}

TEST(Icd10CmTabularReaderTest, ReadsChaptersAndSectionRanges) {
  const TabularList list = read_fixture();
  ASSERT_EQ(list.chapters.size(), 3u);
  EXPECT_EQ(list.chapters[1].number, "9");
  EXPECT_EQ(list.chapters[1].title, "Diseases of the circulatory system (I00-I99)");
  ASSERT_EQ(list.chapters[0].notes.size(), 1u);
  EXPECT_EQ(list.chapters[0].notes[0].kind, NoteKind::kIncludes);
  ASSERT_EQ(list.sections.size(), 5u);
  EXPECT_EQ(list.sections[2].id, "I20-I25");
  EXPECT_EQ(list.sections[2].first, "I20");
  EXPECT_EQ(list.sections[2].last, "I25");
  EXPECT_EQ(list.sections[2].title, "Ischemic heart diseases");
  EXPECT_EQ(list.sections[2].chapter, "9");
  ASSERT_EQ(list.sections[2].notes.size(), 1u);
  EXPECT_EQ(list.sections[2].notes[0].kind, NoteKind::kUseAdditionalCode);
}

TEST(Icd10CmTabularReaderTest, ReadsInclusionTermsAndEveryNoteKind) {
  const TabularList list = read_fixture();
  const TabularCode* i10 = find(list, "I10");
  ASSERT_NE(i10, nullptr);
  EXPECT_EQ(i10->title, "Essential (primary) hypertension");
  ASSERT_EQ(i10->inclusion_terms.size(), 2u);
  EXPECT_EQ(i10->inclusion_terms[0], "high blood pressure");
  ASSERT_EQ(i10->notes.size(), 2u);
  EXPECT_EQ(i10->notes[0].kind, NoteKind::kExcludes1);
  EXPECT_EQ(i10->notes[1].kind, NoteKind::kExcludes2);
  EXPECT_EQ(i10->notes[1].release_year, 2021);

  const TabularCode* i21 = find(list, "I21");
  ASSERT_NE(i21, nullptr);
  ASSERT_EQ(i21->notes.size(), 4u);
  EXPECT_EQ(i21->notes[0].kind, NoteKind::kIncludes);
  EXPECT_EQ(i21->notes[0].text, "cardiac infarction");
  EXPECT_EQ(i21->notes[2].kind, NoteKind::kCodeAlso);
  EXPECT_EQ(i21->notes[3].kind, NoteKind::kExcludes2);
  EXPECT_EQ(i21->notes[3].text, "chronic ischemic heart disease (I25.-)");

  const TabularCode* s52 = find(list, "S52");
  ASSERT_NE(s52, nullptr);
  EXPECT_EQ(s52->notes[0].kind, NoteKind::kCodeFirst);
  EXPECT_EQ(s52->notes[1].kind, NoteKind::kSeventhCharNote);
  ASSERT_EQ(s52->seventh_characters.size(), 3u);
  EXPECT_EQ(s52->seventh_characters[0].character, "A");
  EXPECT_EQ(s52->seventh_characters[0].meaning, "initial encounter for closed fracture");
  EXPECT_EQ(s52->seventh_characters[2].character, "S");
}

TEST(Icd10CmTabularReaderTest, ReadsNestedCodesInDocumentOrder) {
  const TabularList list = read_fixture();
  std::vector<std::string> codes;
  for (const auto& entry : list.codes) codes.push_back(entry.code);
  const std::vector<std::string> expected = {"A00",  "A000", "A001",   "I10",    "I21", "I210",
                                             "I2101", "I219", "S52",   "S5253", "S52531", "T39",
                                             "T391"};
  EXPECT_EQ(codes, expected);
  EXPECT_EQ(find(list, "I219")->location, "tabular.xml:102");
}

TEST(Icd10CmTabularReaderTest, SkipsDiagWithoutNameWithLocation) {
  const TabularList list = read_fixture();
  ASSERT_EQ(list.skipped.count(), 1u);
  EXPECT_EQ(list.skipped.examples()[0], "tabular.xml:42: <diag> has no <name>");
}

TEST(Icd10CmTabularReaderTest, ReportsMalformedXmlWithLineAndColumn) {
  auto list = read_icd10cm_tabular("<ICD10CM.tabular>\n  <chapter>\n  </chaptr>\n</ICD10CM.tabular>",
                                   "broken.xml", 2021);
  ASSERT_FALSE(list.is_ok());
  EXPECT_EQ(list.status().code(), StatusCode::kDataError);
  EXPECT_EQ(list.status().message(), "broken.xml:3:5: malformed XML: Start-end tags mismatch");
}

TEST(Icd10CmTabularReaderTest, ReportsInvalidUtf8WithLineAndColumn) {
  auto list = read_icd10cm_tabular("<ICD10CM.tabular>\n<chapter>\xC3</chapter></ICD10CM.tabular>",
                                   "bad.xml", 2021);
  ASSERT_FALSE(list.is_ok());
  EXPECT_EQ(list.status().message(), "bad.xml:2:10: invalid UTF-8 (byte 0xC3)");
}

TEST(Icd10CmTabularReaderTest, RejectsOtherDocuments) {
  auto list = read_icd10cm_tabular("<ICD10CM.index></ICD10CM.index>", "index.xml", 2021);
  ASSERT_FALSE(list.is_ok());
  EXPECT_EQ(list.status().message(),
            "index.xml: root element is <ICD10CM.index>, expected <ICD10CM.tabular>");
  auto empty = read_icd10cm_tabular("<ICD10CM.tabular></ICD10CM.tabular>", "empty.xml", 2021);
  ASSERT_FALSE(empty.is_ok());
  EXPECT_EQ(empty.status().message(), "empty.xml: no <diag> codes found in the Tabular List");
}

}  // namespace
}  // namespace medcode::indexer
