#include "searcher/http/http_server.h"

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <thread>
#include <vector>

#include "searcher/engine/reloading_searcher.h"
#include "searcher/fhir/resource_store.h"
#include "searcher/http/api_routes.h"
#include "searcher/http/connection_limit.h"
#include "searcher/http/cors_policy.h"
#include "searcher/http/http_errors.h"
#include "searcher/http/metrics.h"
#include "searcher/http/security_headers.h"

namespace medcode::searcher {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

// What every session shares. options.threads and options.max_connections are resolved.
struct Shared {
  Shared(const ServerOptions& given, CorsPolicy cors_policy, std::shared_ptr<const fhir::ResourceStore> store)
      : options(given), cors(std::move(cors_policy)), fhir_store(std::move(store)), cache(given.cache_entries) {
    metrics.watch_cache(&cache);
  }
  ServerOptions options;
  CorsPolicy cors;
  std::shared_ptr<const fhir::ResourceStore> fhir_store;  // nullptr without --fhir-resources
  Metrics metrics;
  ResponseCache cache;
  std::atomic<std::size_t> open_connections{0};  // sessions being served
  std::atomic<std::size_t> busy_replies{0};      // sessions past the cap being answered 503
};

// Served connections hold a slot of open_connections, those answered 503 one of busy_replies.
class ConnectionSlot {
 public:
  explicit ConnectionSlot(std::atomic<std::size_t>& count) : count_(count) { count_.fetch_add(1); }
  ~ConnectionSlot() { count_.fetch_sub(1); }
  ConnectionSlot(const ConnectionSlot&) = delete;
  ConnectionSlot& operator=(const ConnectionSlot&) = delete;

 private:
  std::atomic<std::size_t>& count_;
};

// Each worker thread opens its own index handle on first use (Xapian databases are not
// shared between threads).
ReloadingSearcher* thread_searcher(const std::string& index_dir) {
  thread_local std::unique_ptr<ReloadingSearcher> searcher;
  if (!searcher) {
    auto opened = ReloadingSearcher::open(index_dir);
    if (opened.is_ok()) searcher = std::move(opened).value();
  }
  return searcher.get();
}

// One connection. A busy session (accepted past the cap) reads one request and answers 503.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Shared& shared, bool busy)
      : stream_(std::move(socket)),
        shared_(shared),
        busy_(busy),
        slot_(busy ? shared.busy_replies : shared.open_connections) {}

  void start() { read(); }

