// Index build benchmark: builds the full index from the corpus and prints wall time, index
// size and peak resident memory of this process (getrusage), and each code set's ingestion
// summary, as bench/RESULTS.md records.
//   build/bin/index_build_bench [--corpus DIR] [--index DIR] [--code-sets icd10cm,hcpcs,...]
//                               [--update-from DIR]   (time an update of DIR instead of a build)
//                               [--release fy2025]    (default: the newest in the manifest)
#include <sys/resource.h>

#include <cstdio>
#include <algorithm>
#include <cstring>
#include <string>

#include "common/status.h"
#include "indexer/build/index_build.h"

int main(int argc, char** argv) {
  medcode::indexer::BuildOptions options;
  options.index_dir = "/tmp/medcode-bench-index";
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--corpus") == 0) options.corpus_dir = argv[i + 1];
    else if (std::strcmp(argv[i], "--index") == 0) options.index_dir = argv[i + 1];
    else if (std::strcmp(argv[i], "--update-from") == 0) options.base_index_dir = argv[i + 1];
    else if (std::strcmp(argv[i], "--release") == 0) options.release = argv[i + 1];
    else if (std::strcmp(argv[i], "--code-sets") == 0) {
      options.code_sets.clear();
      std::string list = argv[i + 1];
      for (std::size_t start = 0; start <= list.size();) {
        const std::size_t comma = std::min(list.find(',', start), list.size());
        if (comma > start) options.code_sets.push_back(list.substr(start, comma - start));
        start = comma + 1;
      }
    } else {
      std::fprintf(stderr, "usage: index_build_bench [--corpus DIR] [--index DIR] [--code-sets LIST] [--release R]\n"
                           "                         [--update-from DIR]\n");
      return 64;
    }
  }
  auto report = medcode::indexer::build_index(options);
  if (!report.is_ok()) {
    std::fprintf(stderr, "index_build_bench: %s\n", report.status().message().c_str());
    return medcode::exit_code(report.status());
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("documents        %zu\n", report.value().documents);
  if (!options.base_index_dir.empty()) {
    std::printf("written          %zu\nunchanged        %zu\ndeleted          %zu\n", report.value().documents_written,
                report.value().documents_unchanged, report.value().documents_deleted);
  }
  std::printf("%s    %.1f\n", options.base_index_dir.empty() ? "build_seconds " : "update_seconds", report.value().seconds);
  std::printf("index_megabytes  %.1f\n", static_cast<double>(report.value().index_bytes) / 1e6);
  std::printf("peak_rss_mb      %.1f\n", static_cast<double>(usage.ru_maxrss) / 1024.0);
  // One ingestion summary per code set.
  std::printf("\n%-10s %-10s %9s %9s %8s  %s\n", "code set", "release", "documents", "billable", "seconds", "detail");
  for (const auto& set : report.value().code_sets) {
    std::printf("%-10s %-10s %9zu %9zu %8.1f  %s\n", set.code_set.c_str(), set.release.c_str(), set.documents,
                set.billable, set.seconds, set.detail.c_str());
  }
  return 0;
}
