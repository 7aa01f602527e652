#include "indexer/sources/lay_vocabulary_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>

#include "indexer/sources/source_bytes.h"
#include "tests/support/fixture_corpus.h"

namespace medcode::indexer {
namespace {

bool has_pair(const SynonymList& list, const std::string& term, const std::string& expansion) {
  return std::any_of(list.rows.begin(), list.rows.end(), [&](const SynonymRow& row) {
    return row.term == term && std::find(row.expansions.begin(), row.expansions.end(), expansion) !=
                                   row.expansions.end();
  });
}

const SynonymRow* find_row(const SynonymList& list, const std::string& term) {
  for (const auto& row : list.rows) {
    if (row.term == term) return &row;
  }
  return nullptr;
}

// --- HPO layperson synonyms (SPARQL TSV) ---

constexpr const char* kHpoHeader = "?term\t?term_label\t?layperson\n";

TEST(HpoLaypersonReaderTest, ReadsLaypersonSynonymAsTermAndLabelAsExpansion) {
  auto list = read_hpo_layperson_synonyms(
      std::string(kHpoHeader) +
          "<http://purl.obolibrary.org/obo/HP_0000001>\t\"Epistaxis\"\t\"Nosebleed\"\n"
          // Some labels carry a language tag; it is not part of the text.
          "<http://purl.obolibrary.org/obo/HP_0000002>\t\"Pruritus\"@en\t\"Itchy skin\"\r\n"
          "\n",
      "lay.tsv");
  ASSERT_TRUE(list.is_ok()) << list.status().to_string();
  EXPECT_FALSE(list.value().bidirectional);
  EXPECT_EQ(list.value().skipped.count(), 0u);
  ASSERT_EQ(list.value().rows.size(), 2u);
  EXPECT_EQ(list.value().rows[0].term, "Nosebleed");
  EXPECT_EQ(list.value().rows[0].expansions, std::vector<std::string>{"Epistaxis"});
  EXPECT_EQ(list.value().rows[0].location, "lay.tsv:2");
  EXPECT_EQ(list.value().rows[1].term, "Itchy skin");
  EXPECT_EQ(list.value().rows[1].expansions, std::vector<std::string>{"Pruritus"});
  EXPECT_EQ(list.value().rows[1].location, "lay.tsv:3");
}

TEST(HpoLaypersonReaderTest, UndoesEscapesAndKeepsParentheticals) {
  auto list = read_hpo_layperson_synonyms(
      "<http://purl.obolibrary.org/obo/HP_0000003>\t\"Genu \\\"varum\\\"\"^^<http://www.w3.org/"
      "2001/XMLSchema#string>\t\"Bowed legs (knees)\"@en-GB\n",
      "lay.tsv");
  ASSERT_TRUE(list.is_ok()) << list.status().to_string();
  ASSERT_EQ(list.value().rows.size(), 1u);
  EXPECT_EQ(list.value().rows[0].term, "Bowed legs (knees)");
  EXPECT_EQ(list.value().rows[0].expansions, std::vector<std::string>{"Genu \"varum\""});
}

// Each malformed row, alone after the header (line 2), and the reason logged for it.
TEST(HpoLaypersonReaderTest, SkipsMalformedRowsWithLocation) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"<http://purl.obolibrary.org/obo/HP_1>\t\"Epistaxis\"",
       "expected 3 tab-separated columns (term, label, layperson), found 2"},
      {"HP_1\t\"Epistaxis\"\t\"Nosebleed\"", "term is not an IRI in <...>: \"HP_1\""},
      {"<http://purl.obolibrary.org/obo/HP_1>\tEpistaxis\t\"Nosebleed\"",
       "label is not a quoted literal: \"Epistaxis\""},
      {"<http://purl.obolibrary.org/obo/HP_1>\t\"Epistaxis\"\t\"Nosebleed",
       "layperson synonym is not a quoted literal: \"\\\"Nosebleed\""},
      {"<http://purl.obolibrary.org/obo/HP_1>\t\"Epistaxis\"\t\"Nosebleed\"en",
       "layperson synonym is not a quoted literal: \"\\\"Nosebleed\\\"en\""},
      {"<http://purl.obolibrary.org/obo/HP_1>\t\" \"@en\t\"Nosebleed\"", "label is empty"},
      {"<http://purl.obolibrary.org/obo/HP_1>\t\"Stiff knee\"@en\t\"stiff Knee\"",
       "layperson synonym \"stiff Knee\" equals the label"},
  };
  for (const auto& [row, reason] : cases) {
    auto list = read_hpo_layperson_synonyms(kHpoHeader + row + "\n", "lay.tsv");
    ASSERT_TRUE(list.is_ok()) << row;
    EXPECT_TRUE(list.value().rows.empty()) << row;
    ASSERT_EQ(list.value().skipped.count(), 1u) << row;
    EXPECT_EQ(list.value().skipped.examples()[0], "lay.tsv:2: " + reason);
  }
}

