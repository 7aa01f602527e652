// medcode-server: serves a medcode index over HTTP (JSON API, web page, metrics).
//   medcode-server --index DIR [--listen 127.0.0.1:8080] [--threads N] [--cache-entries N]
//                  [--max-connections N] [--cors-origin ORIGIN]... [--fhir-resources DIR]
#include <boost/program_options.hpp>
#include <cstdio>
#include <exception>
#include <iostream>
#include <limits>
#include <string>
#include <vector>

#include "common/count_flag.h"
#include "common/edit_distance.h"
#include "common/status.h"
#include "searcher/http/connection_limit.h"
#include "searcher/http/http_server.h"

namespace po = boost::program_options;

namespace {

constexpr const char* kUsage =
    "usage: medcode-server --index DIR [--listen HOST:PORT] [--threads N] [--cache-entries N]\n"
    "                      [--max-connections N] [--cors-origin ORIGIN]... [--fhir-resources DIR]\n";

// What --help adds to the usage: the safe defaults an operator should know about.
constexpr const char* kAbout =
    "Serves the index read-only (it never writes to DIR) on loopback unless --listen names\n"
    "another address. Browsers on other origins may read the API only from --cors-origin ones.\n";

// More connections than this would need a descriptor limit few systems allow.
constexpr std::size_t kMaxConnectionsFlag = 1000000;

// More workers than this only contend for the cores.
constexpr std::size_t kMaxThreads = 1024;

// "; did you mean --index?" for a misspelled flag, or "".
std::string flag_hint(const po::error& error, const po::options_description& flags) {
  const auto* unknown = dynamic_cast<const po::unknown_option*>(&error);
  std::vector<std::string> names;
  for (const auto& option : flags.options()) names.push_back(option->long_name());
  return unknown == nullptr ? "" : medcode::flag_suggestion(unknown->get_option_name(), names);
}

int run(int argc, char** argv) {
  medcode::searcher::ServerOptions options;
  // Counts are read as text: Boost would take --threads -1 as 4294967295 threads.
  std::string threads = "0", cache_entries = std::to_string(options.cache_entries);
  std::string max_connections = std::to_string(medcode::searcher::kDefaultMaxConnections);
  po::options_description flags("medcode-server");
  flags.add_options()("help,h", "show this help")(
      "index", po::value(&options.index_dir), "index directory built by medcode-indexer (required)")(
      "listen", po::value(&options.listen)->default_value(options.listen), "address to serve on; port 0 picks one")(
      "threads", po::value(&threads)->default_value(threads), "worker threads, 0-1024 (0: one per core)")(
      "cache-entries", po::value(&cache_entries)->default_value(cache_entries),
      "rendered API answers to keep for repeated requests (0: no cache)")(
      "max-connections", po::value(&max_connections)->default_value(max_connections),
      "connections served at once; past it a new one gets 503 (default: 1024, or less if ulimit -n is lower)")(
      "cors-origin", po::value(&options.cors_origins)->value_name("ORIGIN"),
      "an origin whose pages may call the API (https://ehr.example.org); repeatable; \"*\" alone allows any "
      "(default: none)")(
      "fhir-resources", po::value(&options.fhir_resources_dir)->value_name("DIR"),
      "a directory of FHIR CodeSystem and ValueSet JSON files to serve under /fhir (stored value sets)");
  po::variables_map values;
  try {
    po::store(po::parse_command_line(argc, argv, flags), values);
    po::notify(values);
  } catch (const po::error& error) {
    std::cerr << "medcode-server: " << error.what() << flag_hint(error, flags) << "\n" << kUsage;
    return 64;
  }
  if (values.count("help")) {
    std::cout << kUsage << kAbout << "\n" << flags;
    return 0;
  }
  auto thread_count = medcode::parse_count_flag("--threads", threads, 0, kMaxThreads);
  auto entries = medcode::parse_count_flag("--cache-entries", cache_entries, 0, std::numeric_limits<std::size_t>::max());
  auto connections = medcode::parse_count_flag("--max-connections", max_connections, 1, kMaxConnectionsFlag);
  for (const medcode::Status* status : {&thread_count.status(), &entries.status(), &connections.status()}) {
    if (!status->is_ok()) {
      std::cerr << "medcode-server: " << status->message() << "\n";
      return 64;
    }
  }
  options.threads = static_cast<unsigned>(thread_count.value());
  options.cache_entries = entries.value();
  // Left at its default, the cap may shrink to fit the descriptor limit; given, it must fit.
  options.max_connections = values["max-connections"].defaulted() ? 0 : connections.value();
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