 private:
  // Waiting for a request and receiving it are timed apart: a keep-alive connection may sit
  // idle for idle_timeout, but once a request starts it must arrive within read_timeout.
  void read() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(shared_.options.max_header_bytes));
    parser_->body_limit(shared_.options.max_body_bytes);
    if (buffer_.size() > 0 || busy_) return read_request();
    stream_.expires_after(shared_.options.idle_timeout);
    stream_.async_read_some(buffer_.prepare(kFirstReadBytes),
                            [self = shared_from_this()](beast::error_code error, std::size_t received) {
                              if (error) return self->close();
                              self->buffer_.commit(received);
                              self->read_request();
                            });
  }

  void read_request() {
    stream_.expires_after(shared_.options.read_timeout);
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&Session::on_read, shared_from_this()));
  }

  void on_read(beast::error_code error, std::size_t) {
    if (error == http::error::end_of_stream || error == beast::error::timeout ||
        error == asio::error::connection_reset || error == asio::error::operation_aborted) {
      return close();
    }
    if (error == http::error::header_limit || error == http::error::body_limit) {
      const char* what = error == http::error::header_limit ? "request headers" : "request body";
      const std::size_t limit = error == http::error::header_limit ? shared_.options.max_header_bytes
                                                                   : shared_.options.max_body_bytes;
      return reply(error_response(413, "too_large", std::string(what) + " exceed " +
                                                        std::to_string(limit) + " bytes"),
                   false, false);
    }
    if (error) {
      return reply(error_response(400, "bad_request", "malformed HTTP request: " + error.message()),
                   false, false);
    }
    const auto started = std::chrono::steady_clock::now();
    const auto& request = parser_->get();
    HttpRequest exchange{std::string(request.method_string()), std::string(request.target()),
                         std::string(request[http::field::origin]),
                         std::string(request[http::field::access_control_request_method]),
                         request.body(), std::string(request[http::field::content_type]),
                         std::string(request[http::field::accept_language])};
    Route route = Route::kOther;
    HttpResponse response;
    ReloadingSearcher* searcher = busy_ ? nullptr : thread_searcher(shared_.options.index_dir);
    if (busy_) {
      response = error_response(503, "unavailable", "server busy: " + std::to_string(shared_.options.max_connections) +
                                                        " connections open (the --max-connections cap); retry shortly");
      response.headers.emplace_back("Retry-After", "1");
    } else if (searcher == nullptr) {
      response = error_response(Status::unavailable("index " + shared_.options.index_dir +
                                                    " cannot be opened; is it built?"));
    } else {
      response = handle_request(exchange, *searcher, shared_.metrics, route, &shared_.cache, &shared_.cors,
                                shared_.fhir_store.get());
    }
    shared_.metrics.record(route, response.status,
                           std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    reply(std::move(response), request.keep_alive() && !busy_, request.method() == http::verb::head, exchange);
  }

  // request is empty when it could not be read (400, 413): no Origin to allow.
  void reply(HttpResponse answer, bool keep_alive, bool head, const HttpRequest& request = {}) {
    shared_.cors.add_headers(request, answer);
    add_security_headers(answer);
    auto response = std::make_shared<http::response<http::string_body>>(
        static_cast<http::status>(answer.status), 11);
    response->set(http::field::server, "medcode");
    if (!answer.content_type.empty()) response->set(http::field::content_type, answer.content_type);
    for (const auto& [name, value] : answer.headers) response->insert(name, value);
    response->keep_alive(keep_alive);
    // A 204 has no body and no Content-Length (RFC 9110 8.6), which prepare_payload would add.
    if (head) {
      response->content_length(answer.body.size());
    } else if (answer.status != 204) {
      response->body() = answer.body;
      response->prepare_payload();
    }
    http::async_write(stream_, *response,
                      [self = shared_from_this(), response, keep_alive](beast::error_code error, std::size_t) {
                        if (error || !keep_alive) return self->close();
                        self->read();
                      });
  }

  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  // What the first read of a request takes in; the parser asks for the rest.
  static constexpr std::size_t kFirstReadBytes = 1024;

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  Shared& shared_;
  const bool busy_;
  ConnectionSlot slot_;
};

Result<tcp::endpoint> parse_listen(const std::string& listen) {
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == listen.size()) {
    return Status::invalid_argument("--listen \"" + listen.substr(0, 60) + "\": expected host:port");
  }
  beast::error_code error;
  const auto address = asio::ip::make_address(listen.substr(0, colon), error);
  if (error) {
    return Status::invalid_argument("--listen \"" + listen.substr(0, 60) + "\": " +
                                    listen.substr(0, colon) + " is not an IP address");
  }
  const std::string port_text = listen.substr(colon + 1);
  if (port_text.find_first_not_of("0123456789") != std::string::npos || port_text.size() > 5 ||
      std::stoul(port_text) > 65535) {
    return Status::invalid_argument("--listen \"" + listen.substr(0, 60) + "\": port must be 0-65535");
  }
  return tcp::endpoint(address, static_cast<unsigned short>(std::stoul(port_text)));
}

}  // namespace

struct HttpServer::Impl {
  // options.threads must be resolved (> 0) before construction: it is the io_context's
  // concurrency hint, and a hint of 1 tells Asio that a single thread runs it.
  Impl(const ServerOptions& options, CorsPolicy cors, std::shared_ptr<const fhir::ResourceStore> store)
      : shared(options, std::move(cors), std::move(store)) {}

  Shared shared;
  asio::io_context io{static_cast<int>(shared.options.threads)};
  tcp::acceptor acceptor{io};
  asio::signal_set signals{io, SIGINT, SIGTERM};
  asio::steady_timer accept_retry{io};
  // The acceptor, its retry timer and the signal set are touched only on this strand:
  // shut_down runs on whichever worker takes it, and must not close the acceptor while
  // another worker's accept handler is starting the next accept (TSan saw that race).
  asio::strand<asio::io_context::executor_type> control{asio::make_strand(io)};
  std::vector<std::thread> workers;

