// Starts medcode-server's transport on a free loopback port and talks HTTP to it.
#include "searcher/http/http_server.h"

#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <thread>
#include <vector>

#include "indexer/lifecycle/index_root.h"
#include "tests/support/fixture_corpus.h"

namespace medcode::searcher {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

class HttpServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ServerOptions options;
    options.listen = "127.0.0.1:0";
    options.index_dir = testing::shared_fixture_index();
    options.threads = 2;
    auto started = HttpServer::start(options);
    ASSERT_TRUE(started.is_ok()) << started.status().to_string();
    server_ = std::move(started).value();
    asio::connect(socket_, resolver_.resolve("127.0.0.1", std::to_string(server_->port())));
  }
  void TearDown() override {
    beast::error_code ignored;
    socket_.close(ignored);
    server_->stop();
    server_->wait();
  }

  http::response<http::string_body> send(http::verb method, const std::string& target,
                                         const std::string& extra_header = "") {
    http::request<http::string_body> request(method, target, 11);
    request.set(http::field::host, "127.0.0.1");
    request.keep_alive(true);
    if (!extra_header.empty()) request.set("X-Extra", extra_header);
    http::write(socket_, request);
    http::response<http::string_body> response;
    http::read(socket_, buffer_, response);
    return response;
  }

  std::unique_ptr<HttpServer> server_;
  asio::io_context io_;
  tcp::resolver resolver_{io_};
  tcp::socket socket_{io_};
  beast::flat_buffer buffer_;
};

// Every route, several requests on one keep-alive connection.
TEST_F(HttpServerTest, ServesEveryRouteOverOneKeepAliveConnection) {
  const struct {
    const char* target;
    unsigned status;
    const char* content_type;
    const char* contains;
  } rows[] = {
      {"/v1/search?q=heart+attack", 200, "application/json", "\"code\":\"I21"},
      {"/v1/suggest?q=hypert", 200, "application/json", "\"completions\":[\"hypertension\""},
      {"/v1/codes/icd10cm/I10", 200, "application/json", "\"title\":\"Essential (primary) hypertension\""},
      {"/healthz", 200, "application/json", "\"release\":\"fy2026\""},
      {"/metrics", 200, "text/plain; version=0.0.4", "medcode_http_requests_total{route=\"search\""},
      {"/", 200, "text/html; charset=utf-8", "<title>medcode</title>"},
      {"/code/icd10cm/I10", 200, "text/html; charset=utf-8", "<title>medcode</title>"},
      {"/assets/app.js", 200, "text/javascript; charset=utf-8", "setUpSuggestions"},
      {"/v1/search?q=x&limit=1000", 400, "application/json", "exceeds maximum 200"},
      {"/v1/codes/icd10cm/A99.99", 404, "application/json", "\"code\":\"not_found\""},
      {"/nowhere", 404, "application/json", "no route for /nowhere"},
  };
  for (const auto& row : rows) {
    const auto response = send(http::verb::get, row.target);
    EXPECT_EQ(response.result_int(), row.status) << row.target;
    EXPECT_EQ(response[http::field::content_type], row.content_type) << row.target;
    EXPECT_NE(response.body().find(row.contains), std::string::npos) << row.target << ": " << response.body();
    EXPECT_TRUE(response.keep_alive()) << row.target;
  }
}

TEST_F(HttpServerTest, RefusesOtherMethodsAndHeadHasNoBody) {
  const auto post = send(http::verb::post, "/v1/search?q=x");
  EXPECT_EQ(post.result_int(), 405);
  EXPECT_EQ(post[http::field::allow], "GET, HEAD");
  EXPECT_EQ(post.body(), "{\"error\":{\"code\":\"method_not_allowed\",\"message\":\"method POST not allowed; use GET\"}}");
}

TEST_F(HttpServerTest, OversizedHeadersAre413) {
  const auto response = send(http::verb::get, "/healthz", std::string(10000, 'a'));
  EXPECT_EQ(response.result_int(), 413);
  EXPECT_EQ(response.body(), "{\"error\":{\"code\":\"too_large\",\"message\":\"request headers exceed 8192 bytes\"}}");
}

TEST_F(HttpServerTest, OversizedBodyIs413) {
  http::request<http::string_body> request(http::verb::get, "/healthz", 11);
  request.set(http::field::host, "127.0.0.1");
  request.body() = std::string(20000, 'b');
  request.prepare_payload();
  http::write(socket_, request);
  http::response<http::string_body> response;
  http::read(socket_, buffer_, response);
  EXPECT_EQ(response.result_int(), 413);
  EXPECT_EQ(response.body(), "{\"error\":{\"code\":\"too_large\",\"message\":\"request body exceed 8192 bytes\"}}");
}

