#include "indexer/sources/guidelines_reader.h"

#include <gtest/gtest.h>

#include "indexer/sources/pdf_text_reader.h"
#include "tests/support/fixture_corpus.h"
#include "tests/support/pdf_writer.h"

namespace medcode::indexer {
namespace {

std::vector<std::string> page_texts() {
  std::vector<std::string> pages;
  for (const auto& lines : testing::pages_of(testing::read_file(testing::fixture_path("guidelines/guidelines_fixture.txt")))) {
    std::string text;
    for (const auto& line : lines) text += line + "\n";
    pages.push_back(text);
  }
  return pages;
}

const GuidelineSection* find_section(const Guidelines& guidelines, const std::string& id) {
  for (const auto& section : guidelines.sections) {
    if (section.id == id) return &section;
  }
  return nullptr;
}

TEST(GuidelinesReaderTest, SplitsNumberedSectionsInSequence) {
  auto guidelines = split_guidelines(page_texts(), "guidelines.pdf");
  ASSERT_TRUE(guidelines.is_ok()) << guidelines.status().to_string();
  std::vector<std::string> ids;
  for (const auto& section : guidelines.value().sections) ids.push_back(section.id);
  const std::vector<std::string> expected = {
      "I", "I.A", "I.A.1", "I.A.2", "I.B", "I.B.1", "I.C", "I.C.1", "I.C.1.a", "I.C.1.b", "I.C.1.c", "I.C.1.d", "I.C.1.d.1", "I.C.1.d.1.a",
      "I.C.2", "I.C.3", "I.C.4", "I.C.5", "I.C.6", "I.C.7", "I.C.8", "I.C.9", "I.C.9.a", "I.C.9.a.1",
      "I.C.9.a.2", "II"};
  EXPECT_EQ(ids, expected);
  EXPECT_EQ(ids.size(), testing::kFixtureGuidelineSections);

  const GuidelineSection* sepsis = find_section(guidelines.value(), "I.C.1.d.1.a");
  ASSERT_NE(sepsis, nullptr);
  EXPECT_EQ(sepsis->heading, "Sepsis");
  EXPECT_EQ(sepsis->parent, "I.C.1.d.1");
  EXPECT_EQ(sepsis->depth, 5);
  // A heading wrapped onto a second line is joined back.
  EXPECT_EQ(find_section(guidelines.value(), "I.C.1.d.1")->heading, "Coding of Sepsis and Severe sepsis");
  EXPECT_EQ(sepsis->page, 2);
  // An out-of-sequence number ("3." under "(a)") is text, not a heading.
  EXPECT_NE(sepsis->text.find("3. This numbered line is not a heading"), std::string::npos) << sepsis->text;
  EXPECT_EQ(sepsis->referenced_codes, std::vector<std::string>{"A41.9"});

  const GuidelineSection* ckd = find_section(guidelines.value(), "I.C.9.a.2");
  ASSERT_NE(ckd, nullptr);
  EXPECT_EQ(ckd->heading, "Hypertensive Chronic Kidney Disease");
  EXPECT_EQ(ckd->referenced_codes, (std::vector<std::string>{"I12", "N18"}));
  // The table of contents and the running footer are not text of any section.
  const GuidelineSection* top = find_section(guidelines.value(), "I");
  ASSERT_NE(top, nullptr);
  EXPECT_EQ(top->text.find("....."), std::string::npos);
  EXPECT_EQ(find_section(guidelines.value(), "I.B.1")->text.find("Page 1 of 2"), std::string::npos);
  EXPECT_EQ(find_section(guidelines.value(), "I.C.9")->referenced_codes, std::vector<std::string>{"I00-I99"});
}

TEST(GuidelinesReaderTest, FindsCodesAndRangesAsWritten) {
  EXPECT_EQ(find_icd10cm_code_mentions("codes I10 and N18.1-N18.6, E11.-, and O10.0- for the rest; FY 2026, "
                                       "A00.0 through T88.9"),
            (std::vector<std::string>{"I10", "N18.1-N18.6", "E11.-", "O10.0-", "A00.0-T88.9"}));
  // Not codes: a year, a section number, lower case.
  EXPECT_TRUE(find_icd10cm_code_mentions("Section I.C.9, FY 2026, page 39, i10").empty());
}

TEST(GuidelinesReaderTest, RefusesTextWithoutSections) {
  auto guidelines = split_guidelines({"Just a letter.\nNothing numbered here.\n"}, "letter.pdf");
  ASSERT_FALSE(guidelines.is_ok());
  EXPECT_EQ(guidelines.status().message(),
            "letter.pdf: no \"Section I.\" heading found; is this the ICD-10-CM Official Guidelines?");
}

TEST(PdfTextReaderTest, ReadsThePagesOfAPdf) {
  testing::TempDir dir;
  testing::write_text_pdf(dir / "g.pdf", {{"Section I. Conventions", "A. First"}, {"Second page"}});
  auto pages = read_pdf_pages_text(dir / "g.pdf");
  ASSERT_TRUE(pages.is_ok()) << pages.status().to_string();
  ASSERT_EQ(pages.value().size(), 2u);
  EXPECT_NE(pages.value()[0].find("Section I. Conventions"), std::string::npos) << pages.value()[0];
  EXPECT_NE(pages.value()[1].find("Second page"), std::string::npos);
}

TEST(PdfTextReaderTest, ReportsMissingAndDamagedFiles) {
  testing::TempDir dir;
  auto missing = read_pdf_pages_text(dir / "none.pdf");
  ASSERT_FALSE(missing.is_ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  testing::write_file(dir / "bad.pdf", "this is not a PDF");
  auto damaged = read_pdf_pages_text(dir / "bad.pdf");
  ASSERT_FALSE(damaged.is_ok());
  EXPECT_EQ(damaged.status().message(), dir / "bad.pdf" + ": not a readable PDF (damaged or not a PDF?)");
}

// The guidelines split the same from the PDF as from its text.
TEST(GuidelinesReaderTest, SplitsTheFixturePdf) {
  testing::TempDir dir;
  testing::write_text_pdf(dir / "g.pdf",
                          testing::pages_of(testing::read_file(testing::fixture_path("guidelines/guidelines_fixture.txt"))));
  auto pages = read_pdf_pages_text(dir / "g.pdf");
  ASSERT_TRUE(pages.is_ok()) << pages.status().to_string();
  auto guidelines = split_guidelines(pages.value(), "g.pdf");
  ASSERT_TRUE(guidelines.is_ok()) << guidelines.status().to_string();
  EXPECT_EQ(guidelines.value().sections.size(), testing::kFixtureGuidelineSections);
  const GuidelineSection* hypertension = find_section(guidelines.value(), "I.C.9.a");
  ASSERT_NE(hypertension, nullptr);
  EXPECT_EQ(hypertension->heading, "Hypertension");
  EXPECT_EQ(hypertension->referenced_codes, std::vector<std::string>{"I10"});
}

}  // namespace
}  // namespace medcode::indexer
