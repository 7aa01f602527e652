#include "searcher/engine/internal/code_priors.h"

#include <gtest/gtest.h>

#include "common/schema.h"

namespace medcode::searcher {
namespace {

// Three documents: a common core code, a rare core code, and a reporting code without prior.
Xapian::WritableDatabase priors_database() {
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (double prior : {1.0, 0.25, -1.0}) {
    Xapian::Document document;
    document.add_term("word");
    if (prior >= 0) {
      document.add_value(schema::kUsagePriorSlot, Xapian::sortable_serialise(prior));
      document.add_boolean_term(std::string(schema::kCoreCodeTerm));
    }
    database.add_document(document);
  }
  return database;
}

TEST(CodePriorsTest, AddsUsageAndCoreWeightToTheWordsMatches) {
  Xapian::WritableDatabase database = priors_database();
  auto priors = CodePriors::of(database, "code-priors-test");
  EXPECT_DOUBLE_EQ(priors->usage(1), 1.0);
  EXPECT_DOUBLE_EQ(priors->usage(2), 0.25);
  EXPECT_FALSE(priors->core(3));
  EXPECT_DOUBLE_EQ(priors->usage(99), 0.0);  // past the end reads as no prior
  EXPECT_EQ(CodePriors::of(database, "code-priors-test"), priors);  // one copy per index

  // BM25 gives the three equal documents the same weight for "word": the differences are the priors.
  Xapian::Enquire enquire(database);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_MAYBE, Xapian::Query("word"),
                                  Xapian::Query((new CodePriorSource(priors, 2.0, 3.0))->release())));
  const Xapian::MSet matches = enquire.get_mset(0, 10);
  ASSERT_EQ(matches.size(), 3u);
  auto it = matches.begin();
  const double first = it.get_weight();
  EXPECT_EQ(*it, 1u);
  ++it;
  const double second = it.get_weight();
  EXPECT_EQ(*it, 2u);
  ++it;
  const double word_only = it.get_weight();  // a reporting code gets nothing on top
  EXPECT_EQ(*it, 3u);
  EXPECT_GT(word_only, 0.0);
  EXPECT_NEAR(first - word_only, 5.0, 1e-9);   // 2 x 1.0 + 3
  EXPECT_NEAR(second - word_only, 3.5, 1e-9);  // 2 x 0.25 + 3
}

}  // namespace
}  // namespace medcode::searcher