TEST(HpoLaypersonReaderTest, RejectsInvalidUtf8WithLocation) {
  auto list = read_hpo_layperson_synonyms(
      std::string(kHpoHeader) +
          "<http://purl.obolibrary.org/obo/HP_1>\t\"Epistaxis\"\t\"Nose\xFF\"\n",
      "lay.tsv");
  ASSERT_FALSE(list.is_ok());
  EXPECT_EQ(list.status().code(), StatusCode::kDataError);
  EXPECT_EQ(list.status().message(), "lay.tsv:2:56: invalid UTF-8 (byte 0xFF)");
}

// --- Symptom Ontology (OBO 1.2) ---

constexpr const char* kOboHeader =
    "format-version: 1.2\n"
    "ontology: symp\n"
    "\n";

TEST(SymptomOntologyReaderTest, ReadsExactSynonymsBothWays) {
  auto list = read_symptom_ontology_synonyms(std::string(kOboHeader) +
                                                 "[Term]\n"                                // 4
                                                 "id: SYMP:0000100\n"                      // 5
                                                 "name: dyspnea ! shortness of breath\n"   // 6
                                                 "synonym: \"breathlessness\" EXACT []\n"  // 7
                                                 "synonym: \"air hunger\" RELATED []\n"    // 8
                                                 "synonym: \"short of \\\"breath\\\"\" EXACT "
                                                 "LAYPERSON [url:https\\://example.org]\n"  // 9
                                                 "is_a: SYMP:0000001 ! respiratory symptom\n",
                                             "symp.obo");
  ASSERT_TRUE(list.is_ok()) << list.status().to_string();
  EXPECT_FALSE(list.value().bidirectional);
  EXPECT_EQ(list.value().skipped.count(), 0u);
  const std::vector<std::vector<std::string>> expected = {
      {"breathlessness", "dyspnea", "symp.obo:7"},
      {"dyspnea", "breathlessness", "symp.obo:7"},
      {"short of \"breath\"", "dyspnea", "symp.obo:9"},
      {"dyspnea", "short of \"breath\"", "symp.obo:9"},
  };
  ASSERT_EQ(list.value().rows.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(list.value().rows[i].term, expected[i][0]);
    EXPECT_EQ(list.value().rows[i].expansions, std::vector<std::string>{expected[i][1]});
    EXPECT_EQ(list.value().rows[i].location, expected[i][2]);
  }
  // RELATED synonyms are not equivalents.
  EXPECT_FALSE(has_pair(list.value(), "air hunger", "dyspnea"));
}

TEST(SymptomOntologyReaderTest, SkipsObsoleteTermsAndOtherStanzas) {
  auto list = read_symptom_ontology_synonyms(std::string(kOboHeader) +
                                                 "[Term]\n"
                                                 "id: SYMP:0000200\n"
                                                 "name: obsolete apoplexy\n"
                                                 "synonym: \"stroke\" EXACT []\n"
                                                 "is_obsolete: true\n"  // after the synonyms
                                                 "\n"
                                                 "[Term]\n"
                                                 "id: SYMP:0000201\n"
                                                 "name: pyrexia\n"
                                                 "synonym: \"fever\" EXACT []\n"
                                                 "\n"
                                                 "[Typedef]\n"
                                                 "id: part_of\n"
                                                 "name: part_of\n"
                                                 "synonym: \"component of\" EXACT []\n",
                                             "symp.obo");
  ASSERT_TRUE(list.is_ok()) << list.status().to_string();
  ASSERT_EQ(list.value().rows.size(), 2u);
  EXPECT_TRUE(has_pair(list.value(), "fever", "pyrexia"));
  EXPECT_TRUE(has_pair(list.value(), "pyrexia", "fever"));
  EXPECT_EQ(list.value().skipped.count(), 0u);
}

