// The connection cap against the file descriptor limit.
#include "searcher/http/connection_limit.h"

#include <gtest/gtest.h>
#include <sys/resource.h>

namespace medcode::searcher {
namespace {

TEST(ConnectionLimitTest, DefaultFitsTheDescriptorLimit) {
  auto resolved = resolve_max_connections(0, 4);
  ASSERT_TRUE(resolved.is_ok()) << resolved.status().to_string();
  EXPECT_GE(resolved.value(), 1u);
  EXPECT_LE(resolved.value(), kDefaultMaxConnections);
  rlimit limit{};
  ASSERT_EQ(::getrlimit(RLIMIT_NOFILE, &limit), 0);
  EXPECT_TRUE(limit.rlim_cur == RLIM_INFINITY ||
              resolved.value() + reserved_descriptors(4) <= limit.rlim_cur);
}

TEST(ConnectionLimitTest, AGivenCapIsKeptOrRefused) {
  auto small = resolve_max_connections(2, 4);
  ASSERT_TRUE(small.is_ok()) << small.status().to_string();
  EXPECT_EQ(small.value(), 2u);
  rlimit limit{};
  ASSERT_EQ(::getrlimit(RLIMIT_NOFILE, &limit), 0);
  if (limit.rlim_max == RLIM_INFINITY) GTEST_SKIP() << "no hard descriptor limit to exceed";
  const std::size_t too_many = static_cast<std::size_t>(limit.rlim_max) + 1;
  const auto refused = resolve_max_connections(too_many, 4);
  ASSERT_FALSE(refused.is_ok());
  // The soft limit was raised as far as it goes, to the hard limit.
  ASSERT_EQ(::getrlimit(RLIMIT_NOFILE, &limit), 0);
  EXPECT_EQ(refused.status().message(),
            "--max-connections " + std::to_string(too_many) + " needs " +
                std::to_string(too_many + reserved_descriptors(4)) +
                " file descriptors but this process may open at most " +
                std::to_string(limit.rlim_cur) +
                " (ulimit -n); lower --max-connections or raise the limit");
}

}  // namespace
}  // namespace medcode::searcher
