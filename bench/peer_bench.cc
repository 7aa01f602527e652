// Peers side by side on the same records and queries: medcode, plain Xapian (an in-memory
// index of the same text with default TermGenerator/QueryParser, no field weights, no
// synonyms, no ranking work) and SQLite FTS5 (bm25, porter + unicode61), the engine most
// code lookup tools are built on. Prints build time, query latency and relevance for each,
// and medcode's ratios to each peer.
//   build/bin/peer_bench --index DIR [--queries FILE] [--rounds N]
#include <sqlite3.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "common/code_format.h"
#include "common/record_codec.h"
#include "common/status.h"
#include "searcher/engine/searcher.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Case {
  std::string query;
  std::vector<std::string> expected;  // compact codes
};

struct Row {
  std::string code;  // compact
  std::string text;  // title, inclusion terms and index paths: what a lookup tool would index
};

std::vector<Case> read_cases(const std::string& path) {
  std::vector<Case> cases;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const auto tab = line.find('\t');
    if (tab == std::string::npos) continue;
    Case c{line.substr(0, tab), {}};
    std::string codes = line.substr(tab + 1);
    codes = codes.substr(0, codes.find('\t'));
    for (std::size_t start = 0; start <= codes.size();) {
      const auto comma = codes.find(',', start);
      const std::string code = medcode::compact_code(codes.substr(start, comma - start));
      if (!code.empty()) c.expected.push_back(code);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

std::vector<Row> export_rows(const std::string& index_dir) {
  Xapian::Database database(index_dir);
  std::vector<Row> rows;
  for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it) {
    auto record = medcode::decode_record(database.get_document(*it).get_data());
    if (!record.is_ok()) continue;
    Row row{record.value().code, record.value().title};
    for (const auto& term : record.value().inclusion_terms) row.text += " | " + term;
    for (const auto& entry : record.value().index_entries) {
      row.text += " |";
      for (const auto& step : entry.path) row.text += " " + step;
      if (!entry.column.empty()) row.text += " " + entry.column;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

// An engine under test: query -> ranked compact codes (top 10).
using Engine = std::function<std::vector<std::string>(const std::string&)>;

struct Measured {
  double p50 = 0, p95 = 0, p99 = 0;
  double recall1 = 0, recall10 = 0, mrr = 0, zero = 0;
};

Measured measure(const Engine& engine, const std::vector<Case>& cases, int rounds) {
  Measured m;
  std::vector<double> samples;
  for (int round = 0; round < rounds; ++round) {
    for (const Case& c : cases) {
      const auto start = Clock::now();
      const std::vector<std::string> codes = engine(c.query);
      samples.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
      if (round > 0) continue;
      int rank = 0;
      for (std::size_t i = 0; i < codes.size() && i < 10 && rank == 0; ++i) {
        for (const auto& expected : c.expected) {
          if (codes[i].rfind(expected, 0) == 0) rank = static_cast<int>(i) + 1;
        }
      }
      m.recall1 += rank == 1;
      m.recall10 += rank >= 1;
      m.mrr += rank >= 1 ? 1.0 / rank : 0;
      m.zero += codes.empty();
    }
  }
  const double n = static_cast<double>(cases.size());
  m.recall1 /= n;
  m.recall10 /= n;
  m.mrr /= n;
  m.zero /= n;
  std::sort(samples.begin(), samples.end());
  auto at = [&](double p) { return samples[static_cast<std::size_t>(p * static_cast<double>(samples.size() - 1))]; };
  m.p50 = at(0.5);
  m.p95 = at(0.95);
  m.p99 = at(0.99);
  return m;
}

// FTS5 query from free text: each word quoted (no FTS5 syntax from users), all words
// required; if that finds nothing, any word.
std::string fts_query(const std::string& text, const char* joiner) {
  std::string query, word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!query.empty()) query += joiner;
    query += "\"" + word + "\"";
    word.clear();
  };
  for (unsigned char c : text) {
    if (std::isalnum(c) || c >= 0x80) {
      word += static_cast<char>(c);
    } else {
      flush();
    }
  }
  flush();
  return query;
}

}  // namespace

int main(int argc, char** argv) {
  std::string index_dir, queries_path = MEDCODE_BENCH_DIR "/queries/dev.tsv";
  int rounds = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--index") == 0) index_dir = argv[i + 1];
    else if (std::strcmp(argv[i], "--queries") == 0) queries_path = argv[i + 1];
    else if (std::strcmp(argv[i], "--rounds") == 0) rounds = std::max(2, std::atoi(argv[i + 1]));
  }
  if (index_dir.empty()) {
    std::fprintf(stderr, "usage: peer_bench --index DIR [--queries FILE] [--rounds N]\n");
    return 64;
  }
  const std::vector<Case> cases = read_cases(queries_path);
  auto searcher = medcode::searcher::Searcher::open(index_dir);
  if (!searcher.is_ok() || cases.empty()) {
    std::fprintf(stderr, "peer_bench: %s\n", searcher.is_ok() ? "no queries" : searcher.status().message().c_str());
    return 66;
  }
  const std::vector<Row> rows = export_rows(index_dir);

  // Plain Xapian, in memory.
  auto start = Clock::now();
  Xapian::WritableDatabase plain(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("english"));
  for (const Row& row : rows) {
    Xapian::Document document;
    generator.set_document(document);
    generator.index_text(row.text);
    document.set_data(row.code);
    plain.add_document(document);
  }
  const double plain_build_s = std::chrono::duration<double>(Clock::now() - start).count();
  Xapian::QueryParser parser;
  parser.set_stemmer(Xapian::Stem("english"));
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser.set_database(plain);

  // SQLite FTS5, in memory.
  start = Clock::now();
  sqlite3* db = nullptr;
  sqlite3_open(":memory:", &db);
  if (sqlite3_exec(db, "CREATE VIRTUAL TABLE codes USING fts5(code UNINDEXED, text, tokenize='porter unicode61')",
                   nullptr, nullptr, nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "peer_bench: SQLite has no FTS5: %s\n", sqlite3_errmsg(db));
    return 69;
  }
  sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO codes(code, text) VALUES (?, ?)", -1, &insert, nullptr);
  for (const Row& row : rows) {
    sqlite3_bind_text(insert, 1, row.code.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(insert, 2, row.text.c_str(), -1, SQLITE_STATIC);
    sqlite3_step(insert);
    sqlite3_reset(insert);
  }
  sqlite3_finalize(insert);
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  const double fts_build_s = std::chrono::duration<double>(Clock::now() - start).count();
  sqlite3_stmt* select = nullptr;
  sqlite3_prepare_v2(db, "SELECT code FROM codes WHERE codes MATCH ? ORDER BY bm25(codes) LIMIT 10", -1, &select,
                     nullptr);

  const Engine medcode_engine = [&](const std::string& query) {
    medcode::searcher::SearchRequest request;
    request.query = query;
    std::vector<std::string> codes;
    auto response = searcher.value()->search(request);
    if (response.is_ok()) {
      for (const auto& hit : response.value().hits) codes.push_back(medcode::compact_code(hit.code));
    }
    return codes;
  };
  const Engine plain_engine = [&](const std::string& query) {
    std::vector<std::string> codes;
    try {
      Xapian::Enquire enquire(plain);
      enquire.set_query(parser.parse_query(query));
      const Xapian::MSet matches = enquire.get_mset(0, 10);
      for (auto it = matches.begin(); it != matches.end(); ++it) codes.push_back(it.get_document().get_data());
    } catch (const Xapian::Error&) {
      // The default parser rejects some input; a user would see no results.
    }
    return codes;
  };
  const Engine fts_engine = [&](const std::string& query) {
    std::vector<std::string> codes;
    for (const char* joiner : {" AND ", " OR "}) {
      const std::string match = fts_query(query, joiner);
      if (match.empty()) break;
      sqlite3_bind_text(select, 1, match.c_str(), -1, SQLITE_TRANSIENT);
      while (sqlite3_step(select) == SQLITE_ROW) {
        codes.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(select, 0)));
      }
      sqlite3_reset(select);
      if (!codes.empty()) break;
    }
    return codes;
  };

  const Measured ours = measure(medcode_engine, cases, rounds);
  const Measured xapian = measure(plain_engine, cases, rounds);
  const Measured fts = measure(fts_engine, cases, rounds);
  sqlite3_finalize(select);
  sqlite3_close(db);

  std::printf("%zu records, %zu queries (%s), %d rounds; latency in ms, warm, one thread\n", rows.size(),
              cases.size(), queries_path.c_str(), rounds);
  std::printf("%-14s %8s %8s %8s  %8s %8s %8s %8s  %s\n", "engine", "p50", "p95", "p99", "R@1", "R@10", "MRR@10",
              "zero", "build");
  auto line = [](const char* name, const Measured& m, const std::string& build) {
    std::printf("%-14s %8.3f %8.3f %8.3f  %8.3f %8.3f %8.3f %8.3f  %s\n", name, m.p50, m.p95, m.p99, m.recall1,
                m.recall10, m.mrr, m.zero, build.c_str());
  };
  line("medcode", ours, "see index_build_bench");
  line("plain-xapian", xapian, std::to_string(plain_build_s).substr(0, 5) + " s (in memory)");
  line("sqlite-fts5", fts, std::to_string(fts_build_s).substr(0, 5) + " s (in memory)");
  std::printf("medcode / plain-xapian: p99 latency x%.2f, MRR@10 x%.2f\n", ours.p99 / xapian.p99, ours.mrr / xapian.mrr);
  std::printf("medcode / sqlite-fts5:  p99 latency x%.2f, MRR@10 x%.2f\n", ours.p99 / fts.p99, ours.mrr / fts.mrr);
  return 0;
}
