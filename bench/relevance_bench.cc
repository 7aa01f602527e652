// Relevance benchmark: runs every query of a TSV set (query<TAB>expected codes[<TAB>system])
// through the medcode library, as people search (every code set, no filter; a hit counts in
// its own system), and through a plain baseline (Xapian over titles only, filtered to the
// case's system, default
// query parsing, no synonyms or ranking work) on the same index, and prints Recall@1,
// Recall@10, MRR@10 and the zero-result rate side by side, per section and overall, then the
// misses. A hit is a returned code equal to an expected code or a descendant of one.
//   build/bin/relevance_bench --index DIR [--queries FILE] [--misses N] [--filtered] [--sample N]
// --filtered searches each case with its own system filter (as a coder who picks the code
// set); --sample N takes N cases spread evenly over the file (the leave-out set is large).
// It also prints the medcode search latency over the set (p50 / p99).
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "common/code_format.h"
#include "common/schema.h"
#include "common/status.h"
#include "searcher/engine/searcher.h"

namespace {

struct Case {
  std::string query;
  std::vector<std::string> expected;  // compact codes
  std::string system;
  std::string section;
};

struct Ranked {
  std::vector<std::string> codes;  // compact, best first
  std::vector<std::string> systems;  // each code's system; empty when all are the case's
};

struct Metrics {
  int queries = 0, hits_at_1 = 0, hits_at_10 = 0, zero_results = 0;
  double reciprocal_rank_sum = 0;
  void add(int rank, bool empty) {  // rank 1-based, 0 when missed
    ++queries;
    zero_results += empty ? 1 : 0;
    if (rank == 1) ++hits_at_1;
    if (rank >= 1 && rank <= 10) {
      ++hits_at_10;
      reciprocal_rank_sum += 1.0 / rank;
    }
  }
  double r1() const { return queries ? static_cast<double>(hits_at_1) / queries : 0; }
  double r10() const { return queries ? static_cast<double>(hits_at_10) / queries : 0; }
  double mrr() const { return queries ? reciprocal_rank_sum / queries : 0; }
  double zero() const { return queries ? static_cast<double>(zero_results) / queries : 0; }
};

std::vector<Case> read_cases(const std::string& path) {
  std::vector<Case> cases;
  std::ifstream in(path);
  std::string section = "all";
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("# ---", 0) == 0) {
      section = line.substr(6);
      continue;
    }
    if (line.empty() || line[0] == '#') continue;
    const auto tab = line.find('\t');
    if (tab == std::string::npos) continue;
    Case c;
    c.query = line.substr(0, tab);
    std::string rest = line.substr(tab + 1);
    const auto tab2 = rest.find('\t');
    c.system = tab2 == std::string::npos ? "icd10cm" : rest.substr(tab2 + 1);
    rest = rest.substr(0, tab2);
    for (std::size_t start = 0; start <= rest.size();) {
      const auto comma = rest.find(',', start);
      const std::string code = medcode::compact_code(rest.substr(start, comma - start));
      if (!code.empty()) c.expected.push_back(code);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    c.section = section;
    cases.push_back(std::move(c));
  }
  return cases;
}