TEST_F(HttpServerTest, GarbageIs400) {
  asio::write(socket_, asio::buffer(std::string("NOT HTTP AT ALL\r\n\r\n")));
  http::response<http::string_body> response;
  http::read(socket_, buffer_, response);
  EXPECT_EQ(response.result_int(), 400);
  EXPECT_EQ(response.body().rfind("{\"error\":{\"code\":\"bad_request\",\"message\":\"malformed HTTP request: ", 0), 0u)
      << response.body();
}

TEST(HttpServerStartTest, ReportsBadListenAndMissingIndex) {
  ServerOptions options;
  options.index_dir = testing::shared_fixture_index();
  options.listen = "localhost";
  EXPECT_EQ(HttpServer::start(options).status().message(), "--listen \"localhost\": expected host:port");
  options.listen = "127.0.0.1:99999";
  EXPECT_EQ(HttpServer::start(options).status().message(), "--listen \"127.0.0.1:99999\": port must be 0-65535");
  options.listen = "127.0.0.1:0";
  options.index_dir = "/no/such/index";
  EXPECT_EQ(HttpServer::start(options).status().code(), StatusCode::kUnavailable);
}

}  // namespace
}  // namespace medcode::searcher

namespace medcode::searcher {
namespace {

// Requests keep succeeding while the index is rebuilt and swapped in under the server, and
// the server ends up serving the new index.
TEST(HttpServerReloadTest, NoRequestFailsWhileANewIndexIsPublished) {
  testing::TempDir dir;
  const auto corpus = testing::make_fixture_corpus(dir.path());
  testing::build_fixture_index(corpus, dir / "index");
  ServerOptions options;
  options.listen = "127.0.0.1:0";
  options.index_dir = dir / "index";
  options.threads = 2;
  auto server = HttpServer::start(options);
  ASSERT_TRUE(server.is_ok()) << server.status().to_string();
  const unsigned short port = server.value()->port();

  std::atomic<bool> done{false};
  std::atomic<int> ok{0}, failed{0};
  std::thread client([&] {
    asio::io_context io;
    tcp::socket socket(io);
    asio::connect(socket, tcp::resolver(io).resolve("127.0.0.1", std::to_string(port)));
    beast::flat_buffer buffer;
    while (!done.load()) {
      http::request<http::empty_body> request(http::verb::get, "/v1/search?q=hypertension", 11);
      request.set(http::field::host, "127.0.0.1");
      request.keep_alive(true);
      http::write(socket, request);
      http::response<http::string_body> response;
      http::read(socket, buffer, response);
      (response.result_int() == 200 && response.body().find("\"code\":\"I10\"") != std::string::npos ? ok : failed)++;
    }
  });
  // Publish a smaller release three times over while the client runs.
  testing::drop_last_two_codes(corpus);
  for (int i = 0; i < 3; ++i) testing::build_fixture_index(corpus, dir / "index");

  // The server follows within a second; wait for that event (not a timing assertion).
  std::string health;
  for (int attempt = 0; attempt < 100 && health.find("\"documents\":26") == std::string::npos; ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    asio::io_context io;
    tcp::socket socket(io);
    asio::connect(socket, tcp::resolver(io).resolve("127.0.0.1", std::to_string(port)));
    http::request<http::empty_body> request(http::verb::get, "/healthz", 11);
    request.set(http::field::host, "127.0.0.1");
    http::write(socket, request);
    beast::flat_buffer buffer;
    http::response<http::string_body> response;
    http::read(socket, buffer, response);
    health = response.body();
  }
  done = true;
  client.join();
  server.value()->stop();
  server.value()->wait();
  EXPECT_NE(health.find("\"documents\":26"), std::string::npos) << health;
  EXPECT_GT(ok.load(), 0);
  EXPECT_EQ(failed.load(), 0);
}

// An index root: publish and roll back between two versions while clients search; every
// answer is a 200 with the right code, and the server follows each switch.
TEST(HttpServerReloadTest, NoRequestFailsDuringPublishAndRollback) {
  testing::TempDir dir;
  const auto corpus = testing::make_fixture_corpus(dir.path());
  const std::string root = dir / "root";
  std::vector<std::string> versions;
  for (int i = 0; i < 2; ++i) {
    auto version = indexer::new_version(root, "fy2026");
    ASSERT_TRUE(version.is_ok());
    testing::build_fixture_index(corpus, indexer::version_path(root, version.value()));
    versions.push_back(version.value());
    testing::drop_last_two_codes(corpus);
  }
  ASSERT_TRUE(indexer::publish_version(root, versions[0], 3).is_ok());
  ServerOptions options;
  options.listen = "127.0.0.1:0";
  options.index_dir = root;
  options.threads = 2;
  auto server = HttpServer::start(options);
  ASSERT_TRUE(server.is_ok()) << server.status().to_string();
  const unsigned short port = server.value()->port();
  auto get = [port](const std::string& target) {
    asio::io_context io;
    tcp::socket socket(io);
    asio::connect(socket, tcp::resolver(io).resolve("127.0.0.1", std::to_string(port)));
    http::request<http::empty_body> request(http::verb::get, target, 11);
    request.set(http::field::host, "127.0.0.1");
    http::write(socket, request);
    beast::flat_buffer buffer;
    http::response<http::string_body> response;
    http::read(socket, buffer, response);
    return response;
  };

  std::atomic<bool> done{false};
  std::atomic<int> ok{0}, failed{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < 3; ++c) {
    clients.emplace_back([&, c] {
      asio::io_context io;
      tcp::socket socket(io);
      asio::connect(socket, tcp::resolver(io).resolve("127.0.0.1", std::to_string(port)));
      beast::flat_buffer buffer;
      // Distinct targets per client and round, so the response cache does not answer them all.
      for (int i = 0; !done.load(); ++i) {
        const std::string target = "/v1/search?q=hypertension&limit=" + std::to_string(1 + (i + c) % 50);
        http::request<http::empty_body> request(http::verb::get, target, 11);
        request.set(http::field::host, "127.0.0.1");
        request.keep_alive(true);
        http::write(socket, request);
        http::response<http::string_body> response;
        http::read(socket, buffer, response);
        (response.result_int() == 200 && response.body().find("\"code\":\"I10\"") != std::string::npos ? ok : failed)++;
      }
    });
  }
  const std::string smaller = "\"documents\":" + std::to_string(testing::kFixtureDocuments - 2) + ",";
  for (int round = 0; round < 4; ++round) {
    const bool to_second = round % 2 == 0;
    if (to_second) {
      ASSERT_TRUE(indexer::publish_version(root, versions[1], 3).is_ok());
    } else {
      ASSERT_TRUE(indexer::rollback(root, 3).is_ok());
    }
    // Wait for the server to follow (it checks every 200 ms): an event, not a timing assertion.
    bool followed = false;
    for (int attempt = 0; attempt < 100 && !followed; ++attempt) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      followed = (get("/healthz").body().find(smaller) != std::string::npos) == to_second;
    }
    EXPECT_TRUE(followed) << "round " << round;
  }
  done = true;
  for (auto& client : clients) client.join();
  server.value()->stop();
  server.value()->wait();
  EXPECT_GT(ok.load(), 0);
  EXPECT_EQ(failed.load(), 0);
}

}  // namespace
}  // namespace medcode::searcher

