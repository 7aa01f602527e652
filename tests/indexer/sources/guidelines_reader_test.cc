#include "indexer/sources/guidelines_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include "indexer/sources/pdf_text_reader.h"
#include "tests/support/fixture_corpus.h"
#include "tests/support/pdf_writer.h"

namespace medcode::indexer {
namespace {

// The fixture as text only: no fonts, so wrapped headings are found by their case.
std::vector<PdfPage> fixture_pages() {
  std::vector<std::string> pages;
  for (const auto& lines : testing::pages_of(testing::read_file(testing::fixture_path("guidelines/guidelines_fixture.txt")))) {
    std::string text;
    for (const auto& line : lines) text += line + "\n";
    pages.push_back(text);
  }
  return pdf_pages_of_text(pages);
}

Guidelines split_pdf(const testing::TempDir& dir, const std::vector<std::vector<std::string>>& pages) {
  testing::write_text_pdf(dir / "g.pdf", pages);
  auto read = read_pdf_pages(dir / "g.pdf");
  EXPECT_TRUE(read.is_ok()) << read.status().to_string();
  if (!read.is_ok()) return {};
  auto guidelines = split_guidelines(read.value(), "g.pdf");
  EXPECT_TRUE(guidelines.is_ok()) << guidelines.status().to_string();
  return guidelines.is_ok() ? guidelines.value() : Guidelines{};
}

const GuidelineSection* find_section(const Guidelines& guidelines, const std::string& id) {
  for (const auto& section : guidelines.sections) {
    if (section.id == id) return &section;
  }
  return nullptr;
}

TEST(GuidelinesReaderTest, SplitsNumberedSectionsInSequence) {
  auto guidelines = split_guidelines(fixture_pages(), "guidelines.pdf");
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
  auto guidelines =
      split_guidelines(pdf_pages_of_text({"Just a letter.\nNothing numbered here.\n"}), "letter.pdf");
  ASSERT_FALSE(guidelines.is_ok());
  EXPECT_EQ(guidelines.status().message(),
            "letter.pdf: no \"Section I.\" heading found; is this the ICD-10-CM Official Guidelines?");
}

TEST(PdfTextReaderTest, ReadsThePagesOfAPdf) {
  testing::TempDir dir;
  testing::write_text_pdf(dir / "g.pdf", {{"Section I. Conventions", "A. First"}, {"Second page"}});
  auto pages = read_pdf_pages(dir / "g.pdf");
  ASSERT_TRUE(pages.is_ok()) << pages.status().to_string();
  ASSERT_EQ(pages.value().size(), 2u);
  ASSERT_GE(pages.value()[0].lines.size(), 2u);
  EXPECT_EQ(pages.value()[0].lines[0].text, "Section I. Conventions");
  EXPECT_EQ(pages.value()[0].lines[1].text, "A. First");
  ASSERT_FALSE(pages.value()[1].lines.empty());
  EXPECT_EQ(pages.value()[1].lines[0].text, "Second page");
}

// Each line carries its words: where they start, their size and whether they are bold.
TEST(PdfTextReaderTest, GivesEachLineItsWordsFontsAndPositions) {
  testing::TempDir dir;
  testing::write_text_pdf(dir / "g.pdf", {{"**d. Sepsis", "     For a diagnosis"}});
  auto pages = read_pdf_pages(dir / "g.pdf");
  ASSERT_TRUE(pages.is_ok()) << pages.status().to_string();
  ASSERT_GE(pages.value()[0].lines.size(), 2u);
  const PdfLine& heading = pages.value()[0].lines[0];
  const PdfLine& body = pages.value()[0].lines[1];
  ASSERT_EQ(heading.words.size(), 2u) << heading.text;
  EXPECT_EQ(heading.words[0].text, "d.");
  EXPECT_EQ(heading.words[1].text, "Sepsis");
  EXPECT_TRUE(heading.words[1].is_bold);
  EXPECT_DOUBLE_EQ(heading.words[1].font_size, 9);
  ASSERT_EQ(body.words.size(), 3u) << body.text;
  EXPECT_FALSE(body.words[0].is_bold);
  // Courier at 9 points: 5.4 points a character, the page's text starting at x = 36.
  EXPECT_NEAR(heading.words[1].left, 36 + 3 * 5.4, 0.1);
  EXPECT_NEAR(body.words[0].left, 36 + 5 * 5.4, 0.1);
}

TEST(PdfTextReaderTest, ReportsMissingAndDamagedFiles) {
  testing::TempDir dir;
  auto missing = read_pdf_pages(dir / "none.pdf");
  ASSERT_FALSE(missing.is_ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  testing::write_file(dir / "bad.pdf", "this is not a PDF");
  auto damaged = read_pdf_pages(dir / "bad.pdf");
  ASSERT_FALSE(damaged.is_ok());
  EXPECT_EQ(damaged.status().message(),
            dir / "bad.pdf" +
                ": not a readable PDF (damaged or not a PDF?): fetch it again with corpus/fetch");
  // Over the size cap (a sparse file): refused before poppler reads it.
  testing::write_file(dir / "huge.pdf", "%PDF-1.4\n");
  ASSERT_EQ(::truncate((dir / "huge.pdf").c_str(), static_cast<off_t>(600ull << 20)), 0);
  auto huge = read_pdf_pages(dir / "huge.pdf");
  ASSERT_FALSE(huge.is_ok());
  EXPECT_EQ(huge.status().message(),
            dir / "huge.pdf" +
                ": 600.0 MiB is more than the 512.0 MiB a source file may have (the official "
                "files are under 20 MiB): check the path, or fetch it again with corpus/fetch");
}

// The guidelines split the same from the PDF as from its text.
TEST(GuidelinesReaderTest, SplitsTheFixturePdf) {
  testing::TempDir dir;
  const std::string fixture = testing::read_file(testing::fixture_path("guidelines/guidelines_fixture.txt"));
  const Guidelines guidelines = split_pdf(dir, testing::pages_of(fixture));
  EXPECT_EQ(guidelines.sections.size(), testing::kFixtureGuidelineSections);
  const GuidelineSection* hypertension = find_section(guidelines, "I.C.9.a");
  ASSERT_NE(hypertension, nullptr);
  EXPECT_EQ(hypertension->heading, "Hypertension");
  EXPECT_EQ(hypertension->referenced_codes, std::vector<std::string>{"I10"});
}

// The shapes the FY2025 and FY2026 PDFs print (I.C.9.e.6, I.C.1.g.1.g, I.C.4.a.1.b,
// I.C.1.d): a bold heading wrapped onto a line that starts with a capital or a digit, bold
// new narrative right under a heading, plain text in lower case, and a heading that repeats
// the one before it. Read from a PDF, as only a PDF has the fonts.
TEST(GuidelinesReaderTest, JoinsWrappedHeadingsByTheirFontAndIndent) {
  testing::TempDir dir;
  const Guidelines guidelines = split_pdf(dir, {{
      "**Section I. Conventions",
      "**A. Conventions for the ICD-10-CM",
      "**   1. Infections resistant to antibiotics",
      "      Many bacterial infections are resistant to current antibiotics.",
      "**   2. Sepsis, Severe Sepsis, and Septic Shock Infections resistant to",
      "**      antibiotics",
      "**      a. Myocardial Infarction with Coronary Microvascular",
      "**         Dysfunction",
      "         Coronary microvascular dysfunction (CMD) is a condition.",
      "**      b. Signs and symptoms without definitive diagnosis of COVID-",
      "**         19",
      "         For patients presenting with any signs or symptoms.",
      "**      c. Type 2 diabetes mellitus in remission",
      "**      Code E11.A, Type 2 diabetes mellitus without complications",
      "**      in remission, is assigned based on provider documentation.",
      "**      d. Hypertension with Heart Disease",
      "         including hypertensive heart failure, assign a code from I11.",
  }});
  std::vector<std::pair<std::string, std::string>> headings;
  for (const auto& section : guidelines.sections) headings.emplace_back(section.id, section.heading);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"I", "Conventions"},
      {"I.A", "Conventions for the ICD-10-CM"},
      {"I.A.1", "Infections resistant to antibiotics"},
      {"I.A.2", "Sepsis, Severe Sepsis, and Septic Shock"},
      {"I.A.2.a", "Myocardial Infarction with Coronary Microvascular Dysfunction"},
      {"I.A.2.b", "Signs and symptoms without definitive diagnosis of COVID-19"},
      {"I.A.2.c", "Type 2 diabetes mellitus in remission"},
      {"I.A.2.d", "Hypertension with Heart Disease"},
  };
  EXPECT_EQ(headings, expected);
  const GuidelineSection* microvascular = find_section(guidelines, "I.A.2.a");
  ASSERT_NE(microvascular, nullptr);
  EXPECT_EQ(microvascular->text, "Coronary microvascular dysfunction (CMD) is a condition.");
  const GuidelineSection* remission = find_section(guidelines, "I.A.2.c");
  ASSERT_NE(remission, nullptr);
  EXPECT_EQ(remission->text.rfind("Code E11.A, Type 2", 0), 0u) << remission->text;
  const GuidelineSection* hypertension = find_section(guidelines, "I.A.2.d");
  ASSERT_NE(hypertension, nullptr);
  EXPECT_EQ(hypertension->text.rfind("including hypertensive", 0), 0u) << hypertension->text;
}

// Only a repeat of three or more words is taken for the printed slip.
TEST(GuidelinesReaderTest, KeepsAHeadingThatEndsLikeAShortSibling) {
  auto guidelines =
      split_guidelines(pdf_pages_of_text({"Section I. Sepsis\nA. Sepsis\nB. Severe Sepsis\n"}), "g.pdf");
  ASSERT_TRUE(guidelines.is_ok()) << guidelines.status().to_string();
  ASSERT_EQ(guidelines.value().sections.size(), 3u);
  EXPECT_EQ(guidelines.value().sections[2].heading, "Severe Sepsis");
}

}  // namespace
}  // namespace medcode::indexer
