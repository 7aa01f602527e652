// medcode-server: serves a medcode index over HTTP (JSON API, web page, metrics).
//   medcode-server --index DIR [--listen 127.0.0.1:8080] [--threads N] [--cache-entries N]
#include <boost/program_options.hpp>
#include <cstdio>
#include <exception>
#include <iostream>

#include "common/status.h"
#include "searcher/http/http_server.h"

namespace po = boost::program_options;

namespace {

constexpr const char* kUsage = "usage: medcode-server --index DIR [--listen HOST:PORT] [--threads N] [--cache-entries N]\n";

int run(int argc, char** argv) {
  medcode::searcher::ServerOptions options;
  po::options_description flags("medcode-server");
  flags.add_options()("help,h", "show this help")(
      "index", po::value(&options.index_dir), "index directory built by medcode-indexer (required)")(
      "listen", po::value(&options.listen)->default_value(options.listen), "address to serve on; port 0 picks one")(
      "threads", po::value(&options.threads)->default_value(0), "worker threads (0: one per core)")(
      "cache-entries", po::value(&options.cache_entries)->default_value(options.cache_entries),
      "rendered API answers to keep for repeated requests (0: no cache)");
  po::variables_map values;
  try {
    po::store(po::parse_command_line(argc, argv, flags), values);
    po::notify(values);
  } catch (const po::error& error) {
    std::cerr << "medcode-server: " << error.what() << "\n" << kUsage;
    return 64;
  }
  if (values.count("help")) {
    std::cout << kUsage << flags;
    return 0;
  }
  auto server = medcode::searcher::HttpServer::start(options);
  if (!server.is_ok()) {
    std::cerr << "medcode-server: " << server.status().message() << "\n";
    return medcode::exit_code(server.status());
  }
  const std::string host = options.listen.substr(0, options.listen.rfind(':'));
  std::printf("medcode-server: serving %s on http://%s:%u/\n", options.index_dir.c_str(), host.c_str(),
              server.value()->port());
  std::fflush(stdout);
  server.value()->wait();
  std::printf("medcode-server: stopped\n");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& error) {
    std::cerr << "medcode-server: internal error: " << error.what() << "\n";
    return 70;
  }
}