namespace medcode::searcher {
namespace {

// Several clients at once, on several worker threads: every answer is a 200. (A stemmer
// shared between threads once corrupted the heap here.)
TEST(HttpServerConcurrencyTest, ParallelClientsAllSucceed) {
  ServerOptions options;
  options.listen = "127.0.0.1:0";
  options.index_dir = testing::shared_fixture_index();
  options.threads = 4;
  auto server = HttpServer::start(options);
  ASSERT_TRUE(server.is_ok()) << server.status().to_string();
  const unsigned short port = server.value()->port();
  std::atomic<int> ok{0}, failed{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < 6; ++c) {
    clients.emplace_back([&, c] {
      asio::io_context io;
      tcp::socket socket(io);
      asio::connect(socket, tcp::resolver(io).resolve("127.0.0.1", std::to_string(port)));
      beast::flat_buffer buffer;
      const char* targets[] = {"/v1/search?q=colles+fracture+left", "/v1/suggest?q=acute+myo",
                               "/v1/search?q=hypertenson", "/v1/codes/icd10cm/S52.531A"};
      for (int i = 0; i < 300; ++i) {
        http::request<http::empty_body> request(http::verb::get, targets[(i + c) % 4], 11);
        request.set(http::field::host, "127.0.0.1");
        request.keep_alive(true);
        http::write(socket, request);
        http::response<http::string_body> response;
        http::read(socket, buffer, response);
        (response.result_int() == 200 ? ok : failed)++;
      }
    });
  }
  for (auto& client : clients) client.join();
  server.value()->stop();
  server.value()->wait();
  EXPECT_EQ(ok.load(), 1800);
  EXPECT_EQ(failed.load(), 0);
}

}  // namespace
}  // namespace medcode::searcher
