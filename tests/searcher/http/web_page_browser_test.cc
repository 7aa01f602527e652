// Serves the fixture index on a free loopback port and drives the web page in headless
// Chromium (tests/browser/page_test.mjs). scripts/test installs Chromium and playwright-core;
// set MEDCODE_SKIP_BROWSER_TEST=1 to skip where no browser can run.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <sys/wait.h>

#include "searcher/http/http_server.h"
#include "tests/support/fixture_corpus.h"

namespace medcode::searcher {
namespace {

TEST(WebPageBrowserTest, SearchSuggestOpenCodeAndDeepLinksWork) {
  if (const char* skip = std::getenv("MEDCODE_SKIP_BROWSER_TEST"); skip && std::string(skip) == "1") {
    GTEST_SKIP() << "MEDCODE_SKIP_BROWSER_TEST=1";
  }
  const std::string browser_dir = MEDCODE_BROWSER_TEST_DIR;
  ASSERT_TRUE(std::filesystem::exists(browser_dir + "/node_modules/playwright-core"))
      << "playwright-core is not installed: run scripts/test, or npm ci --prefix " << browser_dir;
  ASSERT_TRUE(std::filesystem::exists("/usr/bin/chromium") || std::getenv("MEDCODE_CHROMIUM"))
      << "Chromium is missing: run scripts/test (installs Debian's chromium)";

  ServerOptions options;
  options.listen = "127.0.0.1:0";
  options.index_dir = testing::shared_fixture_index();
  options.threads = 2;
  auto server = HttpServer::start(options);
  ASSERT_TRUE(server.is_ok()) << server.status().to_string();
  const std::string command = "node " + browser_dir + "/page_test.mjs http://127.0.0.1:" +
                              std::to_string(server.value()->port()) + " 2>&1";
  std::string output;
  FILE* pipe = ::popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  char buffer[4096];
  while (std::size_t got = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, got);
  const int status = ::pclose(pipe);
  server.value()->stop();
  server.value()->wait();
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << output;
  EXPECT_NE(output.find("page test passed"), std::string::npos) << output;
}

}  // namespace
}  // namespace medcode::searcher
