#include "common/edit_distance.h"

#include <gtest/gtest.h>

namespace medcode {
namespace {

// Pairs of names and the edits between them, in both directions.
TEST(EditDistanceTest, CountsInsertionsDeletionsSubstitutionsAndSwaps) {
  struct Row {
    const char* a;
    const char* b;
    std::size_t distance;
  };
  const Row rows[] = {
      {"build", "build", 0},
      {"", "", 0},
      {"", "list", 4},
      {"bulid", "build", 1},  // two adjacent letters swapped
      {"biuld", "build", 1},
      {"buld", "build", 1},      // one left out
      {"buildd", "build", 1},    // one doubled
      {"bwild", "build", 1},     // one wrong
      {"BUILD", "build", 0},     // ASCII case does not count
      {"pbulsh", "publish", 2},  // a swap and a letter left out
      {"rolback", "rollback", 1},
      {"udpate", "update", 1},
      {"ca", "abc", 3},  // optimal string alignment: the swapped pair is not edited again
      {"diff", "list", 3},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(edit_distance(row.a, row.b), row.distance) << row.a << " -> " << row.b;
    EXPECT_EQ(edit_distance(row.b, row.a), row.distance) << row.b << " -> " << row.a;
  }
}

// What a misspelled subcommand or flag suggests.
TEST(EditDistanceTest, ClosestNameIsWithinTwoEditsOrNothing) {
  const std::vector<std::string> commands = {"build", "update",   "publish",
                                             "list",  "rollback", "diff"};
  EXPECT_EQ(closest_name("bulid", commands), "build");
  EXPECT_EQ(closest_name("publsh", commands), "publish");
  EXPECT_EQ(closest_name("lst", commands), "list");
  EXPECT_EQ(closest_name("Rollbak", commands), "rollback");
  EXPECT_EQ(closest_name("compile", commands), "");
  EXPECT_EQ(closest_name("", commands), "");
  // Not fewer edits than the candidate has letters: "xy" is no misspelling of "ab".
  EXPECT_EQ(closest_name("xy", {"ab"}), "");
  EXPECT_EQ(closest_name("bulid", commands, 0), "");
  // The first listed of two equally close.
  EXPECT_EQ(closest_name("lift", {"list", "lint"}), "list");
}

TEST(EditDistanceTest, FlagSuggestionNamesTheClosestLongFlag) {
  const std::vector<std::string> flags = {"index", "limit", "offset", "help"};
  EXPECT_EQ(flag_suggestion("--inedx", flags), "; did you mean --index?");
  EXPECT_EQ(flag_suggestion("-lmit", flags), "; did you mean --limit?");
  EXPECT_EQ(flag_suggestion("--corpus", flags), "");
  EXPECT_EQ(flag_suggestion("--", flags), "");
}


}  // namespace
}  // namespace medcode