  // One accept at a time, so the counts checked here only fall behind our back, never rise.
  void accept() {
    acceptor.async_accept(asio::make_strand(io), asio::bind_executor(control, [this](beast::error_code error, tcp::socket socket) {
      if (error == asio::error::operation_aborted) return;
      if (error) {
        // Out of descriptors (EMFILE) or the like: accepting again at once would spin while
        // the connection waits in the backlog; give closing connections a moment.
        accept_retry.expires_after(std::chrono::milliseconds(50));
        accept_retry.async_wait(asio::bind_executor(control, [this](beast::error_code waited) {
          if (!waited) accept();
        }));
        return;
      }
      if (shared.open_connections.load() < shared.options.max_connections) {
        std::make_shared<Session>(std::move(socket), shared, false)->start();
      } else if (shared.busy_replies.load() < kMaxBusyReplies) {
        std::make_shared<Session>(std::move(socket), shared, true)->start();
      }  // else the socket closes here, unanswered: a flood must not use up descriptors
      accept();
    }));
  }

  void shut_down() {
    beast::error_code ignored;
    acceptor.close(ignored);
    signals.cancel(ignored);
    accept_retry.cancel();
    io.stop();
  }
};

HttpServer::HttpServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

HttpServer::~HttpServer() {
  stop();
  for (auto& worker : impl_->workers) {
    if (worker.joinable()) worker.join();
  }
}

Result<std::unique_ptr<HttpServer>> HttpServer::start(const ServerOptions& options) {
  if (options.index_dir.empty()) return Status::invalid_argument("--index DIR is required");
  auto endpoint = parse_listen(options.listen);
  if (!endpoint.is_ok()) return endpoint.status();
  auto cors = CorsPolicy::from_origins(options.cors_origins);
  if (!cors.is_ok()) return cors.status();
  // Fail fast on a missing or unreadable index rather than on the first request.
  auto probe = Searcher::open(options.index_dir);
  if (!probe.is_ok()) return probe.status();
  std::shared_ptr<const fhir::ResourceStore> store;
  if (!options.fhir_resources_dir.empty()) {
    auto loaded = fhir::ResourceStore::load_directory(options.fhir_resources_dir);
    if (!loaded.is_ok()) return loaded.status();
    store = std::move(loaded).value();
  }

  ServerOptions resolved = options;
  if (resolved.threads == 0) resolved.threads = std::max(1u, std::thread::hardware_concurrency());
  auto max_connections = resolve_max_connections(options.max_connections, resolved.threads);
  if (!max_connections.is_ok()) return max_connections.status();
  resolved.max_connections = max_connections.value();
  auto impl = std::make_unique<Impl>(resolved, std::move(cors).value(), std::move(store));
  beast::error_code error;
  impl->acceptor.open(endpoint.value().protocol(), error);
  if (!error) impl->acceptor.set_option(asio::socket_base::reuse_address(true), error);
  if (!error) impl->acceptor.bind(endpoint.value(), error);
  if (!error) impl->acceptor.listen(asio::socket_base::max_listen_connections, error);
  if (error) return Status::io_error("bind " + options.listen + ": " + error.message());

  Impl* raw = impl.get();
  raw->signals.async_wait(asio::bind_executor(raw->control, [raw](beast::error_code error, int) {
    if (!error) raw->shut_down();
  }));
  raw->accept();
  for (unsigned i = 0; i < raw->shared.options.threads; ++i) {
    raw->workers.emplace_back([raw] {
      try {
        raw->io.run();
      } catch (const std::exception& e) {
        std::cerr << "medcode-server: worker stopped: " << e.what() << "\n";
      }
    });
  }
  return std::unique_ptr<HttpServer>(new HttpServer(std::move(impl)));
}

unsigned short HttpServer::port() const {
  beast::error_code error;
  return impl_->acceptor.local_endpoint(error).port();
}

std::size_t HttpServer::max_connections() const { return impl_->shared.options.max_connections; }

void HttpServer::wait() {
  for (auto& worker : impl_->workers) {
    if (worker.joinable()) worker.join();
  }
}

void HttpServer::stop() {
  asio::post(impl_->control, [raw = impl_.get()] { raw->shut_down(); });
}

}  // namespace medcode::searcher