// Each malformed synonym, on line 6 of a term named "cough", and the reason logged for it.
TEST(SymptomOntologyReaderTest, SkipsMalformedSynonymsWithLocation) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"synonym: tussis EXACT []", "synonym is not a quoted string: \"tussis EXACT []\""},
      {"synonym: \"tussis EXACT []", "synonym is not a quoted string: \"\\\"tussis EXACT []\""},
      {"synonym: \"tussis\" []", "synonym has no scope (EXACT, RELATED, BROAD or NARROW)"},
      {"synonym: \"tussis\" SAME []",
       "synonym scope \"SAME\" is not EXACT, RELATED, BROAD or NARROW"},
      {"synonym: \" \" EXACT []", "synonym is empty"},
      {"synonym: \"Cough\" EXACT []", "synonym \"Cough\" equals the name"},
  };
  for (const auto& [line, reason] : cases) {
    auto list = read_symptom_ontology_synonyms(
        std::string(kOboHeader) + "[Term]\nname: cough\n" + line + "\n", "symp.obo");
    ASSERT_TRUE(list.is_ok()) << line;
    EXPECT_TRUE(list.value().rows.empty()) << line;
    ASSERT_EQ(list.value().skipped.count(), 1u) << line;
    EXPECT_EQ(list.value().skipped.examples()[0], "symp.obo:6: " + reason);
  }
}

TEST(SymptomOntologyReaderTest, SkipsTermWithoutNameAtItsStanza) {
  auto list = read_symptom_ontology_synonyms(
      std::string(kOboHeader) + "[Term]\nid: SYMP:0000300\nsynonym: \"fever\" EXACT []\n",
      "symp.obo");
  ASSERT_TRUE(list.is_ok());
  EXPECT_TRUE(list.value().rows.empty());
  ASSERT_EQ(list.value().skipped.count(), 1u);
  EXPECT_EQ(list.value().skipped.examples()[0], "symp.obo:4: [Term] has no name");
}

TEST(SymptomOntologyReaderTest, RejectsInvalidUtf8WithLocation) {
  auto list = read_symptom_ontology_synonyms(
      std::string(kOboHeader) + "[Term]\nname: na\xC3\x28usea\n", "symp.obo");
  ASSERT_FALSE(list.is_ok());
  EXPECT_EQ(list.status().message(), "symp.obo:5:9: invalid UTF-8 (byte 0xC3)");
}

// --- WordNet (wndb(5WN) data.noun) ---

// One synset of a fake data.noun. Pointers name other synsets of the fixture by key; the
// writer turns keys into the byte offsets the format requires.
struct FakeSynset {
  std::string key;
  std::string lex_filenum;  // "26" is noun.state, "08" noun.body, "07" noun.attribute
  std::string words;        // lemma and lex_id pairs as written: "tetanus 0 lockjaw 0"
  std::vector<std::pair<std::string, std::string>> pointers;  // {"@", "disease"}
  std::string raw;  // when set, the line after its offset instead, to write malformed lines
};

