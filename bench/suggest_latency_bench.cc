// Autocomplete latency: every prefix of every query of a file (one per line), as a user
// types it, through Searcher::suggest; prints p50/p95/p99/max in milliseconds.
//   build/bin/suggest_latency_bench --index DIR [--queries FILE]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "common/status.h"
#include "searcher/engine/searcher.h"

int main(int argc, char** argv) {
  std::string index_dir, queries_path = MEDCODE_BENCH_DIR "/queries/latency_queries.txt";
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--index") == 0) index_dir = argv[i + 1];
    else if (std::strcmp(argv[i], "--queries") == 0) queries_path = argv[i + 1];
  }
  if (index_dir.empty()) {
    std::fprintf(stderr, "usage: suggest_latency_bench --index DIR [--queries FILE]\n");
    return 64;
  }
  auto searcher = medcode::searcher::Searcher::open(index_dir);
  if (!searcher.is_ok()) {
    std::fprintf(stderr, "suggest_latency_bench: %s\n", searcher.status().message().c_str());
    return medcode::exit_code(searcher.status());
  }
  std::vector<std::string> prefixes;
  std::ifstream in(queries_path);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    for (std::size_t length = 1; length <= line.size(); ++length) {
      if (line[length - 1] != ' ') prefixes.push_back(line.substr(0, length));
    }
  }
  std::vector<double> samples;
  std::vector<std::pair<double, std::string>> slowest;
  for (int round = 0; round < 3; ++round) {
    for (const auto& prefix : prefixes) {
      medcode::searcher::SuggestRequest request;
      request.query = prefix;
      const auto start = std::chrono::steady_clock::now();
      auto response = searcher.value()->suggest(request);
      samples.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
      if (round == 2) slowest.emplace_back(samples.back(), prefix);
      if (!response.is_ok()) std::fprintf(stderr, "%s: %s\n", prefix.c_str(), response.status().message().c_str());
    }
  }
  std::sort(samples.begin(), samples.end());
  auto at = [&](double p) { return samples[static_cast<std::size_t>(p * static_cast<double>(samples.size() - 1))]; };
  std::printf("prefixes %zu x 3 rounds\np50_ms %.3f\np95_ms %.3f\np99_ms %.3f\nmax_ms %.3f\n",
              prefixes.size(), at(0.5), at(0.95), at(0.99), samples.back());
  std::sort(slowest.rbegin(), slowest.rend());
  std::printf("slowest:");
  for (std::size_t i = 0; i < slowest.size() && i < 5; ++i) {
    std::printf(" \"%s\" %.1f ms;", slowest[i].second.c_str(), slowest[i].first);
  }
  std::printf("\n");
  return 0;
}
