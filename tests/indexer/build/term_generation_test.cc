// Term generation as a table, the way Xapian's api_termgen tests read: a record goes in,
// and each row names terms its document must carry (with their wdf, the field weight of
// common/ranking_policy.h times occurrences) and terms it must not.
#include <xapian.h>

#include <gtest/gtest.h>

#include <map>

#include "common/code_format.h"
#include "common/schema.h"
#include "indexer/build/index_writer.h"
#include "tests/support/fixture_corpus.h"

namespace medcode::indexer {
namespace {

using TermWdf = std::map<std::string, Xapian::termcount>;

struct Row {
  const char* what;
  CodeRecord record;
  TermWdf present;                  // term -> wdf (0: boolean term, any wdf)
  std::vector<std::string> absent;  // terms the document must not have
};

CodeRecord record(std::string_view system, const std::string& code, const std::string& title, bool billable) {
  CodeRecord r;
  r.system = std::string(system);
  r.code = code;
  r.title = title;
  r.short_title = title;
  r.is_billable = billable;
  r.sort_key = code;
  return r;
}

std::vector<Row> rows() {
  std::vector<Row> out;
  {
    // The title weighs kTitleWeight in plain terms, 1 under its own prefix; the code's
    // identity, system, prefixes, parent and billable status are boolean terms.
    CodeRecord r = record(kIcd10Cm, "I219", "Acute myocardial infarction, unspecified", true);
    r.parent = "I21";
    out.push_back({"title, identity and billable",
                   r,
                   {{"acute", schema::kTitleField.weight},
                    {"Zacut", schema::kTitleField.weight},
                    {"Sacute", 1},
                    {"ZSinfarct", 1},
                    {"Qicd10cm:I219", 0},
                    {"XSicd10cm", 0},
                    {"XPicd10cm:I", 0},
                    {"XPicd10cm:I21", 0},
                    {"XPicd10cm:I219", 0},
                    {"XUicd10cm:I21", 0},
                    {"XBILLABLE", 0},
                    {"XUNSPECIFIED", 0}},
                   {"XINITIAL", "XREPORTING", "XDELETED"}});
  }
  {
    // Inclusion terms weigh kInclusionWeight; an index main term with its own code weighs
    // kIndexMainTermWeight and names the default (XM) and head concept (XC); the
    // nonessential modifier in parentheses weighs like a note.
    CodeRecord r = record(kIcd10Cm, "J189", "Pneumonia, unspecified organism", true);
    r.inclusion_terms = {"Lobar pneumonia NOS"};
    IndexEntry main_term;
    main_term.path = {"Pneumonia (acute) (double) (migratory)"};
    r.index_entries = {main_term};
    out.push_back({"inclusion term and index main term",
                   r,
                   {{"lobar", schema::kInclusionField.weight},
                    {"XIlobar", 1},
                    {"Zpneumonia", schema::kTitleField.weight + schema::kInclusionField.weight +
                                       schema::kIndexMainTermField.weight},
                    {"migratory", schema::kNoteField.weight},
                    {"XMpneumonia", 0},
                    {"XCpneumonia", 0}},
                   {"XMacut pneumonia"}});
  }
  {
    // A subterm path weighs kIndexTermWeight; its default is keyed by main term + subterm.
    CodeRecord r = record(kIcd10Cm, "R0789", "Other chest pain", true);
    IndexEntry entry;
    entry.path = {"Pain", "chest", "anterior wall"};
    r.index_entries = {entry};
    out.push_back({"index subterm path",
                   r,
                   {{"anterior", schema::kIndexTermField.weight}, {"XTanterior", 1}, {"XCpain", 0}},
                   {"XUNSPECIFIED", "XCchest"}});
  }
  {
    // "initial encounter" in the title marks the code the ranking prefers when no
    // encounter is named.
    CodeRecord r = record(kIcd10Cm, "S52531A", "Colles' fracture of right radius, initial encounter for closed fracture", true);
    r.parent = "S52531";
    out.push_back({"initial encounter",
                   r,
                   {{"XINITIAL", 0}, {"colles", schema::kTitleField.weight}, {"Zfractur", 2 * schema::kTitleField.weight}},
                   {"XUNSPECIFIED"}});
  }
  {
    // A quality-measure code (BETOS Z2) is a reporting code: its title weighs like an index
    // term, not a title, and it names no concept (no autocomplete words).
    CodeRecord r = record(kHcpcs, "G8427", "Eligible clinician attests to documenting in the medical record they obtained, updated, or reviewed the patient's current medications", true);
    r.attributes = {{"BETOS", "Z2", ""}};
    out.push_back({"reporting code",
                   r,
                   {{"XREPORTING", 0}, {"clinician", schema::kIndexTermField.weight}, {"XTclinician", 1}},
                   {"Sclinician", "XVclinician"}});
  }
  {
    // A HCPCS supply names a concept: its title words complete in autocomplete.
    CodeRecord r = record(kHcpcs, "E0784", "External ambulatory infusion pump, insulin", true);
    out.push_back({"supply",
                   r,
                   {{"XVinsulin", 0}, {"Sinsulin", 1}, {"insulin", schema::kTitleField.weight}, {"XShcpcs", 0}},
                   {"XREPORTING"}});
  }
  return out;
}

TEST(TermGenerationTest, EachRecordGetsItsTerms) {
  testing::TempDir scratch;
  const std::string directory = scratch / "index";
  auto writer = IndexWriter::create(directory);
  ASSERT_TRUE(writer.is_ok()) << writer.status().to_string();
  const std::vector<Row> table = rows();
  for (const Row& row : table) ASSERT_TRUE(writer.value()->add(row.record).is_ok()) << row.what;
  ASSERT_TRUE(writer.value()->finish(IndexMetadata{}).is_ok());

  Xapian::Database database(directory);
  for (const Row& row : table) {
    const std::string id = std::string(schema::kIdTermPrefix) + row.record.system + ":" + row.record.code;
    Xapian::PostingIterator doc = database.postlist_begin(id);
    ASSERT_NE(doc, database.postlist_end(id)) << row.what;
    TermWdf terms;
    const Xapian::Document document = database.get_document(*doc);
    for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) terms[*term] = term.get_wdf();
    for (const auto& [term, wdf] : row.present) {
      const auto found = terms.find(term);
      ASSERT_NE(found, terms.end()) << row.what << ": no term " << term;
      if (wdf > 0) {
        EXPECT_EQ(found->second, wdf) << row.what << ": wdf of " << term;
      }
    }
    for (const auto& term : row.absent) EXPECT_EQ(terms.count(term), 0u) << row.what << ": has " << term;
  }
}

}  // namespace
}  // namespace medcode::indexer