std::string synset_line(const FakeSynset& synset,
                        const std::map<std::string, std::size_t>& offsets) {
  auto offset_of = [&](const std::string& key) {
    char text[16];
    std::snprintf(text, sizeof text, "%08zu", offsets.count(key) ? offsets.at(key) : 0);
    return std::string(text);
  };
  if (!synset.raw.empty()) return offset_of(synset.key) + " " + synset.raw + "\n";
  const auto word_count = std::count(synset.words.begin(), synset.words.end(), ' ') / 2 + 1;
  char counts[32];
  std::snprintf(counts, sizeof counts, "%02lx", static_cast<long>(word_count));
  std::string line =
      offset_of(synset.key) + " " + synset.lex_filenum + " n " + counts + " " + synset.words;
  std::snprintf(counts, sizeof counts, " %03zu", synset.pointers.size());
  line += counts;
  for (const auto& [symbol, target] : synset.pointers)
    line += " " + symbol + " " + offset_of(target) + " n 0000";
  return line + " | fixture synset " + synset.key + "  \n";
}

// A data.noun with the licence header's two-space lines and then one line per synset (line
// 3 onwards) whose synset_offset, like every pointer's, is the byte offset of its line.
// Offsets are 8 digits wide, so a first pass with placeholder offsets gives every length.
std::string fake_data_noun(const std::vector<FakeSynset>& synsets) {
  const std::string header = "  1 This fixture is not WordNet, only in its format.  \n  2   \n";
  std::map<std::string, std::size_t> offsets;
  std::size_t at = header.size();
  for (const auto& synset : synsets) {
    offsets[synset.key] = at;
    at += synset_line(synset, {}).size();
  }
  std::string text = header;
  for (const auto& synset : synsets) text += synset_line(synset, offsets);
  return text;
}

const std::vector<FakeSynset> kMedicalFixture = {
    {"condition", "26", "condition 0 status 0", {}, ""},  // line 3
    {"ill_health", "26", "ill_health 0 health_problem 0", {{"@", "condition"}}, ""},
    {"disease", "26", "disease 0", {{"@", "ill_health"}, {"~", "tetanus"}}, ""},
    {"tetanus", "26", "tetanus 0 lockjaw 0", {{"@", "disease"}}, ""},  // line 6
    {"cold", "26", "cold 0 common_cold 0", {{"@", "disease"}}, ""},
    {"hepatitis_a",
     "26",
     "hepatitis_A 0 A 0 1 0 infectious_hepatitis 0 Hepatitis_A 0",
     {{"@", "disease"}},
     ""},
    {"temperature", "07", "temperature 0", {}, ""},
    {"coldness", "07", "coldness 0 cold 1 low_temperature 0", {{"@", "temperature"}}, ""},
    {"body_part", "08", "body_part 0", {}, ""},
    {"tendon", "08", "tendon 0 sinew 0", {{"@", "body_part"}}, ""},
    {"achilles", "08", "Achilles_tendon 0 tendon_of_Achilles 0", {{"@i", "tendon"}}, ""},
    // A noun.attribute synset below a root is still not a medical sense.
    {"sinewiness", "07", "sinewiness 0 stringiness 0", {{"@", "tendon"}}, ""},
};

TEST(WordnetMedicalReaderTest, KeepsMedicalSynsetsAndDropsOthers) {
  testing::TempDir dir;
  testing::write_file(dir / "data.noun", fake_data_noun(kMedicalFixture));
  auto list = read_wordnet_medical_synonyms(dir.path());
  ASSERT_TRUE(list.is_ok()) << list.status().to_string();
  EXPECT_FALSE(list.value().bidirectional);
  EXPECT_EQ(list.value().skipped.count(), 0u);
  EXPECT_TRUE(has_pair(list.value(), "lockjaw", "tetanus"));
  EXPECT_TRUE(has_pair(list.value(), "tetanus", "lockjaw"));
  EXPECT_TRUE(has_pair(list.value(), "health problem", "ill health"));  // the root itself
  const SynonymRow* cold = find_row(list.value(), "cold");
  ASSERT_NE(cold, nullptr);
  EXPECT_EQ(cold->expansions, std::vector<std::string>{"common cold"});
  EXPECT_EQ(cold->location, dir / "data.noun" + ":7");
  // Below no root ("status"), or in no medical lexicographer file ("coldness").
  EXPECT_EQ(find_row(list.value(), "status"), nullptr);
  EXPECT_EQ(find_row(list.value(), "coldness"), nullptr);
  EXPECT_EQ(find_row(list.value(), "sinewiness"), nullptr);
  // @i (instance hypernym) is followed like @.
  EXPECT_TRUE(has_pair(list.value(), "Achilles tendon", "tendon of Achilles"));
  EXPECT_TRUE(has_pair(list.value(), "sinew", "tendon"));
}

