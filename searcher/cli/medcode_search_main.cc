// medcode-search: searches a medcode index from the command line.
//   medcode-search --index DIR [--json] [--limit N] [--system S] [--billable] [--release R] "phrase or code"
//   medcode-search --index DIR --suggest [--json] "partly typ"
// Without a query it reads one query per line from stdin (batch mode).
#include <boost/program_options.hpp>
#include <cstdio>
#include <exception>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "common/code_format.h"
#include "common/count_flag.h"
#include "common/edit_distance.h"
#include "common/status.h"
#include "searcher/answer/answer.h"
#include "searcher/answer/answered_search.h"
#include "searcher/engine/searcher.h"
#include "searcher/json/answer_json.h"
#include "searcher/json/search_json.h"

namespace po = boost::program_options;
using medcode::Status;
using medcode::searcher::SearchRequest;
using medcode::searcher::SearchResponse;
using medcode::searcher::Searcher;

namespace {

constexpr const char* kUsage =
    "usage: medcode-search --index DIR [--json] [--limit N] [--system S] [--billable] [--release R]\n"
    "                      [--suggest] [--explain] [QUERY...]\n"
    "       with no QUERY, reads one query per line from stdin\n";

void print_text(const SearchResponse& response) {
  if (!response.release.empty()) std::printf("(codes valid in %s, with its titles)\n", response.release.c_str());
  if (!response.corrected_query.empty()) {
    std::printf("(no match for \"%s\"; showing results for \"%s\")\n", response.query.c_str(),
                response.corrected_query.c_str());
  }
  if (response.hits.empty()) std::printf("no results for \"%s\"\n", response.query.c_str());
  for (const auto& hit : response.hits) {
    // A deleted code's billable flag is what it was; "deleted" is what a coder must see.
    const char* kind = hit.system == medcode::kGuidelines                ? "section"
                       : hit.status != medcode::CodeStatus::kActive ? medcode::code_status_name(hit.status)
                       : hit.is_billable                            ? "billable"
                                                                    : "header";
    std::printf("%-9s %-8s %-8s %s\n", hit.code.c_str(), hit.system.c_str(), kind, hit.title.c_str());
  }
}

// "; did you mean --index?" for a misspelled flag, or "".
std::string flag_hint(const po::error& error, const po::options_description& flags) {
  const auto* unknown = dynamic_cast<const po::unknown_option*>(&error);
  std::vector<std::string> names;
  for (const auto& option : flags.options()) names.push_back(option->long_name());
  return unknown == nullptr ? "" : medcode::flag_suggestion(unknown->get_option_name(), names);
}

// Autocomplete for one partly typed query; returns its status for the exit code.
Status run_suggest(const Searcher& searcher, const SearchRequest& search, const std::string& query,
                   bool json) {
  medcode::searcher::SuggestRequest request;
  request.query = query;
  request.system = search.system;
  request.release = search.release;
  request.limit = search.limit;
  auto response = searcher.suggest(request);
  if (!response.is_ok()) {
    if (json) {
      std::puts(medcode::searcher::failed_query_to_json(query, response.status()).c_str());
    } else {
      std::fprintf(stderr, "medcode-search: %s\n", response.status().message().c_str());
    }
    return response.status();
  }
  if (json) {
    std::puts(medcode::searcher::suggest_response_to_json(response.value()).c_str());
    return Status::ok();
  }
  for (const auto& completion : response.value().completions) std::printf("%s\n", completion.c_str());
  if (!response.value().codes.empty()) std::printf("--\n");
  for (const auto& hit : response.value().codes) {
    std::printf("%-9s %-8s %s\n", hit.code.c_str(), hit.system.c_str(), hit.title.c_str());
  }
  return Status::ok();
}

// "answer (billable): No. R05 ..." with its facts, codes and sources, then a "--" rule.
void print_answer(const medcode::searcher::Answer& answer) {
  std::printf("answer (%s): %s\n", medcode::searcher::question_type_name(answer.question.type), answer.summary.c_str());
  for (const auto& fact : answer.facts) std::printf("  %s\n", fact.c_str());
  for (const auto& code : answer.codes) {
    std::printf("  %-9s %-8s %s [%s%s%s]\n", code.code.c_str(), code.system.c_str(), code.title.c_str(), code.role.c_str(),
                code.detail.empty() ? "" : ": ", code.detail.c_str());
  }
  for (const auto& section : answer.sections) std::printf("  guideline %s %s\n", section.section.c_str(), section.title.c_str());
  for (const auto& citation : answer.citations) std::printf("  source: %s\n", citation.label.c_str());
  if (!answer.suggestion.empty()) std::printf("  try: %s\n", answer.suggestion.c_str());
  std::printf("--\n");
}

// Runs one query and prints it; returns its status so the exit code can reflect failures.
Status run_query(const Searcher& searcher, SearchRequest request, const std::string& query,
                 bool json, bool explain) {
  request.query = query;
  // The query the words become, before the codes it finds (a code query has none).
  if (explain && !json) {
    auto described = searcher.describe_text_query(query);
    if (described.is_ok()) std::printf("xapian query: %s\n", described.value().c_str());
  }
  // A coding question's answer comes first, then results for what it asks about.
  auto searched = medcode::searcher::search_with_answer(searcher, request);
  medcode::Result<SearchResponse> response =
      searched.is_ok() ? medcode::Result<SearchResponse>(searched.value().response) : medcode::Result<SearchResponse>(searched.status());
  const std::optional<medcode::searcher::Answer> answer = searched.is_ok() ? searched.value().answer : std::nullopt;
  if (json) {
    std::puts(response.is_ok() ? medcode::searcher::search_response_to_json(
                                     response.value(), answer ? medcode::searcher::answer_to_json(*answer) : "")
                                     .c_str()
                               : medcode::searcher::failed_query_to_json(query, response.status()).c_str());
  } else if (response.is_ok()) {
    if (answer) print_answer(*answer);
    print_text(response.value());
  } else {
    std::fprintf(stderr, "medcode-search: %s\n", response.status().message().c_str());
  }
  return response.status();
}

int run(int argc, char** argv) {
  std::string index_dir;
  SearchRequest request;
  bool json = false;
  bool billable_only = false;
  bool suggest = false;
  bool explain = false;
  std::vector<std::string> words;
  std::string limit = "10", offset = "0";
  po::options_description flags("medcode-search");
  flags.add_options()("help,h", "show this help")(
      "index", po::value(&index_dir), "index directory built by medcode-indexer (required)")(
      "json", po::bool_switch(&json), "print one JSON object per query")(
      "limit", po::value(&limit)->default_value(limit), "results per query, 1-200")(
      "offset", po::value(&offset)->default_value(offset), "results to skip, 0-10000")(
      "system", po::value(&request.system), "only this code set: icd10cm, icd10pcs, hcpcs, an imported one, or guidelines (the Official Guidelines sections)")(
      "billable", po::bool_switch(&billable_only), "only billable codes")(
      "release", po::value(&request.release), "only codes valid in this release (fy2025), with its titles")(
      "suggest", po::bool_switch(&suggest), "autocomplete: the last word is a prefix")(
      "explain", po::bool_switch(&explain), "print the Xapian query the words become before the results");
  po::options_description hidden;
  hidden.add_options()("query", po::value(&words));
  po::options_description all;
  all.add(flags).add(hidden);
  po::positional_options_description positional;
  positional.add("query", -1);
  po::variables_map values;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), values);
    po::notify(values);
  } catch (const po::error& error) {
    std::cerr << "medcode-search: " << error.what() << flag_hint(error, flags) << "\n" << kUsage;
    return 64;
  }
  if (values.count("help")) {
    std::cout << kUsage << flags;
    return 0;
  }
  if (index_dir.empty()) {
    std::cerr << "medcode-search: --index DIR is required\n" << kUsage;
    return 64;
  }
  // Read as text: Boost would take --offset -1 as 18446744073709551615.
  auto limit_count = medcode::parse_count_flag("--limit", limit, 1, medcode::searcher::kMaxLimit);
  auto offset_count = medcode::parse_count_flag("--offset", offset, 0, medcode::searcher::kMaxOffset);
  for (const Status* status : {&limit_count.status(), &offset_count.status()}) {
    if (!status->is_ok()) {
      std::cerr << "medcode-search: " << status->message() << "\n";
      return 64;
    }
  }
  request.limit = limit_count.value();
  request.offset = offset_count.value();
  if (billable_only) request.billable = medcode::searcher::BillableFilter::kBillableOnly;

  auto searcher = Searcher::open(index_dir);
  if (!searcher.is_ok()) {
    std::cerr << "medcode-search: " << searcher.status().message() << "\n";
    return medcode::exit_code(searcher.status());
  }
  // Once, not once per batch line: every line would fail the same way.
  if (Status served = searcher.value()->check_system(request.system); !served.is_ok()) {
    std::cerr << "medcode-search: " << served.message() << "\n";
    return medcode::exit_code(served);
  }
  if (!words.empty()) {
    std::string query;
    for (const auto& word : words) query += (query.empty() ? "" : " ") + word;
    // A trailing space given on the command line ends the last word, as in a search box.
    if (suggest && !words.back().empty() && words.back().back() == ' ') query += ' ';
    return medcode::exit_code(suggest ? run_suggest(*searcher.value(), request, query, json)
                                      : run_query(*searcher.value(), request, query, json, explain));
  }
  // Batch mode: a bad line is reported in its own output and does not stop the batch.
  int exit = 0;
  std::string line;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    Status status = suggest ? run_suggest(*searcher.value(), request, line, json)
                            : run_query(*searcher.value(), request, line, json, explain);
    if (!status.is_ok() && status.code() != medcode::StatusCode::kInvalidArgument) {
      exit = medcode::exit_code(status);
    }
    std::fflush(stdout);
  }
  return exit;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& error) {
    std::cerr << "medcode-search: internal error: " << error.what() << "\n";
    return 70;
  }
}
