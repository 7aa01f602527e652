#include "indexer/build/leave_out.h"

#include <fstream>
#include <set>
#include <utility>

#include "common/code_format.h"
#include "common/text_trim.h"

namespace medcode::indexer {
namespace {

// FNV-1a: stable across compilers and runs, unlike std::hash.
std::uint64_t fnv1a(std::uint64_t hash, const std::string& text) {
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return hash;
}

// The text without its parenthesized nonessential modifiers.
std::string without_parentheses(const std::string& text) {
  std::string out;
  int depth = 0;
  for (char c : text) {
    if (c == '(') ++depth;
    if (depth == 0) out += c;
    if (c == ')' && depth > 0) --depth;
  }
  return out;
}

// Subterm steps that only connect ("with", "due to", "in") say nothing a person types.
bool is_connector(const std::string& step) {
  static const std::set<std::string> kConnectors = {"with", "without", "due to", "in", "of", "by", "from",
                                                    "following", "during", "and", "associated with"};
  return kConnectors.count(step) > 0;
}

std::string lowered(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

// Collapses runs of spaces and trims.
std::string tidy(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  return std::string(trim_whitespace(out));
}

}  // namespace

bool is_held_out(const LeaveOutOptions& options, const std::string& code, const std::string& text) {
  std::uint64_t hash = fnv1a(14695981039346656037ULL, std::to_string(options.seed));
  hash = fnv1a(hash, "\n" + code + "\n" + text);
  // Mix the low bits before the modulus: FNV's low bits alone are weak.
  hash ^= hash >> 33;
  hash *= 0xff51afd7ed558ccdULL;
  hash ^= hash >> 33;
  return hash % 100 < options.percent;
}

std::string typed_form_of_index_path(const std::vector<std::string>& path) {
  std::vector<std::string> steps;
  for (const auto& raw : path) {
    std::string step = without_parentheses(raw);
    // "Fracture, traumatic": the comma part qualifies; people type the head word.
    const auto comma = step.find(',');
    if (comma != std::string::npos) step = step.substr(0, comma);
    step = lowered(tidy(step));
    if (step.empty() || step == "-" || is_connector(step)) continue;
    steps.push_back(step);
  }
  if (steps.empty()) return "";
  std::string typed;
  for (std::size_t i = 1; i < steps.size(); ++i) typed += steps[i] + " ";
  return tidy(typed + steps[0]);
}

std::vector<HeldOutQuery> hold_out(std::vector<CodeRecord>& records, const LeaveOutOptions& options) {
  std::vector<HeldOutQuery> held;
  std::set<std::pair<std::string, std::string>> seen;
  auto keep = [&](std::string query, const std::string& code, const char* kind) {
    query = lowered(tidy(without_parentheses(query)));
    if (query.empty() || !seen.insert({query, code}).second) return;
    held.push_back({std::move(query), code, kind});
  };
  for (auto& record : records) {
    std::vector<IndexEntry> kept_entries;
    for (auto& entry : record.index_entries) {
      std::string joined;
      for (const auto& step : entry.path) joined += step + "\n";
      if (entry.source == IndexSource::kAlphabeticIndex && is_held_out(options, record.code, joined)) {
        keep(typed_form_of_index_path(entry.path), record.code, "index");
      } else {
        kept_entries.push_back(std::move(entry));
      }
    }
    record.index_entries = std::move(kept_entries);
    std::vector<std::string> kept_terms;
    for (auto& term : record.inclusion_terms) {
      if (is_held_out(options, record.code, term)) {
        keep(term, record.code, "inclusion");
      } else {
        kept_terms.push_back(std::move(term));
      }
    }
    record.inclusion_terms = std::move(kept_terms);
  }
  return held;
}

Status write_held_out_queries(const std::vector<HeldOutQuery>& queries, const std::string& path) {
  std::ofstream out(path, std::ios::trunc);
  if (!out) return Status::io_error(path + ": cannot write the held-out queries");
  out << "# Leave-out relevance set, made by medcode-indexer build --leave-out: Alphabetic Index\n"
         "# entries and inclusion terms held out of the index it was built with.\n"
         "# query<TAB>expected code<TAB>system\n";
  for (const char* kind : {"index", "inclusion"}) {
    out << "# --- " << kind << "\n";
    for (const auto& query : queries) {
      if (query.kind == kind) out << query.query << '\t' << display_code("icd10cm", query.code) << "\ticd10cm\n";
    }
  }
  out.close();
  if (!out) return Status::io_error(path + ": cannot write the held-out queries");
  return Status::ok();
}

}  // namespace medcode::indexer