TEST(WordnetMedicalReaderTest, LeavesOutLettersDigitsAndRepeatedLemmas) {
  testing::TempDir dir;
  testing::write_file(dir / "data.noun", fake_data_noun(kMedicalFixture));
  auto list = read_wordnet_medical_synonyms(dir.path());
  ASSERT_TRUE(list.is_ok()) << list.status().to_string();
  const SynonymRow* hepatitis = find_row(list.value(), "hepatitis A");
  ASSERT_NE(hepatitis, nullptr);
  EXPECT_EQ(hepatitis->expansions, std::vector<std::string>{"infectious hepatitis"});
  EXPECT_EQ(find_row(list.value(), "A"), nullptr);
  EXPECT_EQ(find_row(list.value(), "1"), nullptr);
}

TEST(WordnetMedicalReaderTest, SkipsMalformedLinesWithLocation) {
  std::vector<FakeSynset> synsets = kMedicalFixture;
  synsets.push_back({"broken",
                     "",
                     "",
                     {},
                     "26 n 02 measles 0 rubeola 0 002 @ 00000000 n 0000 | two pointers promised"});
  synsets.push_back({"broken2", "", "", {}, "26 n 02 measles 0"});
  testing::TempDir dir;
  testing::write_file(dir / "data.noun", fake_data_noun(synsets));
  auto list = read_wordnet_medical_synonyms(dir.path());
  ASSERT_TRUE(list.is_ok()) << list.status().to_string();
  EXPECT_EQ(find_row(list.value(), "measles"), nullptr);
  ASSERT_EQ(list.value().skipped.count(), 2u);
  EXPECT_EQ(list.value().skipped.examples()[0],
            dir / "data.noun" + ":15: pointer count does not match the pointers");
  EXPECT_EQ(list.value().skipped.examples()[1],
            dir / "data.noun" + ":16: word 2 of 2 has no lex_id");
}

TEST(WordnetMedicalReaderTest, RejectsOffsetsThatAreNotByteOffsets) {
  testing::TempDir dir;
  // One byte more in the licence header moves every line past its offset.
  testing::write_file(dir / "data.noun", " " + fake_data_noun(kMedicalFixture));
  auto list = read_wordnet_medical_synonyms(dir.path());
  ASSERT_FALSE(list.is_ok());
  EXPECT_EQ(list.status().code(), StatusCode::kDataError);
  EXPECT_EQ(list.status().message(),
            dir / "data.noun" +
                ":3: synset offset 00000062 is not the line's byte offset 63 "
                "(file altered, e.g. CRLF line ends?); reinstall wordnet-base");
}

TEST(WordnetMedicalReaderTest, RejectsFileWithoutMedicalRoots) {
  testing::TempDir dir;
  testing::write_file(dir / "data.noun",
                      fake_data_noun({{"condition", "26", "condition 0 status 0", {}, ""}}));
  auto list = read_wordnet_medical_synonyms(dir.path());
  ASSERT_FALSE(list.is_ok());
  EXPECT_EQ(
      list.status().message(),
      dir / "data.noun" +
          ": none of the medical root synsets (disease%1:26:00, ...) is present; is this WordNet "
          "3.0's data.noun?");
}

