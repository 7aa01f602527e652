#include "searcher/engine/searcher.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <set>

#include "common/schema.h"
#include "tests/support/fixture_corpus.h"

namespace medcode::searcher {
namespace {

class SearcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Searcher::open(testing::shared_fixture_index());
    ASSERT_TRUE(opened.is_ok()) << opened.status().to_string();
    searcher_ = std::move(opened).value();
  }

  std::vector<std::string> codes(const std::string& query, std::size_t limit = 10) {
    SearchRequest request;
    request.query = query;
    request.limit = limit;
    auto response = searcher_->search(request);
    EXPECT_TRUE(response.is_ok()) << response.status().to_string();
    std::vector<std::string> out;
    if (response.is_ok()) {
      for (const auto& hit : response.value().hits) out.push_back(hit.code);
    }
    return out;
  }

  std::unique_ptr<Searcher> searcher_;
};

// A code or prefix in any accepted spelling returns the code, then its descendants.
TEST_F(SearcherTest, CodeQueriesReturnCodeThenDescendantsInTabularOrder) {
  const std::vector<std::string> i21 = {"I21", "I21.0", "I21.01", "I21.9"};
  EXPECT_EQ(codes("I21"), i21);
  EXPECT_EQ(codes("i21"), i21);
  EXPECT_EQ(codes("I21.9"), std::vector<std::string>{"I21.9"});
  EXPECT_EQ(codes("i219"), std::vector<std::string>{"I21.9"});
  EXPECT_EQ(codes(" I10 "), std::vector<std::string>{"I10"});
  EXPECT_EQ(codes("QA0").front(), "QA0");
}

TEST_F(SearcherTest, CodeQueriesScoreTheTypedCodeHighest) {
  SearchRequest request;
  request.query = "I21";
  auto response = searcher_->search(request);
  ASSERT_TRUE(response.is_ok());
  ASSERT_GE(response.value().hits.size(), 2u);
  EXPECT_EQ(response.value().hits[0].score, 100);
  EXPECT_EQ(response.value().hits[0].match, MatchKind::kCode);
  EXPECT_EQ(response.value().hits[1].score, 90);
  EXPECT_EQ(response.value().total, 4u);
}

// Text queries find codes through titles, inclusion terms, the index and the tables: the
// first result starts with the expected code.
TEST_F(SearcherTest, TextQueriesRankTheMatchingCodeFirst) {
  const struct {
    const char* query;
    const char* first;
  } rows[] = {
      {"acute myocardial infarction", "I21"},  // title
      {"high blood pressure", "I10"},          // inclusion term
      {"colles fracture", "S52.53"},           // title and alphabetic index
      {"poisoning by acetaminophen", "T39.1"},  // drug table substance
      {"adverse effect acetaminophen", "T39.1X5"},  // drug table column
      {"classical cholera", "A00.0"},  // inclusion term
      {"el tor cholera", "A00"},       // index term of retired A00.1, now on A00
  };
  for (const auto& row : rows) {
    const auto found = codes(row.query);
    ASSERT_FALSE(found.empty()) << row.query;
    EXPECT_EQ(found.front().rfind(row.first, 0), 0u) << row.query << " -> " << found.front();
  }
}

TEST_F(SearcherTest, ExternalCauseIndexLeadsToItsCode) {
  const auto found = codes("fall from ladder", 3);
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found.front().substr(0, 3), "W11");
}

TEST_F(SearcherTest, MisspelledQueryIsCorrected) {
  SearchRequest request;
  request.query = "hypertenson";
  auto response = searcher_->search(request);
  ASSERT_TRUE(response.is_ok());
  EXPECT_EQ(response.value().corrected_query, "hypertension");
  ASSERT_FALSE(response.value().hits.empty());
  EXPECT_EQ(response.value().hits[0].code, "I10");
}

