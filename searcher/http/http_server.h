// medcode-server's HTTP/1.1 transport (Boost.Beast): keep-alive, a fixed pool of worker
// threads each with its own index handle (ReloadingSearcher), size limits, timeouts and a
// connection cap. Requests go to handle_request (api_routes.h); every answer gets the
// security headers (security_headers.h) and the CORS policy's (cors_policy.h).
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"

namespace medcode::searcher {

struct ServerOptions {
  // host:port; port 0 picks a free port. Loopback by default: serving other machines is a
  // choice made with --listen 0.0.0.0:8080 (or a specific address).
  std::string listen = "127.0.0.1:8080";
  std::string index_dir;                // required; opened read-only, never written
  unsigned threads = 0;                 // worker threads; 0 means one per core
  std::size_t max_header_bytes = 8192;  // larger request headers get 413
  // Larger request bodies get 413. FHIR requests carry their code systems (tx-resource).
  std::size_t max_body_bytes = 4 * 1024 * 1024;
  // A request's first byte starts this clock for the rest of it; a client trickling its
  // headers (slowloris) is cut off when it runs out.
  std::chrono::milliseconds read_timeout{10000};
  std::chrono::milliseconds idle_timeout{60000};  // keep-alive connection with no request
  std::size_t cache_entries = 20000;  // rendered API answers kept (response_cache.h); 0: none
  // Connections served at once; past it a new one is answered 503 and closed. 0: the
  // default of connection_limit.h (1024, or less if the descriptor limit is lower).
  std::size_t max_connections = 0;
  // Origins whose pages may read the API from a browser (cors_policy.h): exact origins
  // ("https://ehr.example.org"), or "*" alone for any. Empty: none, no CORS header sent.
  std::vector<std::string> cors_origins;
  // A directory of FHIR CodeSystem and ValueSet JSON files the FHIR service keeps for every
  // request (searcher/fhir/resource_store.h); "" for none.
  std::string fhir_resources_dir;
};

class HttpServer {
 public:
  // Opens the index (to fail fast: kUnavailable as Searcher::open), binds and starts the
  // workers. kInvalidArgument "--listen \"x\": expected host:port", for a bad
  // --cors-origin (cors_policy.h) or a --max-connections the descriptor limit cannot hold
  // (connection_limit.h); kIOError when the address cannot be bound ("bind 127.0.0.1:8080:
  // Address already in use"); ResourceStore::load_directory's errors for --fhir-resources.
  static Result<std::unique_ptr<HttpServer>> start(const ServerOptions& options);
  ~HttpServer();

  // The bound port (useful with port 0).
  unsigned short port() const;

  // The connection cap in force (options.max_connections, or the default it resolved to).
  std::size_t max_connections() const;

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