TEST(WordnetMedicalReaderTest, ReportsMissingDirectory) {
  testing::TempDir dir;
  auto list = read_wordnet_medical_synonyms(dir / "wordnet");
  ASSERT_FALSE(list.is_ok());
  EXPECT_EQ(list.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(list.status().message(),
            dir / "wordnet/data.noun" + ": no such file; install Debian's wordnet-base");
}

// --- The real files, when present ---

// shared/vocab/ lies beside the repository: <repo>/../shared/vocab.
std::string shared_vocab_path(const std::string& relative) {
#ifdef MEDCODE_SOURCE_DIR
  const std::filesystem::path repository = MEDCODE_SOURCE_DIR;
#else
  // This file is <repo>/tests/indexer/sources/lay_vocabulary_reader_test.cc.
  const std::filesystem::path repository =
      std::filesystem::path(__FILE__).parent_path() / "../../..";
#endif
  return (repository / "../shared/vocab" / relative).lexically_normal().string();
}

TEST(LayVocabularyRealFilesTest, MinesTheSharedVocabularies) {
  auto hpo_bytes = load_source_bytes({shared_vocab_path("hpo/layperson-synonyms.tsv"), ""});
  auto symp_bytes = load_source_bytes({shared_vocab_path("symptom-ontology/symp.obo"), ""});
  if (!hpo_bytes.is_ok() || !symp_bytes.is_ok()) {
    GTEST_SKIP() << "no shared vocabularies at " << shared_vocab_path("");
  }
  auto hpo = read_hpo_layperson_synonyms(hpo_bytes.value(), "layperson-synonyms.tsv");
  ASSERT_TRUE(hpo.is_ok()) << hpo.status().to_string();
  // 7,186 rows, of which 1,098 repeat the label.
  EXPECT_EQ(hpo.value().rows.size(), 6088u);
  EXPECT_EQ(hpo.value().skipped.count(), 1098u);
  EXPECT_TRUE(has_pair(hpo.value(), "Low platelet count", "Thrombocytopenia"));
  EXPECT_TRUE(has_pair(hpo.value(), "Fluid around lungs", "Pleural effusion"));
  EXPECT_TRUE(has_pair(hpo.value(), "Blackhead", "Open comedo"));  // label written "..."@en

  auto symp = read_symptom_ontology_synonyms(symp_bytes.value(), "symp.obo");
  ASSERT_TRUE(symp.is_ok()) << symp.status().to_string();
  EXPECT_EQ(symp.value().rows.size(), 2 * 243u);  // EXACT synonyms of live terms, both ways
  EXPECT_TRUE(has_pair(symp.value(), "stomach cramp", "abdominal cramp"));
  EXPECT_TRUE(has_pair(symp.value(), "joint pain", "arthralgia"));
  EXPECT_TRUE(has_pair(symp.value(), "arthralgia", "joint pain"));
  EXPECT_EQ(find_row(symp.value(), "brain attack"), nullptr);  // only the obsolete "stroke" has it
}

TEST(LayVocabularyRealFilesTest, MinesMedicalSensesOfDebianWordnet) {
  if (!std::filesystem::exists("/usr/share/wordnet/data.noun")) {
    GTEST_SKIP() << "no /usr/share/wordnet/data.noun; install Debian's wordnet-base";
  }
  auto wordnet = read_wordnet_medical_synonyms("/usr/share/wordnet");
  ASSERT_TRUE(wordnet.is_ok()) << wordnet.status().to_string();
  EXPECT_GT(wordnet.value().rows.size(), 3500u);
  EXPECT_EQ(wordnet.value().skipped.count(), 0u);
  EXPECT_TRUE(has_pair(wordnet.value(), "lockjaw", "tetanus"));
  EXPECT_TRUE(has_pair(wordnet.value(), "tetanus", "lockjaw"));
  EXPECT_TRUE(has_pair(wordnet.value(), "pinkeye", "conjunctivitis"));
  EXPECT_TRUE(has_pair(wordnet.value(), "shingles", "herpes zoster"));
  EXPECT_TRUE(has_pair(wordnet.value(), "herpes zoster", "shingles"));
  EXPECT_TRUE(has_pair(wordnet.value(), "stroke", "cerebrovascular accident"));  // under attack
  const SynonymRow* cold = find_row(wordnet.value(), "cold");
  ASSERT_NE(cold, nullptr);
  EXPECT_EQ(cold->expansions, std::vector<std::string>{"common cold"});
  EXPECT_EQ(find_row(wordnet.value(), "coldness"), nullptr);
}

}  // namespace
}  // namespace medcode::indexer
