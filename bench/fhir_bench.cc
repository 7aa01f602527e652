// FHIR terminology latency in process: ValueSet/$expand with a text filter over all of
// ICD-10-CM (one request per query of a file, warm, several rounds) and CodeSystem/$validate-code
// on the codes those queries find. Prints p50/p95/p99/max in milliseconds. --codes-out FILE
// writes the codes (one per line) for the HTTP throughput run (bench/wrk/fhir_validate.lua).
//   build/bin/fhir_bench --index DIR [--queries FILE] [--rounds N] [--codes-out FILE]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "searcher/engine/searcher.h"
#include "searcher/fhir/fhir_service.h"

namespace {

constexpr const char* kIcd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";

double percentile(const std::vector<double>& sorted, double p) {
  return sorted[static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1))];
}

void print_row(const char* name, std::vector<double> times) {
  std::sort(times.begin(), times.end());
  std::printf("%-26s %8zu %9.3f %9.3f %9.3f %9.3f\n", name, times.size(), percentile(times, 0.50),
              percentile(times, 0.95), percentile(times, 0.99), times.back());
}

template <typename Call>
double timed_ms(Call&& call) {
  const auto start = std::chrono::steady_clock::now();
  call();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  using medcode::searcher::fhir::FhirRequest;
  using medcode::searcher::fhir::FhirResponse;
  std::string index_dir, queries_path = MEDCODE_BENCH_DIR "/queries/latency_queries.txt", codes_out;
  int rounds = 20;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--index") == 0) index_dir = argv[i + 1];
    else if (std::strcmp(argv[i], "--queries") == 0) queries_path = argv[i + 1];
    else if (std::strcmp(argv[i], "--rounds") == 0) rounds = std::max(1, std::atoi(argv[i + 1]));
    else if (std::strcmp(argv[i], "--codes-out") == 0) codes_out = argv[i + 1];
  }
  if (index_dir.empty()) {
    std::fprintf(stderr, "usage: fhir_bench --index DIR [--queries FILE] [--rounds N] [--codes-out FILE]\n");
    return 64;
  }
  std::vector<std::string> queries;
  std::ifstream in(queries_path);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') queries.push_back(line);
  }
  if (queries.empty()) {
    std::fprintf(stderr, "fhir_bench: no queries in %s\n", queries_path.c_str());
    return 66;
  }
  auto opened = medcode::searcher::Searcher::open(index_dir);
  if (!opened.is_ok()) {
    std::fprintf(stderr, "fhir_bench: %s\n", opened.status().to_string().c_str());
    return 66;
  }
  const medcode::searcher::Searcher& searcher = *opened.value();

  // The codes to validate: what the queries find in ICD-10-CM, each once.
  std::vector<std::string> codes;
  std::set<std::string> seen;
  for (const std::string& query : queries) {
    medcode::searcher::SearchRequest request;
    request.query = query;
    request.system = "icd10cm";
    auto found = searcher.search(request);
    if (!found.is_ok()) continue;
    for (const auto& hit : found.value().hits) {
      if (seen.insert(hit.code).second) codes.push_back(hit.code);
    }
  }
  if (!codes_out.empty()) {
    std::ofstream out(codes_out);
    for (const std::string& code : codes) out << code << "\n";
  }

  auto expand = [&](const std::string& filter) {
    FhirRequest request{"GET", "/ValueSet/$expand",
                        {{"url", std::string(kIcd10Cm) + "?fhir_vs"}, {"filter", filter}, {"count", "10"}}, "", "", ""};
    const FhirResponse response = medcode::searcher::fhir::handle_fhir_request(request, searcher);
    if (response.status != 200) std::fprintf(stderr, "expand %s: HTTP %d\n", filter.c_str(), response.status);
  };
  auto validate = [&](const std::string& code) {
    FhirRequest request{"GET", "/CodeSystem/$validate-code", {{"url", kIcd10Cm}, {"code", code}}, "", "", ""};
    const FhirResponse response = medcode::searcher::fhir::handle_fhir_request(request, searcher);
    if (response.status != 200) std::fprintf(stderr, "validate %s: HTTP %d\n", code.c_str(), response.status);
  };
  expand(queries[0]);  // warm the page cache and the process
  std::vector<double> expand_times, validate_times;
  for (int round = 0; round < rounds; ++round) {
    for (const std::string& query : queries) expand_times.push_back(timed_ms([&] { expand(query); }));
    for (const std::string& code : codes) validate_times.push_back(timed_ms([&] { validate(code); }));
  }
  std::printf("%-26s %8s %9s %9s %9s %9s\n", "operation (in process)", "requests", "p50_ms", "p95_ms", "p99_ms", "max_ms");
  print_row("$expand filter, ICD-10-CM", expand_times);
  print_row("$validate-code ICD-10-CM", validate_times);
  std::printf("(%zu filters, %zu distinct codes, %d rounds)\n", queries.size(), codes.size(), rounds);
  return 0;
}
