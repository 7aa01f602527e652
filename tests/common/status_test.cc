#include "common/status.h"

#include <gtest/gtest.h>

namespace medcode {
namespace {

// Each code maps to its sysexits.h exit code.
TEST(StatusTest, MapsCodesToExitCodes) {
  EXPECT_EQ(exit_code(Status::ok()), 0);
  EXPECT_EQ(exit_code(Status::invalid_argument("x")), 64);
  EXPECT_EQ(exit_code(Status::data_error("x")), 65);
  EXPECT_EQ(exit_code(Status::not_found("x")), 66);
  EXPECT_EQ(exit_code(Status::unavailable("x")), 69);
  EXPECT_EQ(exit_code(Status::internal("x")), 70);
  EXPECT_EQ(exit_code(Status::io_error("x")), 74);
}

TEST(StatusTest, AddsContextAndNamesCode) {
  const Status status = Status::data_error("bad row").with_context("order.txt:3");
  EXPECT_EQ(status.message(), "order.txt:3: bad row");
  EXPECT_EQ(status.to_string(), "data_error: order.txt:3: bad row");
  EXPECT_TRUE(Status::ok().with_context("x").is_ok());
}

TEST(StatusTest, ResultCarriesValueOrStatus) {
  Result<int> value = 7;
  ASSERT_TRUE(value.is_ok());
  EXPECT_EQ(value.value(), 7);
  Result<int> error = Status::not_found("no such code");
  ASSERT_FALSE(error.is_ok());
  EXPECT_EQ(error.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace medcode