// "what is I10": a question about a code answers the code; a question with another word
// in it is a text search.
TEST_F(SearcherTest, QuestionsAboutACodeAnswerTheCode) {
  EXPECT_EQ(codes("what is I10"), std::vector<std::string>{"I10"});
  EXPECT_EQ(codes("What is code I21.9?"), std::vector<std::string>{"I21.9"});
  EXPECT_EQ(codes("define i219"), std::vector<std::string>{"I21.9"});
  SearchRequest request;
  request.query = "what is hypertension I10";  // two topics: not a lookup
  auto response = searcher_->search(request);
  ASSERT_TRUE(response.is_ok());
  for (const auto& hit : response.value().hits) EXPECT_EQ(hit.match, MatchKind::kText);
}

TEST_F(SearcherTest, FiltersBySystemAndBillable) {
  SearchRequest request;
  request.query = "colles fracture";
  request.billable = BillableFilter::kBillableOnly;
  auto billable = searcher_->search(request);
  ASSERT_TRUE(billable.is_ok());
  ASSERT_FALSE(billable.value().hits.empty());
  for (const auto& hit : billable.value().hits) EXPECT_TRUE(hit.is_billable) << hit.code;

  request.billable = BillableFilter::kAny;
  request.system = "hcpcs";
  auto other_system = searcher_->search(request);
  ASSERT_TRUE(other_system.is_ok());
  EXPECT_TRUE(other_system.value().hits.empty());
  request.query = "I21";
  auto code_other_system = searcher_->search(request);
  ASSERT_TRUE(code_other_system.is_ok());
  EXPECT_TRUE(code_other_system.value().hits.empty());
}

TEST_F(SearcherTest, PagesWithOffset) {
  SearchRequest request;
  request.query = "I21";
  request.limit = 2;
  request.offset = 2;
  auto response = searcher_->search(request);
  ASSERT_TRUE(response.is_ok());
  ASSERT_EQ(response.value().hits.size(), 2u);
  EXPECT_EQ(response.value().hits[0].code, "I21.01");
}

// Every page of a text search is the next slice of one ranking: no result twice, none
// skipped, full pages while there are matches (offset > 0 once returned nothing).
TEST_F(SearcherTest, TextPagesFollowOneRanking) {
  for (const std::string system : {"", "icd10cm"}) {
    std::size_t checked = 0;  // queries with more than one page
    for (const std::string query : {"fracture", "myocardial infarction", "acute", "infarction", "pneumonia", "cholera"}) {
      SearchRequest request;
      request.query = query;
      request.system = system;
      request.limit = 3;
      std::vector<std::string> paged;
      std::size_t total = 0;
      for (std::size_t offset : {0, 3, 6}) {
        request.offset = offset;
        auto page = searcher_->search(request);
        ASSERT_TRUE(page.is_ok()) << query << ": " << page.status().to_string();
        total = page.value().total;
        const std::size_t expected = total > offset ? std::min<std::size_t>(3, total - offset) : 0;
        EXPECT_EQ(page.value().hits.size(), expected) << query << " system=" << system << " offset " << offset;
        for (const auto& hit : page.value().hits) paged.push_back(hit.system + ":" + hit.code);
      }
      if (total <= 3) continue;
      ++checked;
      std::set<std::string> distinct(paged.begin(), paged.end());
      EXPECT_EQ(distinct.size(), paged.size()) << query << " system=" << system << ": a result on two pages";
      // Within one code set, three pages of three are the first nine of one ranking.
      if (!system.empty()) {
        request.offset = 0;
        request.limit = 9;
        auto whole = searcher_->search(request);
        ASSERT_TRUE(whole.is_ok());
        std::vector<std::string> first_nine;
        for (const auto& hit : whole.value().hits) first_nine.push_back(hit.system + ":" + hit.code);
        EXPECT_EQ(paged, first_nine) << query;
      }
    }
    EXPECT_GE(checked, 2u) << "system=" << system;
  }
}

