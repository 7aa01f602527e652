// Coding-question benchmark: for each question of bench/queries/questions.tsv, whether the
// grammar routes it to the expected type, and whether the answer holds the expected code or
// guideline section (a section is found by itself or a subsection). Also counts how many
// phrase queries of the relevance sets the grammar takes for questions (they should not be).
//   question_bench --index DIR [--questions FILE] [--phrases FILE]... [--misses]
#include <boost/program_options.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "common/code_format.h"
#include "common/tsv_fields.h"
#include "searcher/answer/answer.h"
#include "searcher/engine/searcher.h"

namespace po = boost::program_options;
using namespace medcode;
using namespace medcode::searcher;

namespace {

struct Case {
  std::string question, type, expected;
};

std::vector<Case> read_cases(const std::string& path) {
  std::vector<Case> cases;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto fields = split_tabs(line);
    if (fields.size() >= 3) cases.push_back({fields[0], fields[1], fields[2]});
    else if (!fields.empty()) cases.push_back({fields[0], "", ""});
  }
  return cases;
}

// Whether the answer names the expected code (display or compact form) or section.
bool holds(const Answer& answer, const std::string& expected) {
  if (expected == "-") return true;
  auto same_code = [&](const std::string& code) { return code == expected || compact_code(code) == compact_code(expected); };
  auto same_section = [&](const std::string& section) {
    return section == expected || section.rfind(expected + ".", 0) == 0;
  };
  for (const auto& code : answer.codes) {
    if (same_code(code.code)) return true;
  }
  for (const auto& card : answer.cards) {
    if (same_code(card.display_code)) return true;
  }
  for (const auto& section : answer.sections) {
    if (same_section(section.section)) return true;
  }
  for (const auto& citation : answer.citations) {
    if (citation.system == "guidelines" ? same_section(citation.code) : same_code(citation.code)) return true;
  }
  // A crosswalk's ICD-9 side ("401.9") appears in its facts.
  for (const auto& fact : answer.facts) {
    if (fact.find(expected) != std::string::npos && expected.find('.') != std::string::npos && !std::isalpha(static_cast<unsigned char>(expected[0]))) {
      return true;
    }
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  po::options_description options("question_bench");
  std::string index;
  std::string questions = std::string(MEDCODE_BENCH_DIR) + "/queries/questions.tsv";
  std::vector<std::string> phrases;
  options.add_options()("help,h", "show this help")("index", po::value(&index)->required(), "index directory")(
      "questions", po::value(&questions), "question set (question, type, expected)")(
      "phrases", po::value(&phrases)->multitoken(), "relevance sets whose queries should not be questions")(
      "misses", "list the questions routed or answered wrongly");
  po::variables_map vm;
  try {
    po::store(po::parse_command_line(argc, argv, options), vm);
    if (vm.count("help")) {
      std::cout << options;
      return 0;
    }
    po::notify(vm);
  } catch (const std::exception& error) {
    std::cerr << "question_bench: " << error.what() << "\n" << options;
    return 2;
  }
  auto opened = Searcher::open(index);
  if (!opened.is_ok()) {
    std::cerr << "question_bench: " << opened.status().message() << "\n";
    return 1;
  }
  const Searcher& searcher = *opened.value();
  const std::vector<Case> cases = read_cases(questions);
  if (cases.empty()) {
    std::cerr << "question_bench: no questions in " << questions << "\n";
    return 1;
  }
  struct Tally {
    int n = 0, routed = 0, answered = 0;
  };
  std::map<std::string, Tally> by_type;
  Tally all;
  std::vector<std::string> misses;
  std::vector<double> millis;
  std::vector<std::pair<double, std::string>> timed;
  for (const auto& c : cases) {
    const auto start = std::chrono::steady_clock::now();
    auto answer = answer_question(searcher, c.question);
    millis.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    timed.emplace_back(millis.back(), c.question);
    Tally& t = by_type[c.type];
    ++t.n;
    ++all.n;
    if (!answer.is_ok()) {
      misses.push_back("ERROR  " + c.question + ": " + answer.status().message());
      continue;
    }
    const std::string got = question_type_name(answer.value().question.type);
    const bool routed = got == c.type;
    const bool answered = routed && holds(answer.value(), c.expected);
    t.routed += routed;
    all.routed += routed;
    t.answered += answered;
    all.answered += answered;
    if (!routed) {
      misses.push_back("ROUTE  " + c.question + "  want " + c.type + "  got " + got);
    } else if (!answered) {
      misses.push_back("ANSWER " + c.question + "  want " + c.expected + "  got: " + answer.value().summary.substr(0, 160));
    }
  }
  std::printf("%s: %zu questions on %s\n", questions.c_str(), cases.size(), index.c_str());
  std::printf("%-14s %5s %8s %9s\n", "type", "n", "routed", "answered");
  for (const auto& [type, t] : by_type) {
    std::printf("%-14s %5d %8.3f %9.3f\n", type.c_str(), t.n, double(t.routed) / t.n, double(t.answered) / t.n);
  }
  std::printf("%-14s %5d %8.3f %9.3f\n", "ALL", all.n, double(all.routed) / all.n, double(all.answered) / all.n);
  std::sort(millis.begin(), millis.end());
  std::printf("answer latency: p50 %.2f ms, p99 %.2f ms\n", millis[millis.size() / 2],
              millis[std::min(millis.size() - 1, millis.size() * 99 / 100)]);
  std::sort(timed.rbegin(), timed.rend());
  std::printf("slowest:");
  for (std::size_t i = 0; i < timed.size() && i < 5; ++i) std::printf(" %.1f ms \"%s\";", timed[i].first, timed[i].second.c_str());
  std::printf("\n");
  for (const auto& path : phrases) {
    int n = 0, taken = 0;
    std::vector<std::string> examples;
    for (const auto& c : read_cases(path)) {
      ++n;
      const Question q = parse_question(c.question);
      if (q.type == QuestionType::kNone) continue;
      ++taken;
      if (examples.size() < 8) examples.push_back(c.question + " -> " + question_type_name(q.type));
    }
    std::printf("phrases taken for questions: %d of %d in %s\n", taken, n, path.c_str());
    for (const auto& example : examples) std::printf("  %s\n", example.c_str());
  }
  if (vm.count("misses")) {
    std::printf("\nmisses (%zu):\n", misses.size());
    for (const auto& miss : misses) std::printf("  %s\n", miss.c_str());
  }
  return 0;
}
