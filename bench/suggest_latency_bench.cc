// Autocomplete latency: every prefix of every query of a file (one per line), as a user
// types it, through Searcher::suggest; prints p50/p95/p99/max in milliseconds.
// With --completions TSV (a relevance query set), autocomplete quality instead: for each
// word of each query, typed after the words before it, how often the first 6 completions
// of its first 1, 2 and 3 letters contain it.
//   build/bin/suggest_latency_bench --index DIR [--queries FILE] [--completions TSV]
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "common/status.h"
#include "common/stop_words.h"
#include "searcher/engine/searcher.h"

namespace {

std::vector<std::string> lower_words(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text + " ") {
    if (c == ' ') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return words;
}

int completion_quality(const medcode::searcher::Searcher& searcher, const std::string& path) {
  constexpr std::size_t kShown = 6;  // what the page shows
  std::size_t asked[4] = {}, found[4] = {}, first_asked[4] = {}, first_found[4] = {};
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> words = lower_words(line.substr(0, line.find('\t')));
    std::string before;
    for (std::size_t k = 0; k < words.size(); ++k) {
      const std::string& word = words[k];
      const bool plain = std::all_of(word.begin(), word.end(), [](unsigned char c) { return std::isalpha(c); });
      for (std::size_t length = 1; plain && !medcode::is_stop_word(word) && length <= 3 && length < word.size();
           ++length) {
        medcode::searcher::SuggestRequest request;
        request.query = before + word.substr(0, length);
        request.limit = kShown;
        auto response = searcher.suggest(request);
        bool hit = false;
        if (response.is_ok()) {
          for (const auto& phrase : response.value().completions) {
            const auto last = lower_words(phrase);
            hit |= !last.empty() && last.back() == word;
          }
        }
        ++asked[length];
        found[length] += hit ? 1 : 0;
        if (k == 0) {
          ++first_asked[length];
          first_found[length] += hit ? 1 : 0;
        }
      }
      before += word + " ";
    }
  }
  std::printf("completions in the first %zu (%s)\nletters typed  every word       first word\n", kShown, path.c_str());
  for (std::size_t length = 1; length <= 3; ++length) {
    std::printf("%zu              %.3f (%5zu)    %.3f (%4zu)\n", length,
                asked[length] ? static_cast<double>(found[length]) / static_cast<double>(asked[length]) : 0.0,
                asked[length],
                first_asked[length] ? static_cast<double>(first_found[length]) / static_cast<double>(first_asked[length])
                                    : 0.0,
                first_asked[length]);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string index_dir, queries_path = MEDCODE_BENCH_DIR "/queries/latency_queries.txt", completions_path;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--index") == 0) index_dir = argv[i + 1];
    else if (std::strcmp(argv[i], "--queries") == 0) queries_path = argv[i + 1];
    else if (std::strcmp(argv[i], "--completions") == 0) completions_path = argv[i + 1];
  }
  if (index_dir.empty()) {
    std::fprintf(stderr, "usage: suggest_latency_bench --index DIR [--queries FILE] [--completions TSV]\n");
    return 64;
  }
  auto searcher = medcode::searcher::Searcher::open(index_dir);
  if (!searcher.is_ok()) {
    std::fprintf(stderr, "suggest_latency_bench: %s\n", searcher.status().message().c_str());
    return medcode::exit_code(searcher.status());
  }
  if (!completions_path.empty()) return completion_quality(*searcher.value(), completions_path);
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
