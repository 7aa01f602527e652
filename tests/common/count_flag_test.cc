#include "common/count_flag.h"

#include <gtest/gtest.h>

#include <limits>

namespace medcode {
namespace {

TEST(CountFlagTest, ReadsCountsInRange) {
  EXPECT_EQ(parse_count_flag("--offset", "0", 0, 10000).value(), 0u);
  EXPECT_EQ(parse_count_flag("--offset", "10000", 0, 10000).value(), 10000u);
  EXPECT_EQ(parse_count_flag("--limit", "007", 1, 200).value(), 7u);
  EXPECT_EQ(
      parse_count_flag("--n", "18446744073709551615", 0, std::numeric_limits<std::size_t>::max())
          .value(),
      std::numeric_limits<std::size_t>::max());
}

// Each bad value and the message that names the flag, the value and what is accepted.
TEST(CountFlagTest, RefusesNegativeMisspelledAndOutOfRangeCounts) {
  struct Row {
    const char* text;
    std::size_t min;
    std::size_t max;
    const char* message;
  };
  const Row rows[] = {
      // A count that may be 0.
      {"-1", 0, 10000, "--n \"-1\": must be 0 or more"},
      {"-0", 0, 10000, "--n \"-0\": must be 0 or more"},
      {"ten", 0, 10000, "--n \"ten\": must be a whole number, 0 or more"},
      {"", 0, 10000, "--n \"\": must be a whole number, 0 or more"},
      {"1.5", 0, 10000, "--n \"1.5\": must be a whole number, 0 or more"},
      {" 5", 0, 10000, "--n \" 5\": must be a whole number, 0 or more"},
      {"+5", 0, 10000, "--n \"+5\": must be a whole number, 0 or more"},
      {"-", 0, 10000, "--n \"-\": must be a whole number, 0 or more"},
      {"10001", 0, 10000, "--n \"10001\": must be at most 10000"},
      {"99999999999999999999999", 0, std::numeric_limits<std::size_t>::max(),
       "--n \"99999999999999999999999\": must be at most 18446744073709551615"},
      // A count with a minimum.
      {"0", 1, 200, "--n \"0\": must be between 1 and 200"},
      {"-1", 1, 200, "--n \"-1\": must be between 1 and 200"},
      {"201", 1, 200, "--n \"201\": must be between 1 and 200"},
      {"ten", 1, 200, "--n \"ten\": must be a whole number between 1 and 200"},
  };
  for (const Row& row : rows) {
    auto parsed = parse_count_flag("--n", row.text, row.min, row.max);
    ASSERT_FALSE(parsed.is_ok()) << row.text;
    EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument) << row.text;
    EXPECT_EQ(parsed.status().message(), row.message);
  }
}

}  // namespace
}  // namespace medcode
