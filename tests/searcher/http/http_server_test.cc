// Starts medcode-server's transport on a free loopback port and talks HTTP to it.
#include "searcher/http/http_server.h"

#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <poll.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
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
    options.max_body_bytes = 8192;  // the 413 test below sends more
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

namespace medcode::searcher {
namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;

std::unique_ptr<HttpServer> start_server(ServerOptions options) {
  options.listen = "127.0.0.1:0";
  options.index_dir = testing::shared_fixture_index();
  options.threads = 2;
  auto started = HttpServer::start(options);
  EXPECT_TRUE(started.is_ok()) << started.status().to_string();
  return started.is_ok() ? std::move(started).value() : nullptr;
}

// One connection to a test server, sending requests with the given headers.
struct Client {
  explicit Client(unsigned short port) { asio::connect(socket, tcp::resolver(io).resolve("127.0.0.1", std::to_string(port))); }
  http::response<http::string_body> send(http::verb method, const std::string& target, const Headers& headers = {}) {
    http::request<http::string_body> request(method, target, 11);
    request.set(http::field::host, "127.0.0.1");
    request.keep_alive(true);
    for (const auto& [name, value] : headers) request.set(name, value);
    http::write(socket, request);
    http::response<http::string_body> response;
    http::read(socket, buffer, response);
    return response;
  }
  // Whether the server closes the connection within timeout_ms (guarded so a test fails
  // rather than hangs).
  bool closed_by_server(int timeout_ms) {
    pollfd readable{socket.native_handle(), POLLIN, 0};
    if (::poll(&readable, 1, timeout_ms) != 1) return false;
    char byte;
    beast::error_code error;
    socket.read_some(asio::buffer(&byte, 1), error);
    return error == asio::error::eof;
  }
  asio::io_context io;
  tcp::socket socket{io};
  beast::flat_buffer buffer;
};

// Every header, in order; Content-Length's value varies with the body.
Headers header_list(const http::response<http::string_body>& response) {
  Headers headers;
  for (const auto& field : response) {
    const std::string name(field.name_string());
    headers.emplace_back(name, name == "Content-Length" ? "*" : std::string(field.value()));
  }
  return headers;
}

const char* const kPagePolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const char* const kApiPolicy = "default-src 'none'; frame-ancestors 'none'";

Headers security(const char* policy) {
  return {{"Content-Security-Policy", policy},
          {"X-Content-Type-Options", "nosniff"},
          {"Referrer-Policy", "no-referrer"},
          {"X-Frame-Options", "DENY"}};
}

Headers concat(Headers first, const Headers& second) {
  first.insert(first.end(), second.begin(), second.end());
  return first;
}

// The exact headers of the page, an asset, an API answer and errors, by default: security
// headers on all, no CORS header on any, even for a request from another origin.
TEST(HttpServerHeadersTest, EveryResponseCarriesTheSecurityHeadersAndNoCorsByDefault) {
  auto server = start_server({});
  ASSERT_NE(server, nullptr);
  Client client(server->port());
  const Headers length = {{"Content-Length", "*"}};
  const Headers from_elsewhere = {{"Origin", "https://ehr.example.org"}};
  const struct {
    const char* target;
    Headers expected;
  } rows[] = {
      {"/", concat(concat({{"Server", "medcode"}, {"Content-Type", "text/html; charset=utf-8"}, {"Cache-Control", "no-cache"}},
                          security(kPagePolicy)), length)},
      {"/code/icd10cm/I10", concat(concat({{"Server", "medcode"}, {"Content-Type", "text/html; charset=utf-8"},
                                           {"Cache-Control", "no-cache"}}, security(kPagePolicy)), length)},
      {"/assets/style.css", concat(concat({{"Server", "medcode"}, {"Content-Type", "text/css; charset=utf-8"},
                                           {"Cache-Control", "no-cache"}}, security(kApiPolicy)), length)},
      {"/assets/app.js", concat(concat({{"Server", "medcode"}, {"Content-Type", "text/javascript; charset=utf-8"},
                                        {"Cache-Control", "no-cache"}}, security(kApiPolicy)), length)},
      {"/v1/codes/icd10cm/I10", concat(concat({{"Server", "medcode"}, {"Content-Type", "application/json"}},
                                              security(kApiPolicy)), length)},
      {"/v1/search?q=x&limit=1000", concat(concat({{"Server", "medcode"}, {"Content-Type", "application/json"}},
                                                  security(kApiPolicy)), length)},
      {"/nowhere", concat(concat({{"Server", "medcode"}, {"Content-Type", "application/json"}}, security(kApiPolicy)), length)},
  };
  for (const auto& row : rows) {
    EXPECT_EQ(header_list(client.send(http::verb::get, row.target, from_elsewhere)), row.expected) << row.target;
  }
  // OPTIONS is a method like any other: 405.
  const auto options = client.send(http::verb::options, "/v1/search?q=x",
                                   {{"Origin", "https://ehr.example.org"}, {"Access-Control-Request-Method", "GET"}});
  EXPECT_EQ(options.result_int(), 405);
  EXPECT_EQ(header_list(options), concat(concat({{"Server", "medcode"}, {"Content-Type", "application/json"},
                                                 {"Allow", "GET, HEAD"}}, security(kApiPolicy)), length));
  // An error the transport answers itself (too large, then closed) has them too.
  const auto too_large = client.send(http::verb::get, "/healthz", {{"X-Extra", std::string(10000, 'a')}});
  EXPECT_EQ(too_large.result_int(), 413);
  EXPECT_EQ(header_list(too_large), concat(concat({{"Server", "medcode"}, {"Content-Type", "application/json"}},
                                                  security(kApiPolicy)), {{"Connection", "close"}, {"Content-Length", "*"}}));
}

// --cors-origin: an allowed origin reads answers (errors too) and gets its preflight; another
// does not, and every answer says it varies by Origin.
TEST(HttpServerHeadersTest, CorsOriginsGetTheirHeadersAndPreflight) {
  ServerOptions options;
  options.cors_origins = {"https://ehr.example.org", "http://localhost:3000"};
  auto server = start_server(options);
  ASSERT_NE(server, nullptr);
  Client client(server->port());
  const Headers api_start = {{"Server", "medcode"}, {"Content-Type", "application/json"}};
  const Headers length = {{"Content-Length", "*"}};
  for (const char* target : {"/v1/codes/icd10cm/I10", "/v1/codes/icd10cm/A99.99", "/healthz"}) {
    const auto allowed = client.send(http::verb::get, target, {{"Origin", "http://localhost:3000"}});
    EXPECT_EQ(header_list(allowed),
              concat(concat(concat(api_start, {{"Vary", "Origin"}, {"Access-Control-Allow-Origin", "http://localhost:3000"}}),
                            security(kApiPolicy)), length))
        << target;
  }
  for (const Headers& request : {Headers{{"Origin", "https://other.example.org"}}, Headers{}}) {
    EXPECT_EQ(header_list(client.send(http::verb::get, "/v1/codes/icd10cm/I10", request)),
              concat(concat(concat(api_start, {{"Vary", "Origin"}}), security(kApiPolicy)), length));
  }
  // The preflight: 204, no body and no Content-Type.
  const auto preflight = client.send(http::verb::options, "/v1/search?q=heart",
                                     {{"Origin", "https://ehr.example.org"}, {"Access-Control-Request-Method", "GET"},
                                      {"Access-Control-Request-Headers", "content-type"}});
  EXPECT_EQ(preflight.result_int(), 204);
  EXPECT_EQ(preflight.body(), "");
  EXPECT_EQ(header_list(preflight),
            concat({{"Server", "medcode"},
                    {"Access-Control-Allow-Methods", "GET, HEAD"},
                    {"Access-Control-Allow-Headers", "Accept, Accept-Language, Content-Type"},
                    {"Access-Control-Max-Age", "600"},
                    {"Vary", "Origin"},
                    {"Access-Control-Allow-Origin", "https://ehr.example.org"}},
                   security(kApiPolicy)));
  const auto refused = client.send(http::verb::options, "/v1/search?q=heart",
                                   {{"Origin", "https://other.example.org"}, {"Access-Control-Request-Method", "GET"}});
  EXPECT_EQ(refused.result_int(), 405);
  EXPECT_EQ(refused[http::field::access_control_allow_origin], "");
  // Still the same connection: the preflight kept it alive.
  EXPECT_EQ(client.send(http::verb::get, "/healthz").result_int(), 200);
}

TEST(HttpServerHeadersTest, BadCorsOriginIsRefusedAtStart) {
  ServerOptions options;
  options.listen = "127.0.0.1:0";
  options.index_dir = testing::shared_fixture_index();
  options.cors_origins = {"https://ehr.example.org/"};
  EXPECT_EQ(HttpServer::start(options).status().message(),
            "--cors-origin \"https://ehr.example.org/\": an origin has no path; give scheme://host[:port], e.g. "
            "https://ehr.example.org");
}

}  // namespace
}  // namespace medcode::searcher

