// medcode-server's HTTP/1.1 transport (Boost.Beast): keep-alive, a fixed pool of worker
// threads each with its own index handle (ReloadingSearcher), size limits and timeouts.
// Requests go to handle_request (api_routes.h); this file only moves bytes.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "common/status.h"

namespace medcode::searcher {

struct ServerOptions {
  std::string listen = "127.0.0.1:8080";  // host:port; port 0 picks a free port
  std::string index_dir;                  // required
  unsigned threads = 0;                   // worker threads; 0 means one per core
  std::size_t max_header_bytes = 8192;    // larger request headers get 413
  std::size_t max_body_bytes = 8192;      // larger request bodies get 413
  std::chrono::seconds read_timeout{10};  // to receive a whole request once it starts
  std::chrono::seconds idle_timeout{60};  // keep-alive connection with no request
  std::size_t cache_entries = 20000;      // rendered API answers kept (response_cache.h); 0: none
};

class HttpServer {
 public:
  // Opens the index (to fail fast: kUnavailable as Searcher::open), binds and starts the
  // workers. kInvalidArgument "--listen \"x\": expected host:port"; kIOError when the
  // address cannot be bound ("bind 127.0.0.1:8080: Address already in use").
  static Result<std::unique_ptr<HttpServer>> start(const ServerOptions& options);
  ~HttpServer();

  // The bound port (useful with port 0).
  unsigned short port() const;

  // Blocks until stop() is called or the process gets SIGINT or SIGTERM; then stops
  // accepting, lets workers finish and returns.
  void wait();
  void stop();

 private:
  struct Impl;
  explicit HttpServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace medcode::searcher
