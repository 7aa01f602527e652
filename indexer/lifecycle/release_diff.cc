#include "indexer/lifecycle/release_diff.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <map>
#include <set>

#include "common/code_format.h"

namespace medcode::indexer {
namespace {

std::map<std::string, const OrderEntry*> by_code(const OrderFile& file) {
  std::map<std::string, const OrderEntry*> codes;
  for (const auto& entry : file.entries) codes.emplace(entry.code, &entry);
  return codes;
}

std::set<std::string> codes_of(const std::vector<CodeChange>& changes) {
  std::set<std::string> codes;
  for (const auto& change : changes) codes.insert(change.code);
  return codes;
}

std::vector<std::string> first_of_difference(const std::set<std::string>& a, const std::set<std::string>& b) {
  std::vector<std::string> only;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(only));
  if (only.size() > 10) only.resize(10);
  return only;
}

}  // namespace

ReleaseDiff diff_order_files(const OrderFile& from, const OrderFile& to) {
  ReleaseDiff diff;
  diff.codes_before = from.entries.size();
  diff.codes_after = to.entries.size();
  const auto before = by_code(from);
  const auto after = by_code(to);
  for (const auto& [code, entry] : after) {
    auto old = before.find(code);
    if (old == before.end()) {
      diff.added.push_back({code, "", entry->long_title, false, entry->is_billable});
      continue;
    }
    const OrderEntry& was = *old->second;
    CodeChange change{code, was.long_title, entry->long_title, was.is_billable, entry->is_billable};
    if (was.is_billable != entry->is_billable) diff.billable_changed.push_back(change);
    if (was.long_title != entry->long_title || was.short_title != entry->short_title) diff.retitled.push_back(change);
  }
  for (const auto& [code, entry] : before) {
    if (!after.count(code)) diff.deleted.push_back({code, entry->long_title, "", entry->is_billable, false});
  }
  return diff;
}

std::vector<AddendaCheck> check_against_addenda(const ReleaseDiff& diff, const OrderAddenda& addenda) {
  std::set<std::string> flag_changes, added, deleted;
  for (const auto& code : addenda.added) (addenda.deleted.count(code) ? flag_changes : added).insert(code);
  for (const auto& code : addenda.deleted) {
    if (!addenda.added.count(code)) deleted.insert(code);
  }
  std::vector<AddendaCheck> checks;
  auto check = [&](const char* kind, const std::vector<CodeChange>& found, const std::set<std::string>& listed) {
    const std::set<std::string> codes = codes_of(found);
    checks.push_back({kind, codes.size(), listed.size(), first_of_difference(codes, listed),
                      first_of_difference(listed, codes)});
  };
  check("added", diff.added, added);
  check("deleted", diff.deleted, deleted);
  check("retitled", diff.retitled, addenda.revised);
  check("billable_changed", diff.billable_changed, flag_changes);
  return checks;
}

std::string release_diff_to_text(const ReleaseDiff& diff, const std::vector<AddendaCheck>& checks,
                                 std::size_t listed) {
  std::string out = diff.code_set + " " + diff.from_release + " -> " + diff.to_release + ": " +
                    std::to_string(diff.codes_before) + " -> " + std::to_string(diff.codes_after) + " codes\n";
  const std::vector<std::pair<const char*, const std::vector<CodeChange>*>> kinds = {
      {"added", &diff.added}, {"deleted", &diff.deleted}, {"retitled", &diff.retitled},
      {"billable_changed", &diff.billable_changed}};
  for (const auto& [kind, changes] : kinds) {
    out += std::string(kind) + " " + std::to_string(changes->size());
    for (const auto& check : checks) {
      if (check.kind != kind) continue;
      out += check.diff == check.addenda && check.only_in_diff.empty() && check.only_in_addenda.empty()
                 ? " (matches the addenda)"
                 : " (addenda list " + std::to_string(check.addenda) + ")";
    }
    out += "\n";
    for (std::size_t i = 0; i < changes->size() && i < listed; ++i) {
      const CodeChange& c = (*changes)[i];
      const std::string shown = display_code(diff.code_set, c.code);
      if (std::string(kind) == "retitled") {
        out += "  " + shown + "  " + c.title_before + "  ->  " + c.title_after + "\n";
      } else if (std::string(kind) == "billable_changed") {
        out += "  " + shown + "  " + (c.billable_before ? "billable" : "header") + " -> " +
               (c.billable_after ? "billable" : "header") + "  " + c.title_after + "\n";
      } else {
        out += "  " + shown + "  " + (c.title_after.empty() ? c.title_before : c.title_after) + "\n";
      }
    }
    if (changes->size() > listed) out += "  ... " + std::to_string(changes->size() - listed) + " more (--json lists all)\n";
  }
  for (const auto& check : checks) {
    for (const auto& code : check.only_in_diff) out += "mismatch " + check.kind + ": " + code + " not in the addenda\n";
    for (const auto& code : check.only_in_addenda) out += "mismatch " + check.kind + ": " + code + " only in the addenda\n";
  }
  return out;
}

std::string release_diff_to_json(const ReleaseDiff& diff, const std::vector<AddendaCheck>& checks) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  auto string = [&](const char* key, const std::string& value) {
    w.Key(key);
    w.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
  };
  w.StartObject();
  string("code_set", diff.code_set);
  string("from", diff.from_release);
  string("to", diff.to_release);
  w.Key("codes_before");
  w.Uint64(diff.codes_before);
  w.Key("codes_after");
  w.Uint64(diff.codes_after);
  const std::vector<std::pair<const char*, const std::vector<CodeChange>*>> kinds = {
      {"added", &diff.added}, {"deleted", &diff.deleted}, {"retitled", &diff.retitled},
      {"billable_changed", &diff.billable_changed}};
  for (const auto& [kind, changes] : kinds) {
    w.Key(kind);
    w.StartArray();
    for (const auto& c : *changes) {
      w.StartObject();
      string("code", display_code(diff.code_set, c.code));
      if (!c.title_before.empty()) string("title_before", c.title_before);
      if (!c.title_after.empty()) string("title_after", c.title_after);
      w.Key("billable_before");
      w.Bool(c.billable_before);
      w.Key("billable_after");
      w.Bool(c.billable_after);
      w.EndObject();
    }
    w.EndArray();
  }
  w.Key("addenda_check");
  w.StartArray();
  for (const auto& check : checks) {
    w.StartObject();
    string("kind", check.kind);
    w.Key("diff");
    w.Uint64(check.diff);
    w.Key("addenda");
    w.Uint64(check.addenda);
    w.Key("matches");
    w.Bool(check.diff == check.addenda && check.only_in_diff.empty() && check.only_in_addenda.empty());
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return buffer.GetString();
}

}  // namespace medcode::indexer