namespace medcode::searcher {
namespace {

// Past --max-connections a new connection gets a 503 naming the cap, then is closed; once a
// served connection closes, a new one is served again.
TEST(HttpServerLimitsTest, ConnectionsPastTheCapGet503) {
  ServerOptions options;
  options.max_connections = 2;
  auto server = start_server(options);
  ASSERT_NE(server, nullptr);
  EXPECT_EQ(server->max_connections(), 2u);
  auto first = std::make_unique<Client>(server->port());
  Client second(server->port());
  EXPECT_EQ(first->send(http::verb::get, "/healthz").result_int(), 200);
  EXPECT_EQ(second.send(http::verb::get, "/healthz").result_int(), 200);

  Client third(server->port());
  const auto busy = third.send(http::verb::get, "/healthz", {{"Origin", "https://ehr.example.org"}});
  EXPECT_EQ(busy.result_int(), 503);
  EXPECT_EQ(busy.body(), "{\"error\":{\"code\":\"unavailable\",\"message\":\"server busy: 2 connections open (the "
                         "--max-connections cap); retry shortly\"}}");
  EXPECT_EQ(header_list(busy), concat(concat({{"Server", "medcode"}, {"Content-Type", "application/json"},
                                              {"Retry-After", "1"}}, security(kApiPolicy)),
                                      {{"Connection", "close"}, {"Content-Length", "*"}}));
  EXPECT_TRUE(third.closed_by_server(5000));
  // The served connections are untouched.
  EXPECT_EQ(second.send(http::verb::get, "/healthz").result_int(), 200);

  first.reset();
  // The server notices the close on its own time: retry until it has (an event, not a timing).
  unsigned status = 0;
  for (int attempt = 0; attempt < 100 && status != 200; ++attempt) {
    if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    Client next(server->port());
    status = next.send(http::verb::get, "/healthz").result_int();
    EXPECT_TRUE(status == 200 || status == 503) << status;
  }
  EXPECT_EQ(status, 200u);
}

// A request that has started must arrive within the read timeout (slowloris); an idle
// keep-alive connection waits for the idle timeout instead.
TEST(HttpServerLimitsTest, APartialRequestIsCutOffAtTheReadTimeout) {
  ServerOptions options;
  options.read_timeout = std::chrono::milliseconds(300);
  auto server = start_server(options);
  ASSERT_NE(server, nullptr);
  Client trickling(server->port());
  asio::write(trickling.socket, asio::buffer(std::string("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")));
  EXPECT_TRUE(trickling.closed_by_server(5000));

  // Idle for twice the read timeout before its first byte: still served.
  Client idle(server->port());
  std::this_thread::sleep_for(std::chrono::milliseconds(600));
  EXPECT_EQ(idle.send(http::verb::get, "/healthz").result_int(), 200);
}

// The server only reads its index: serving every route leaves each file as it was.
TEST(HttpServerLimitsTest, ServingLeavesTheIndexUntouched) {
  namespace fs = std::filesystem;
  const auto snapshot = [] {
    std::vector<std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(testing::shared_fixture_index())) {
      files.push_back(entry.path().string() + " " + (entry.is_regular_file() ? std::to_string(entry.file_size()) : "dir") +
                      " " + std::to_string(entry.last_write_time().time_since_epoch().count()));
    }
    std::sort(files.begin(), files.end());
    return files;
  };
  const auto before = snapshot();
  ASSERT_FALSE(before.empty());
  {
    auto server = start_server({});
    ASSERT_NE(server, nullptr);
    Client client(server->port());
    for (const char* target : {"/v1/search?q=heart+attack", "/v1/suggest?q=hyp", "/v1/codes/icd10cm/I10", "/v1/answer?q=is+I21+billable",
                               "/v1/guidelines/search?q=sepsis", "/healthz", "/metrics", "/"}) {
      EXPECT_EQ(client.send(http::verb::get, target).result_int(), 200) << target;
    }
    server->stop();
    server->wait();
  }
  EXPECT_EQ(snapshot(), before);
}

TEST(HttpServerLimitsTest, ListensOnLoopbackByDefault) { EXPECT_EQ(ServerOptions().listen, "127.0.0.1:8080"); }

}  // namespace
}  // namespace medcode::searcher