int rank_of(const Case& c, const Ranked& ranked) {
  for (std::size_t i = 0; i < ranked.codes.size() && i < 10; ++i) {
    if (!ranked.systems.empty() && ranked.systems[i] != c.system) continue;
    for (const auto& expected : c.expected) {
      if (ranked.codes[i].rfind(expected, 0) == 0) return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

Ranked run_medcode(const medcode::searcher::Searcher& searcher, const Case& c, bool filtered) {
  // As people search: every code set at once, no filter; a hit counts in its own system.
  medcode::searcher::SearchRequest request;
  request.query = c.query;
  if (filtered) request.system = c.system;
  Ranked ranked;
  auto response = searcher.search(request);
  if (!response.is_ok()) return ranked;
  for (const auto& hit : response.value().hits) {
    ranked.codes.push_back(medcode::compact_code(hit.code));
    ranked.systems.push_back(hit.system);
  }
  return ranked;
}

// The baseline: what a plain Xapian setup over the titles gives.
Ranked run_baseline(const Xapian::Database& database, const Case& c) {
  Xapian::QueryParser parser;
  parser.set_database(database);
  parser.set_stemmer(Xapian::Stem("english"));
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  Ranked ranked;
  try {
    const Xapian::Query query = parser.parse_query(c.query, Xapian::QueryParser::FLAG_DEFAULT,
                                                   std::string(medcode::schema::kTitleField.prefix));
    Xapian::Enquire enquire(database);
    enquire.set_query(Xapian::Query(
        Xapian::Query::OP_FILTER, query,
        Xapian::Query(std::string(medcode::schema::kSystemTermPrefix) + c.system)));
    const Xapian::MSet matches = enquire.get_mset(0, 10);
    for (auto it = matches.begin(); it != matches.end(); ++it) {
      ranked.codes.push_back(it.get_document().get_value(medcode::schema::kCodeSlot));
    }
  } catch (const Xapian::Error&) {
    // A query the default parser rejects simply finds nothing, as a user would see.
  }
  return ranked;
}

void print_row(const std::string& label, const Metrics& m, const Metrics& b) {
  std::printf("%-34s %4d  %5.3f %5.3f  %5.3f %5.3f  %5.3f %5.3f  %5.3f %5.3f\n", label.c_str(),
              m.queries, m.r1(), b.r1(), m.r10(), b.r10(), m.mrr(), b.mrr(), m.zero(), b.zero());
}

}  // namespace

int main(int argc, char** argv) {
  std::string index_dir, queries_path = MEDCODE_BENCH_DIR "/queries/dev.tsv";
  int max_misses = 60;
  bool filtered = false;
  std::size_t sample = 0;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--filtered") == 0) {
      filtered = true;
      continue;
    }
    if (i + 1 >= argc) break;
    if (std::strcmp(argv[i], "--index") == 0) index_dir = argv[i + 1];
    else if (std::strcmp(argv[i], "--queries") == 0) queries_path = argv[i + 1];
    else if (std::strcmp(argv[i], "--misses") == 0) max_misses = std::atoi(argv[i + 1]);
    else if (std::strcmp(argv[i], "--sample") == 0) sample = static_cast<std::size_t>(std::atol(argv[i + 1]));
    ++i;
  }
  if (index_dir.empty()) {
    std::fprintf(stderr, "usage: relevance_bench --index DIR [--queries FILE] [--misses N]\n");
    return 64;
  }
  std::vector<Case> cases = read_cases(queries_path);
  if (sample > 0 && cases.size() > sample) {
    std::vector<Case> spread;
    for (std::size_t i = 0; i < sample; ++i) spread.push_back(cases[i * cases.size() / sample]);
    cases = std::move(spread);
  }
  if (cases.empty()) {
    std::fprintf(stderr, "relevance_bench: no queries in %s\n", queries_path.c_str());
    return 66;
  }
  auto searcher = medcode::searcher::Searcher::open(index_dir);
  if (!searcher.is_ok()) {
    std::fprintf(stderr, "relevance_bench: %s\n", searcher.status().message().c_str());
    return medcode::exit_code(searcher.status());
  }
  Xapian::Database database(index_dir);

  std::map<std::string, std::pair<Metrics, Metrics>> by_section;
  std::vector<std::string> section_order;
  Metrics total, baseline_total;
  std::vector<std::string> misses;
  std::vector<double> latencies_ms;
  for (const Case& c : cases) {
    const auto started = std::chrono::steady_clock::now();
    const Ranked ours = run_medcode(*searcher.value(), c, filtered);
    latencies_ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());
    const Ranked base = run_baseline(database, c);
    const int rank = rank_of(c, ours);
    const int base_rank = rank_of(c, base);
    if (!by_section.count(c.section)) section_order.push_back(c.section);
    by_section[c.section].first.add(rank, ours.codes.empty());
    by_section[c.section].second.add(base_rank, base.codes.empty());
    total.add(rank, ours.codes.empty());
    baseline_total.add(base_rank, base.codes.empty());
    if (rank != 1) {
      std::string line = (rank == 0 ? "MISS   " : "rank " + std::to_string(rank) + " ") + c.query + "  want ";
      for (const auto& e : c.expected) line += medcode::display_code(c.system, e) + " ";
      line += " got";
      for (std::size_t i = 0; i < ours.codes.size() && i < 3; ++i) line += " " + medcode::display_code(c.system, ours.codes[i]);
      misses.push_back(line);
    }
  }
  std::printf("%s: %zu queries%s. Columns: medcode / baseline (Xapian over titles only)\n",
              queries_path.c_str(), cases.size(), filtered ? ", each with its system filter" : ", no filter");
  std::printf("%-34s %4s  %-11s  %-11s  %-11s  %-11s\n", "section", "n", "Recall@1", "Recall@10",
              "MRR@10", "zero-result");
  for (const auto& section : section_order) {
    print_row(section, by_section[section].first, by_section[section].second);
  }
  print_row("ALL", total, baseline_total);
  std::sort(latencies_ms.begin(), latencies_ms.end());
  std::printf("medcode search latency: p50 %.2f ms, p99 %.2f ms\n", latencies_ms[latencies_ms.size() / 2],
              latencies_ms[std::min(latencies_ms.size() - 1, latencies_ms.size() * 99 / 100)]);
  std::printf("\nnot first (%zu):\n", misses.size());
  for (std::size_t i = 0; i < misses.size() && static_cast<int>(i) < max_misses; ++i) {
    std::printf("  %s\n", misses[i].c_str());
  }
  return 0;
}
