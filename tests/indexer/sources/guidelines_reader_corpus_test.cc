// The heading parser on the Official Guidelines PDFs of the corpus, when it is present:
// every heading against the PDF's own bookmarks (its outline names each numbered heading
// in full), no heading cut short or running into the text after it, and the section counts.
// Reads the PDFs only (no index build): under a second a release.
#include <gtest/gtest.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-toc.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iterator>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "indexer/corpus/corpus_dir.h"
#include "indexer/corpus/manifest.h"
#include "indexer/sources/guidelines_reader.h"
#include "indexer/sources/pdf_text_reader.h"

namespace medcode::indexer {
namespace {

// What each release's PDF holds, counted and read off the printed pages.
struct ReleaseExpectation {
  std::string release;                          // manifest release of the icd10cm "guidelines" row
  std::size_t sections;                         // numbered sections, Section I to IV.Q
  std::map<std::string, std::string> headings;  // id -> heading as printed, exactly
};

// Headings read off the printed pages: ones that wrap onto a line starting with a capital,
// a digit or a parenthesis; I.C.1.d (see kOutlineSlips); ones the bookmarks lack or misfile.
const std::map<std::string, std::string> kPrintedHeadings = {
    {"I.C.1", "Chapter 1: Certain Infectious and Parasitic Diseases (A00-B99), U07.1, U09.9"},
    {"I.C.1.d", "Sepsis, Severe Sepsis, and Septic Shock"},
    {"I.C.1.d.6", "Sepsis and severe sepsis associated with a noninfectious process (condition)"},
    {"I.C.1.g.1.g", "Signs and symptoms without definitive diagnosis of COVID-19"},
    {"I.C.6.b.1.b", "Use of Category G89 Codes in Conjunction with Site Specific Pain Codes"},
    {"I.C.9.e.1",
     "Type 1 ST elevation myocardial infarction (STEMI) and non-ST elevation myocardial infarction "
     "(NSTEMI)"},
    {"I.C.9.e.6", "Myocardial Infarction with Coronary Microvascular Dysfunction"},
    {"I.C.13",
     "Chapter 13: Diseases of the Musculoskeletal System and Connective Tissue (M00-M99)"},
    {"I.C.21.b",
     "Z Codes Indicate a Reason for an Encounter or Provide Additional Information about a Patient "
     "Encounter"},
    {"IV", "Diagnostic Coding and Reporting Guidelines for Outpatient Services"},
    {"I.C.4.a.1.a", "Presymptomatic Type 1 Diabetes Mellitus"},
    {"I.C.5.d", "Dementia"},
};

// gtest names a failing release by this, not by its bytes.
void PrintTo(const ReleaseExpectation& expectation, std::ostream* out) {
  *out << expectation.release;
}

std::map<std::string, std::string> with(std::map<std::string, std::string> headings,
                                        const std::map<std::string, std::string>& more) {
  headings.insert(more.begin(), more.end());
  return headings;
}

const std::vector<ReleaseExpectation> kReleases = {
    // FY2026 adds I.C.4.a.1.b, whose heading is followed by bold new narrative.
    {"fy2026", 474,
     with(kPrintedHeadings, {{"I.C.4.a.1.b", "Type 2 diabetes mellitus in remission"}})},
    {"fy2025-april", 470, kPrintedHeadings},
    {"fy2025", 468, kPrintedHeadings},
};

// Where the bookmarks are wrong: I.C.1.d carries the slip of the print, ending with the
// heading of I.C.1.c (the text's cross-references call it "Sepsis, Severe Sepsis, and
// Septic Shock"), and "d. Dementia" is filed under I.C.5.c.
const std::map<std::string, std::string> kOutlineSlips = {
    {"I.C.1.d", "Sepsis, Severe Sepsis, and Septic Shock Infections resistant to antibiotics"},
};
const std::set<std::string> kOutlineMisfiled = {"I.C.5.c.d"};

std::string collapsed(const std::string& text) {
  std::istringstream words(text);
  std::string word;
  std::string out;
  while (words >> word) out += (out.empty() ? "" : " ") + word;
  return out;
}

// The outline's numbered entries by id ("I.C.9.a.1" -> "Hypertension with Heart Disease"),
// down to "(a)"; unnumbered entries (the title, Appendix I) are left out with what is under them.
void collect_outline(const poppler::toc_item& item, std::vector<std::string> path,
                     std::map<std::string, std::string>& out) {
  static const std::regex numbered(
      R"(^(?:Section )?(I|II|III|IV|V|[A-Z]|\d{1,2}|[a-z])[.)]\s*(.*)$|^\(([a-z]+)\)\s*(.*)$)");
  for (const poppler::toc_item* child : item.children()) {
    const poppler::byte_array utf8 = child->title().to_utf8();
    const std::string title = collapsed(std::string(utf8.begin(), utf8.end()));
    std::smatch match;
    if (!std::regex_match(title, match, numbered)) continue;
    std::vector<std::string> child_path = path;
    child_path.push_back(match[1].matched ? match[1].str() : match[3].str());
    if (child_path.size() > 6) continue;  // "(i)" and below are not sections
    std::string id;
    for (const auto& value : child_path) id += (id.empty() ? "" : ".") + value;
    out[id] = match[1].matched ? match[2].str() : match[4].str();
    collect_outline(*child, child_path, out);
  }
}

std::map<std::string, std::string> read_outline(const std::string& path) {
  std::map<std::string, std::string> outline;
  std::unique_ptr<poppler::document> document(poppler::document::load_from_file(path));
  if (!document) return outline;
  std::unique_ptr<poppler::toc> toc(document->create_toc());
  if (toc) collect_outline(*toc->root(), {}, outline);
  return outline;
}

// A heading cut short at a line break ends on a word that needs more after it.
bool ends_unfinished(const std::string& heading) {
  static const std::set<std::string> kConnectors = {"a",    "an",  "and", "by",     "for",
                                                    "from", "in",  "of",  "or",     "other",
                                                    "than", "the", "to",  "versus", "with"};
  if (heading.empty()) return true;
  const char last = heading.back();
  if (last == '-' || last == ',') return true;
  const std::size_t space = heading.rfind(' ');
  return kConnectors.count(heading.substr(space == std::string::npos ? 0 : space + 1)) > 0;
}

// True when heading ends with a whole phrase of three or more words: one section's heading
// run on into another's ("Coding of Sepsis and Severe Sepsis" may end with "Sepsis").
bool ends_with_phrase(const std::string& heading, const std::string& phrase) {
  if (std::count(phrase.begin(), phrase.end(), ' ') < 2 || heading.size() <= phrase.size())
    return false;
  const std::size_t start = heading.size() - phrase.size();
  return heading[start - 1] == ' ' && heading.compare(start, phrase.size(), phrase) == 0;
}

// One release's PDF, split and with its bookmarks; error says why not.
struct LoadedRelease {
  std::string skip;   // why the corpus cannot be used here: no corpus, no such file
  std::string error;  // what went wrong reading it
  std::vector<GuidelineSection> sections;
  std::map<std::string, std::string> outline;
};

LoadedRelease load_release(const std::string& release) {
  LoadedRelease loaded;
  auto corpus = resolve_corpus_dir(corpus_dir_inputs_from_environment(""));
  if (!corpus.is_ok()) {
    loaded.skip =
        "no official corpus (../shared/corpus, MEDCODE_CORPUS): " + corpus.status().to_string();
    return loaded;
  }
  auto manifest = parse_manifest(embedded_manifest(), "manifest.tsv");
  if (!manifest.is_ok()) {
    loaded.error = manifest.status().to_string();
    return loaded;
  }
  std::string path;
  for (const ManifestFile& file : manifest.value()) {
    if (file.code_set == "icd10cm" && file.role == "guidelines" && file.release == release) {
      path = (std::filesystem::path(corpus.value().path) / file.path).string();
    }
  }
  if (path.empty()) {
    loaded.error = "manifest.tsv has no icd10cm guidelines row for " + release;
  } else if (!std::filesystem::is_regular_file(path)) {
    loaded.skip = path + " is not in the corpus; run corpus/fetch";
  } else if (auto pages = read_pdf_pages(path); !pages.is_ok()) {
    loaded.error = pages.status().to_string();
  } else if (auto guidelines = split_guidelines(pages.value(), path); !guidelines.is_ok()) {
    loaded.error = guidelines.status().to_string();
  } else {
    loaded.sections = std::move(guidelines.value().sections);
    loaded.outline = read_outline(path);
    if (loaded.outline.empty())
      loaded.error = path + ": no numbered bookmarks to compare the headings with";
  }
  return loaded;
}

class GuidelinesCorpusTest : public ::testing::TestWithParam<ReleaseExpectation> {
 protected:
  void SetUp() override {
    static std::map<std::string, LoadedRelease> loaded;  // each PDF is read once
    auto at = loaded.find(GetParam().release);
    if (at == loaded.end())
      at = loaded.emplace(GetParam().release, load_release(GetParam().release)).first;
    if (!at->second.skip.empty()) GTEST_SKIP() << at->second.skip;
    ASSERT_EQ(at->second.error, "");
    sections_ = &at->second.sections;
    outline_ = &at->second.outline;
  }