TEST_F(SearcherTest, RejectsBadRequestsNamingTheParameter) {
  SearchRequest request;
  request.query = "   ";
  EXPECT_EQ(searcher_->search(request).status().message(), "parameter \"q\": query is empty");
  request.query = std::string(600, 'a');
  EXPECT_EQ(searcher_->search(request).status().message(),
            "parameter \"q\": 600 bytes exceeds maximum 512");
  request.query = "bad \xFF";
  EXPECT_EQ(searcher_->search(request).status().message(),
            "parameter \"q\": not valid UTF-8 at byte 4");
  request.query = "fracture";
  request.limit = 500;
  EXPECT_EQ(searcher_->search(request).status().message(),
            "parameter \"limit\": 500 exceeds maximum 200");
  request.limit = 0;
  EXPECT_EQ(searcher_->search(request).status().message(), "parameter \"limit\": 0 is below minimum 1");
  request.limit = 10;
  request.system = "ICD 10";
  EXPECT_EQ(searcher_->search(request).status().message(),
            "parameter \"system\": \"ICD 10\" is not a system name (e.g. icd10cm)");
  EXPECT_EQ(searcher_->search(request).status().code(), StatusCode::kInvalidArgument);
}

// A well-formed system the index does not hold is refused, naming what it serves, rather
// than finding nothing; a code lookup in it is not found, with the same list.
TEST_F(SearcherTest, RefusesSystemsTheIndexDoesNotServe) {
  const std::string served = "is not served by this index; it serves icd10cm, icd10pcs, hcpcs, guidelines";
  SearchRequest request;
  request.query = "diabetes";
  request.system = "icd9";
  auto searched = searcher_->search(request);
  ASSERT_FALSE(searched.is_ok());
  EXPECT_EQ(searched.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(searched.status().message(), "parameter \"system\": \"icd9\" " + served);
  request.query = "250.00";  // a code query is refused the same way
  EXPECT_EQ(searcher_->search(request).status().message(), "parameter \"system\": \"icd9\" " + served);
  SuggestRequest suggest;
  suggest.query = "diab";
  suggest.system = "cpt";
  auto suggested = searcher_->suggest(suggest);
  ASSERT_FALSE(suggested.is_ok());
  EXPECT_EQ(suggested.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(suggested.status().message(), "parameter \"system\": \"cpt\" " + served);
  auto detail = searcher_->code_detail("icd9", "250.00");
  ASSERT_FALSE(detail.is_ok());
  EXPECT_EQ(detail.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(detail.status().message(), "system \"icd9\" " + served);
  EXPECT_EQ(searcher_->lookup("", "I10").status().message(), "system \"\" " + served);
  // Every served system, and none, passes.
  for (const char* system : {"", "icd10cm", "icd10pcs", "hcpcs", "guidelines"}) {
    EXPECT_TRUE(searcher_->check_system(system).is_ok()) << system;
  }
}

// Punctuation and operators are plain text, never a parse error.
TEST_F(SearcherTest, OddQueriesNeverFail) {
  for (const char* query : {"\"unbalanced", "AND OR NOT", "((()))", "-", "*", "fracture AND",
                            "C++", "a:b:c", "\xE2\x80\x9Cquoted\xE2\x80\x9D"}) {
    SearchRequest request;
    request.query = query;
    EXPECT_TRUE(searcher_->search(request).is_ok()) << query;
  }
}

TEST_F(SearcherTest, LooksUpFullRecord) {
  auto record = searcher_->lookup("icd10cm", "i10");
  ASSERT_TRUE(record.is_ok()) << record.status().to_string();
  EXPECT_EQ(record.value().title, "Essential (primary) hypertension");
  EXPECT_EQ(record.value().inclusion_terms.size(), 2u);
  EXPECT_EQ(record.value().section, "I10-I16");
  auto missing = searcher_->lookup("icd10cm", "I99.99");
  ASSERT_FALSE(missing.is_ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(missing.status().message(), "code \"I99.99\" not found in icd10cm");
}

TEST_F(SearcherTest, ReportsIndexFacts) {
  const IndexInfo info = searcher_->info();
  EXPECT_EQ(info.release, "fy2026");
  EXPECT_EQ(info.documents, testing::kFixtureDocuments);
  ASSERT_EQ(info.code_sets.size(), 4u);
  EXPECT_EQ(info.code_sets[0].system, "icd10cm");
  EXPECT_EQ(info.code_sets[0].documents, testing::kFixtureIcd10CmCodes + testing::kFixtureDeletedCodes);
  EXPECT_EQ(info.code_sets[2].system, "hcpcs");
  EXPECT_EQ(info.code_sets[2].release, "2025-oct");
  EXPECT_EQ(info.built_at.size(), 20u);
}

// The fixture GEMs (tests/fixtures/gems/) on the records: the ICD-9-CM code in display form,
// the flags in words, forward and backward apart.
TEST_F(SearcherTest, RecordsCarryTheirGemCrosswalks) {
  auto poisoning = searcher_->lookup("icd10cm", "T39.1X1A");
  ASSERT_TRUE(poisoning.is_ok()) << poisoning.status().to_string();
  std::vector<std::string> forward, backward;
  for (const auto& attribute : poisoning.value().attributes) {
    const std::string shown = attribute.value + " (" + attribute.detail + ")";
    if (attribute.name == kGemForwardAttribute) forward.push_back(shown);
    if (attribute.name == kGemBackwardAttribute) backward.push_back(shown);
  }
  EXPECT_EQ(forward, (std::vector<std::string>{"965.4 (approximate)"}));
  EXPECT_EQ(backward, (std::vector<std::string>{"965.4 (approximate; combination: scenario 1, choice list 1)",
                                                "E850.4 (approximate; combination: scenario 1, choice list 2)"}));
  auto appendectomy = searcher_->lookup("icd10pcs", "0DTJ4ZZ");
  ASSERT_TRUE(appendectomy.is_ok()) << appendectomy.status().to_string();
  std::vector<std::string> pcs;
  for (const auto& attribute : appendectomy.value().attributes) {
    if (attribute.name.rfind("ICD-9-CM (GEM", 0) == 0) pcs.push_back(attribute.name + " " + attribute.value);
  }
  EXPECT_EQ(pcs, (std::vector<std::string>{"ICD-9-CM (GEM, ICD-9 to ICD-10) 47.01",
                                           "ICD-9-CM (GEM, ICD-10 to ICD-9) 47.01"}));
  // An exact map says so; a code without GEM entries has no such attributes.
  auto cholera = searcher_->lookup("icd10cm", "A00.0");
  ASSERT_TRUE(cholera.is_ok());
  ASSERT_FALSE(cholera.value().attributes.empty());
  EXPECT_EQ(cholera.value().attributes.back().detail, "identical");
  auto colles = searcher_->lookup("icd10cm", "S52.531A");
  ASSERT_TRUE(colles.is_ok());
  for (const auto& attribute : colles.value().attributes) EXPECT_NE(attribute.name, kGemForwardAttribute);
}

// "code (title) flags" of each crosswalk, for comparing lists.
std::vector<std::string> crosswalk_lines(const std::vector<Crosswalk>& crosswalks) {
  std::vector<std::string> lines;
  for (const auto& c : crosswalks) {
    std::string line = c.icd9_code + " -> " + c.system + " " + c.code + (c.is_billable ? " billable" : " header");
    if (c.approximate) line += " approximate";
    if (c.combination) line += " " + std::to_string(c.scenario) + "/" + std::to_string(c.choice_list);
    lines.push_back(line);
  }
  return lines;
}

TEST_F(SearcherTest, MapsIcd9CmCodesToIcd10) {
  // Any accepted spelling; only codes of the index's release (401.9 also maps to I16.9).
  for (const char* hypertension : {"401.9", "4019", " 401.9 "}) {
    auto mapped = searcher_->icd9_to_icd10(hypertension, false);
    ASSERT_TRUE(mapped.is_ok()) << mapped.status().to_string();
    EXPECT_EQ(crosswalk_lines(mapped.value()),
              (std::vector<std::string>{"401.9 -> icd10cm I10 billable approximate"}))
        << hypertension;
  }
  auto cholera = searcher_->icd9_to_icd10("001.0", false);
  ASSERT_TRUE(cholera.is_ok());
  ASSERT_EQ(cholera.value().size(), 1u);
  EXPECT_EQ(cholera.value()[0].code, "A00.0");
  EXPECT_EQ(cholera.value()[0].title, "Cholera due to Vibrio cholerae 01, biovar cholerae");
  EXPECT_FALSE(cholera.value()[0].approximate);
  auto fall = searcher_->icd9_to_icd10("e881.0", false);
  ASSERT_TRUE(fall.is_ok());
  EXPECT_EQ(crosswalk_lines(fall.value()), (std::vector<std::string>{"E881.0 -> icd10cm W11.XXXA billable approximate"}));
  // Procedures: a combination entry lists each scenario's choice lists in turn; the choice
  // list of 0SPC09Z is not in the fixture release.
  auto knees = searcher_->icd9_to_icd10("00.80", true);
  ASSERT_TRUE(knees.is_ok()) << knees.status().to_string();
  EXPECT_EQ(crosswalk_lines(knees.value()),
            (std::vector<std::string>{"00.80 -> icd10pcs 0SRC0J9 billable approximate 1/1",
                                      "00.80 -> icd10pcs 0SRC0JZ billable approximate 1/1",
                                      "00.80 -> icd10pcs 0SRD0J9 billable approximate 2/1",
                                      "00.80 -> icd10pcs 0SRD0JZ billable approximate 2/1"}));
  auto appendectomy = searcher_->icd9_to_icd10("4701", true);
  ASSERT_TRUE(appendectomy.is_ok());
  EXPECT_EQ(crosswalk_lines(appendectomy.value()),
            (std::vector<std::string>{"47.01 -> icd10pcs 0DTJ4ZZ billable approximate"}));
}

TEST_F(SearcherTest, UnmappedIcd9CmCodesGiveNoCrosswalks) {
  const struct {
    const char* code;
    bool procedures;
  } rows[] = {
      {"250.00", false},  // maps to E11.9, which the fixture release lacks
      {"365.70", false},  // NoDx in the GEM
      {"922.2", false},   // maps to S30.1XXA, deleted in FY2026
      {"999.9", false},   // not in the GEM
      {"00.16", true},    // NoPCS
      {"4701", false},    // a procedure code read as a diagnosis: 470.1, another code
  };
  for (const auto& row : rows) {
    auto mapped = searcher_->icd9_to_icd10(row.code, row.procedures);
    ASSERT_TRUE(mapped.is_ok()) << row.code << ": " << mapped.status().to_string();
    EXPECT_TRUE(mapped.value().empty()) << row.code;
  }
}

TEST_F(SearcherTest, RejectsCodesThatAreNotIcd9Cm) {
  auto diagnosis = searcher_->icd9_to_icd10("E11.9", false);
  ASSERT_FALSE(diagnosis.is_ok());
  EXPECT_EQ(diagnosis.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(diagnosis.status().message(),
            "icd9_code \"E11.9\": not an ICD-9-CM diagnosis code (3-5 digits, V and 2-4 digits, or E and "
            "3-4 digits, e.g. 250.00)");
  auto procedure = searcher_->icd9_to_icd10("0DTJ4ZZ", true);
  ASSERT_FALSE(procedure.is_ok());
  EXPECT_EQ(procedure.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(procedure.status().message(),
            "icd9_code \"0DTJ4ZZ\": not an ICD-9-CM procedure code (2-4 digits, e.g. 47.01)");
  for (const char* bad : {"", "2500.0", "250.000", "heart attack", "47.01.1"}) {
    EXPECT_EQ(searcher_->icd9_to_icd10(bad, false).status().code(), StatusCode::kInvalidArgument) << bad;
  }
}

TEST(SearcherOpenTest, MissingIndexIsUnavailableWithAdvice) {
  auto opened = Searcher::open("/no/such/index");
  ASSERT_FALSE(opened.is_ok());
  EXPECT_EQ(opened.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(opened.status().message(),
            "index /no/such/index not found: build it with medcode-indexer build --index "
            "/no/such/index");
}

TEST(SearcherOpenTest, EmptyDirectoryIsUnavailableWithAdvice) {
  testing::TempDir dir;
  auto opened = Searcher::open(dir.path());
  ASSERT_FALSE(opened.is_ok());
  EXPECT_EQ(opened.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(opened.status().message(), "index " + dir.path() + " is an empty directory: build it with "
                                       "medcode-indexer build --index " + dir.path());
}

// Said in our words, not Xapian's "couldn't detect type of database".
TEST(SearcherOpenTest, DirectoryOfOtherFilesIsNotAnIndex) {
  testing::TempDir dir;
  testing::write_file(dir / "notes.txt", "x");
  auto opened = Searcher::open(dir.path());
  ASSERT_FALSE(opened.is_ok());
  EXPECT_EQ(opened.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(opened.status().message(), "index " + dir.path() +
                                           " is not a medcode index (no Xapian database in it; it holds "
                                           "\"notes.txt\"): give --index a directory made by medcode-indexer "
                                           "build --index DIR or --root DIR");
  auto file = Searcher::open(dir / "notes.txt");
  EXPECT_EQ(file.status().message(), "index " + (dir / "notes.txt") +
                                         " is a file, not a directory: give --index the directory "
                                         "medcode-indexer build --index made");
}

// A Xapian database medcode did not write, and one of another schema version, directly
// and as the published version of an index root.
TEST(SearcherOpenTest, ForeignAndOlderDatabasesAreNamedAsSuch) {
  testing::TempDir dir;
  Xapian::WritableDatabase(dir / "foreign", Xapian::DB_CREATE).commit();
  auto foreign = Searcher::open(dir / "foreign");
  ASSERT_FALSE(foreign.is_ok());
  EXPECT_EQ(foreign.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(foreign.status().message(), "index " + (dir / "foreign") +
                                            " is a Xapian database but not a medcode index (it has no "
                                            "medcode.schema_version): give --index a directory made by "
                                            "medcode-indexer build --index DIR");
  const std::string old_version = dir / "root/releases/fy2025-1";
  std::filesystem::create_directories(old_version);
  {
    Xapian::WritableDatabase old(old_version, Xapian::DB_CREATE);
    old.set_metadata("medcode.schema_version", "1");
    old.commit();
  }
  std::filesystem::create_directory_symlink("releases/fy2025-1", dir / "root/current");
  auto direct = Searcher::open(old_version);
  ASSERT_FALSE(direct.is_ok());
  EXPECT_EQ(direct.status().code(), StatusCode::kDataError);
  EXPECT_EQ(direct.status().message(), "index " + old_version + " has schema version \"1\", this medcode reads "
                                       "version " + std::to_string(schema::kSchemaVersion) +
                                       ": rebuild it with medcode-indexer build --index " + old_version);
  auto through_root = Searcher::open(dir / "root");
  ASSERT_FALSE(through_root.is_ok());
  EXPECT_EQ(through_root.status().message(),
            "index " + (dir / "root/current") + " has schema version \"1\", this medcode reads version " +
                std::to_string(schema::kSchemaVersion) + ": rebuild it with medcode-indexer build --root " +
                (dir / "root") + " --publish");
}

// An index root serves its current version; before the first publish it says how to publish.
TEST(SearcherOpenTest, UnpublishedIndexRootSaysHowToPublish) {
  testing::TempDir dir;
  std::filesystem::create_directories(dir / "root/releases");
  auto opened = Searcher::open(dir / "root");
  ASSERT_FALSE(opened.is_ok());
  EXPECT_EQ(opened.status().code(), StatusCode::kUnavailable);
  const std::string root = dir / "root";
  EXPECT_EQ(opened.status().message(), "index root " + root + " has no published version (no " + root +
                                           "/current): publish one with medcode-indexer publish --root " + root +
                                           " VERSION (medcode-indexer list --root " + root + " lists them)");
}

}  // namespace
}  // namespace medcode::searcher
