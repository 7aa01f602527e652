// In-process latency: runs every query of a file (one per line) through Searcher::search,
// warm, for several rounds, and prints p50/p95/p99/max in milliseconds, plus the first
// (cold) query separately; then code lookups (Searcher::code_detail) the same way.
// --slowest N also lists the N queries with the highest median time (where to profile).
//   build/bin/search_latency_bench --index DIR [--queries FILE] [--rounds N] [--slowest N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "common/status.h"
#include "searcher/engine/searcher.h"

namespace {

double percentile(std::vector<double>& sorted, double p) {
  const std::size_t index = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1));
  return sorted[index];
}

double timed_ms(const medcode::searcher::Searcher& searcher, const std::string& query,
                bool with_snippets) {
  medcode::searcher::SearchRequest request;
  request.query = query;
  request.with_snippets = with_snippets;
  const auto start = std::chrono::steady_clock::now();
  auto response = searcher.search(request);
  const auto end = std::chrono::steady_clock::now();
  if (!response.is_ok()) std::fprintf(stderr, "query %s: %s\n", query.c_str(), response.status().message().c_str());
  return std::chrono::duration<double, std::milli>(end - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  std::string index_dir, queries_path = MEDCODE_BENCH_DIR "/queries/latency_queries.txt";
  int rounds = 20;
  int slowest = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--index") == 0) index_dir = argv[i + 1];
    else if (std::strcmp(argv[i], "--queries") == 0) queries_path = argv[i + 1];
    else if (std::strcmp(argv[i], "--rounds") == 0) rounds = std::max(1, std::atoi(argv[i + 1]));
    else if (std::strcmp(argv[i], "--slowest") == 0) slowest = std::max(0, std::atoi(argv[i + 1]));
  }
  if (index_dir.empty()) {
    std::fprintf(stderr, "usage: search_latency_bench --index DIR [--queries FILE] [--rounds N] [--slowest N]\n");
    return 64;
  }
  std::vector<std::string> queries;
  std::ifstream in(queries_path);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') queries.push_back(line);
  }
  if (queries.empty()) {
    std::fprintf(stderr, "search_latency_bench: no queries in %s\n", queries_path.c_str());
    return 66;
  }
  auto searcher = medcode::searcher::Searcher::open(index_dir);
  if (!searcher.is_ok()) {
    std::fprintf(stderr, "search_latency_bench: %s\n", searcher.status().message().c_str());
    return medcode::exit_code(searcher.status());
  }
  // The first query after opening pays for loading the index's pages.
  const double cold_ms = timed_ms(*searcher.value(), queries[0], false);
  std::printf("queries %zu x %d rounds\n", queries.size(), rounds);
  std::printf("cold_first_query_ms %.3f\n", cold_ms);
  // As the CLI and library callers search, then as the HTTP API does (with snippets).
  for (bool with_snippets : {false, true}) {
    std::vector<double> samples;
    std::vector<std::vector<double>> per_query(queries.size());
    for (int round = 0; round < rounds; ++round) {
      for (std::size_t q = 0; q < queries.size(); ++q) {
        samples.push_back(timed_ms(*searcher.value(), queries[q], with_snippets));
        per_query[q].push_back(samples.back());
      }
    }
    if (slowest > 0 && !with_snippets) {
      std::vector<std::pair<double, std::size_t>> medians;
      for (std::size_t q = 0; q < queries.size(); ++q) {
        std::sort(per_query[q].begin(), per_query[q].end());
        medians.emplace_back(percentile(per_query[q], 0.5), q);
      }
      std::sort(medians.rbegin(), medians.rend());
      for (std::size_t i = 0; i < medians.size() && i < static_cast<std::size_t>(slowest); ++i) {
        std::printf("slow %.3f ms  %s\n", medians[i].first, queries[medians[i].second].c_str());
      }
    }
    std::sort(samples.begin(), samples.end());
    std::printf("%s p50_ms %.3f p95_ms %.3f p99_ms %.3f max_ms %.3f\n",
                with_snippets ? "with_snippets   " : "without_snippets", percentile(samples, 0.50),
                percentile(samples, 0.95), percentile(samples, 0.99), samples.back());
  }
  // Code lookup, as GET /v1/codes does: the full record with ancestors and children.
  const char* codes[] = {"I10", "I21.9", "E11.65", "S52.531A", "J18.9", "T39.1X1A", "Z00.00", "M54.50"};
  std::vector<double> lookups;
  for (int round = 0; round < rounds * 10; ++round) {
    for (const char* code : codes) {
      const auto start = std::chrono::steady_clock::now();
      auto detail = searcher.value()->code_detail("icd10cm", code);
      lookups.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
      if (!detail.is_ok()) std::fprintf(stderr, "%s: %s\n", code, detail.status().message().c_str());
    }
  }
  std::sort(lookups.begin(), lookups.end());
  std::printf("code_lookup      p50_ms %.3f p95_ms %.3f p99_ms %.3f max_ms %.3f\n", percentile(lookups, 0.50),
              percentile(lookups, 0.95), percentile(lookups, 0.99), lookups.back());
  return 0;
}
