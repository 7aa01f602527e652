// Scaling: builds indexes holding the records of a base index 2 and 4 times over (copies
// get changed codes, so every copy is a distinct document with the same text) and measures
// in-process search latency at 1x, 2x and 4x, to show how cost grows with the corpus.
//   build/bin/scale_bench --index BASE --out DIR [--factors 2,4] [--rounds N]
// Leaves DIR/x2, DIR/x4 for bench/run's HTTP measurements.
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "common/record_codec.h"
#include "common/status.h"
#include "indexer/build/index_writer.h"
#include "searcher/engine/searcher.h"

namespace {

using Clock = std::chrono::steady_clock;

// Writes factor copies of every record of base into out, with the base's synonyms.
medcode::Status build_scaled(const std::string& base, const std::string& out, int factor) {
  Xapian::Database database(base);
  auto writer = medcode::indexer::IndexWriter::create(out);
  if (!writer.is_ok()) return writer.status();
  for (int copy = 0; copy < factor; ++copy) {
    for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it) {
      auto record = medcode::decode_record(database.get_document(*it).get_data());
      if (!record.is_ok()) return record.status();
      medcode::CodeRecord r = std::move(record).value();
      if (copy > 0) {
        // A suffix no real code has keeps copies apart and out of code lookups.
        r.code += "~" + std::to_string(copy);
        if (!r.parent.empty()) r.parent += "~" + std::to_string(copy);
      }
      if (medcode::Status added = writer.value()->add(r); !added.is_ok()) return added;
    }
  }
  medcode::indexer::IndexMetadata metadata{database.get_metadata("medcode.release"), "scaled", "",
                                            database.get_metadata("medcode.code_sets"),
                                            database.get_metadata("medcode.release_history"),
                                            database.get_metadata("medcode.english_words"),
                                            database.get_metadata("medcode.morphemes"),
                                            database.get_metadata("medcode.build_code_sets")};
  if (medcode::Status finished = writer.value()->finish(metadata); !finished.is_ok()) return finished;
  Xapian::WritableDatabase scaled(out);
  for (auto key = database.synonym_keys_begin(); key != database.synonym_keys_end(); ++key) {
    for (auto value = database.synonyms_begin(*key); value != database.synonyms_end(*key); ++value) {
      scaled.add_synonym(*key, *value);
    }
  }
  scaled.commit();
  return medcode::Status::ok();
}

}  // namespace

int main(int argc, char** argv) {
  std::string base, out_dir, factors_text = "2,4", queries_path = MEDCODE_BENCH_DIR "/queries/latency_queries.txt";
  int rounds = 10;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--index") == 0) base = argv[i + 1];
    else if (std::strcmp(argv[i], "--out") == 0) out_dir = argv[i + 1];
    else if (std::strcmp(argv[i], "--factors") == 0) factors_text = argv[i + 1];
    else if (std::strcmp(argv[i], "--rounds") == 0) rounds = std::max(1, std::atoi(argv[i + 1]));
  }
  if (base.empty() || out_dir.empty()) {
    std::fprintf(stderr, "usage: scale_bench --index BASE --out DIR [--factors 2,4] [--rounds N]\n");
    return 64;
  }
  std::vector<std::string> queries;
  std::ifstream in(queries_path);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') queries.push_back(line);
  }
  std::vector<std::pair<int, std::string>> indexes = {{1, base}};
  for (std::size_t start = 0; start < factors_text.size();) {
    const auto comma = factors_text.find(',', start);
    const int factor = std::atoi(factors_text.substr(start, comma - start).c_str());
    if (factor > 1) indexes.emplace_back(factor, out_dir + "/x" + std::to_string(factor));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  std::printf("%-6s %10s %10s %10s %10s %10s\n", "scale", "documents", "build_s", "p50_ms", "p99_ms", "max_ms");
  for (const auto& [factor, path] : indexes) {
    double build_seconds = 0;
    if (factor > 1) {
      const auto start = Clock::now();
      if (medcode::Status built = build_scaled(base, path, factor); !built.is_ok()) {
        std::fprintf(stderr, "scale_bench: %s\n", built.message().c_str());
        return medcode::exit_code(built);
      }
      build_seconds = std::chrono::duration<double>(Clock::now() - start).count();
    }
    auto searcher = medcode::searcher::Searcher::open(path);
    if (!searcher.is_ok()) {
      std::fprintf(stderr, "scale_bench: %s\n", searcher.status().message().c_str());
      return medcode::exit_code(searcher.status());
    }
    std::vector<double> samples;
    for (int round = 0; round < rounds; ++round) {
      for (const auto& query : queries) {
        medcode::searcher::SearchRequest request;
        request.query = query;
        const auto start = Clock::now();
        auto response = searcher.value()->search(request);
        samples.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
      }
    }
    std::sort(samples.begin(), samples.end());
    auto at = [&](double p) { return samples[static_cast<std::size_t>(p * static_cast<double>(samples.size() - 1))]; };
    std::printf("%-6s %10zu %10.1f %10.3f %10.3f %10.3f\n", (std::to_string(factor) + "x").c_str(),
                searcher.value()->info().documents, build_seconds, at(0.5), at(0.99), samples.back());
  }
  return 0;
}