  const std::vector<GuidelineSection>* sections_ = nullptr;
  const std::map<std::string, std::string>* outline_ = nullptr;
};

TEST_P(GuidelinesCorpusTest, FindsEverySectionOfThePdf) {
  EXPECT_EQ(sections_->size(), GetParam().sections);
  std::set<std::string> ids;
  for (const auto& section : *sections_) ids.insert(section.id);
  std::set<std::string> not_found;
  for (const auto& [id, title] : *outline_) {
    if (ids.count(id) == 0) not_found.insert(id);
  }
  EXPECT_EQ(not_found, kOutlineMisfiled);
}

// The bookmarks hold each heading in full, however the page wraps it.
TEST_P(GuidelinesCorpusTest, HeadingsMatchTheBookmarks) {
  std::size_t compared = 0;
  for (const auto& section : *sections_) {
    const auto entry = outline_->find(section.id);
    if (entry == outline_->end()) continue;
    ++compared;
    const auto slip = kOutlineSlips.find(section.id);
    if (slip != kOutlineSlips.end()) {
      EXPECT_EQ(entry->second, slip->second)
          << section.id << ": the bookmark no longer carries the slip";
      continue;
    }
    EXPECT_EQ(collapsed(section.heading), entry->second)
        << section.id << " (page " << section.page << ")";
  }
  EXPECT_GE(compared + 5, sections_->size()) << "most sections have a bookmark";
}

// Checks that need no bookmark: a heading is a heading's length, is not cut short, and
// neither repeats the heading before it nor takes in the one after it.
TEST_P(GuidelinesCorpusTest, NoHeadingRunsIntoTheTextAroundIt) {
  constexpr std::size_t kMaxHeadingWords = 20;  // the longest printed is 17
  for (std::size_t i = 0; i < sections_->size(); ++i) {
    const GuidelineSection& section = (*sections_)[i];
    const std::string where = section.id + " \"" + section.heading + "\"";
    std::istringstream words(section.heading);
    EXPECT_LE(std::distance(std::istream_iterator<std::string>(words),
                            std::istream_iterator<std::string>()),
              static_cast<long>(kMaxHeadingWords))
        << where;
    EXPECT_FALSE(ends_unfinished(section.heading)) << where;
    EXPECT_TRUE(section.text.empty() || !std::islower(static_cast<unsigned char>(section.text[0])))
        << where << " is followed by a lower-case line: " << section.text.substr(0, 60);
    for (std::size_t j = i; j-- > 0;) {
      if ((*sections_)[j].parent != section.parent) continue;
      EXPECT_FALSE(ends_with_phrase(section.heading, (*sections_)[j].heading))
          << where << " ends with the heading of " << (*sections_)[j].id;
      break;
    }
    if (i + 1 < sections_->size()) {
      EXPECT_FALSE(ends_with_phrase(section.heading, (*sections_)[i + 1].heading))
          << where << " ends with the next heading, " << (*sections_)[i + 1].id;
    }
  }
}

TEST_P(GuidelinesCorpusTest, KnownHeadingsComeOutAsPrinted) {
  std::map<std::string, std::string> found;
  for (const auto& section : *sections_) {
    if (GetParam().headings.count(section.id) > 0) found[section.id] = section.heading;
  }
  EXPECT_EQ(found, GetParam().headings);
}

INSTANTIATE_TEST_SUITE_P(Releases, GuidelinesCorpusTest, ::testing::ValuesIn(kReleases),
                         [](const ::testing::TestParamInfo<ReleaseExpectation>& info) {
                           std::string name = info.param.release;
                           for (char& c : name) {
                             if (c == '-') c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace medcode::indexer
