#include "indexer/sources/local_code_set_reader.h"

#include <rapidjson/document.h>

#include <map>
#include <set>
#include <vector>

#include "common/code_format.h"
#include "common/text_trim.h"
#include "common/utf8.h"

namespace medcode::indexer {
namespace {

std::string trimmed(std::string_view text) { return std::string(trim_whitespace(text)); }

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

// Accepts "yes/no", "true/false", "1/0", "y/n"; anything else is an error.
bool parse_flag(const std::string& text, bool& value) {
  std::string lower;
  for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "1" || lower == "true" || lower == "yes" || lower == "y") return value = true, true;
  if (lower == "0" || lower == "false" || lower == "no" || lower == "n") return value = false, true;
  return false;
}

class CodeCollector {
 public:
  explicit CodeCollector(LocalCodeSet& out) : out_(out) {}

  void add(LocalCode code, const std::string& raw_code) {
    code.code = compact_code(raw_code);
    if (code.code.empty() || code.code.size() > 32) {
      out_.skipped.add(code.location, "code " + quote_for_message(raw_code) +
                                          " is not 1-32 letters or digits (dots are ignored)");
      return;
    }
    if (code.title.empty()) {
      out_.skipped.add(code.location, "code " + code.code + " has no title");
      return;
    }
    code.parent = compact_code(code.parent);
    if (!seen_.insert(code.code).second) {
      out_.skipped.add(code.location, "code " + code.code + " appears twice; keeping the first");
      return;
    }
    out_.codes.push_back(std::move(code));
  }

 private:
  LocalCodeSet& out_;
  std::set<std::string> seen_;
};

std::string json_string(const rapidjson::Value& object, const char* name) {
  auto found = object.FindMember(name);
  if (found == object.MemberEnd()) return "";
  if (found->value.IsString()) return trimmed(found->value.GetString());
  if (found->value.IsNumber()) {
    return found->value.IsInt64() ? std::to_string(found->value.GetInt64()) : "";
  }
  return "";
}

Status read_jsonl(std::string_view bytes, const std::string& name, LocalCodeSet& out) {
  CodeCollector collector(out);
  std::size_t line_number = 0;
  for (std::string_view line : split(bytes, '\n')) {
    ++line_number;
    const std::string text = trimmed(line);
    if (text.empty()) continue;
    const std::string location = name + ":" + std::to_string(line_number);
    rapidjson::Document object;
    object.Parse(text.c_str(), text.size());
    if (object.HasParseError() || !object.IsObject()) {
      out.skipped.add(location, "not a JSON object (one object per line)");
      continue;
    }
    LocalCode code;
    code.location = location;
    code.title = json_string(object, "title");
    code.description = json_string(object, "description");
    code.parent = json_string(object, "parent");
    auto synonyms = object.FindMember("synonyms");
    if (synonyms != object.MemberEnd() && synonyms->value.IsArray()) {
      for (const auto& synonym : synonyms->value.GetArray()) {
        if (synonym.IsString() && !trimmed(synonym.GetString()).empty()) {
          code.synonyms.push_back(trimmed(synonym.GetString()));
        }
      }
    }
    auto billable = object.FindMember("billable");
    if (billable != object.MemberEnd()) {
      if (!billable->value.IsBool()) {
        out.skipped.add(location, "\"billable\" is not true or false");
        continue;
      }
      code.is_billable = billable->value.GetBool();
    }
    collector.add(std::move(code), json_string(object, "code"));
  }
  return Status::ok();
}

Status read_tsv(std::string_view bytes, const std::string& name, LocalCodeSet& out) {
  CodeCollector collector(out);
  std::map<std::string, std::size_t> column;
  std::size_t line_number = 0;
  for (std::string_view line : split(bytes, '\n')) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trimmed(line).empty() || line[0] == '#') continue;
    const auto cells = split(line, '\t');
    if (column.empty()) {
      for (std::size_t i = 0; i < cells.size(); ++i) {
        std::string heading = trimmed(cells[i]);
        for (char& c : heading) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        column[heading] = i;
      }
      if (!column.count("code") || !column.count("title")) {
        return Status::data_error(name + ":" + std::to_string(line_number) +
                                  ": the header row must name the columns \"code\" and \"title\" "
                                  "(optional: description, synonyms, parent, billable), tab-separated");
      }
      continue;
    }
    auto cell = [&](const char* heading) -> std::string {
      auto found = column.find(heading);
      return found == column.end() || found->second >= cells.size() ? "" : trimmed(cells[found->second]);
    };
    LocalCode code;
    code.location = name + ":" + std::to_string(line_number);
    code.title = cell("title");
    code.description = cell("description");
    code.parent = cell("parent");
    const std::string synonyms = cell("synonyms");  // split() returns views into it
    for (std::string_view synonym : split(synonyms, '|')) {
      if (!trimmed(synonym).empty()) code.synonyms.push_back(trimmed(synonym));
    }
    const std::string billable = cell("billable");
    if (!billable.empty() && !parse_flag(billable, code.is_billable)) {
      out.skipped.add(code.location, "billable " + quote_for_message(billable) + " is not yes or no");
      continue;
    }
    collector.add(std::move(code), cell("code"));
  }
  return Status::ok();
}

// A concept's value of property code, as text ("" when it has none).
std::string property_value(const rapidjson::Value& concept_json, const char* code) {
  auto properties = concept_json.FindMember("property");
  if (properties == concept_json.MemberEnd() || !properties->value.IsArray()) return "";
  for (const auto& property : properties->value.GetArray()) {
    if (!property.IsObject() || json_string(property, "code") != code) continue;
    for (auto it = property.MemberBegin(); it != property.MemberEnd(); ++it) {
      const std::string_view key(it->name.GetString(), it->name.GetStringLength());
      if (!key.starts_with("value")) continue;
      if (it->value.IsString()) return trimmed(it->value.GetString());
      if (it->value.IsBool()) return it->value.GetBool() ? "true" : "false";
    }
  }
  return "";
}

// A FHIR CodeSystem resource (R4 JSON): each concept a code, its display the title, its
// definition the description, its designations synonyms, its nesting (or its "parent"
// property) the hierarchy, and notSelectable = true not billable. The concept tree is
// walked with an explicit stack: a hostile file nests as deep as it likes.
Status read_fhir_code_system(std::string_view bytes, const std::string& name, LocalCodeSet& out) {
  rapidjson::Document document;
  document.Parse<rapidjson::kParseIterativeFlag>(bytes.data(), bytes.size());
  if (document.HasParseError() || !document.IsObject()) {
    return Status::data_error(name + ": not a JSON object (at byte " + std::to_string(document.GetErrorOffset()) +
                              "); a .json import is one FHIR CodeSystem resource");
  }
  if (json_string(document, "resourceType") != "CodeSystem") {
    return Status::data_error(name + ": resourceType is " + quote_for_message(json_string(document, "resourceType")) +
                              ", not CodeSystem; a .json import is one FHIR CodeSystem resource");
  }
  CodeCollector collector(out);
  struct Pending {
    const rapidjson::Value* concepts;
    std::string parent;
    std::size_t depth;
  };
  std::vector<Pending> stack;
  auto top = document.FindMember("concept");
  if (top != document.MemberEnd() && top->value.IsArray()) stack.push_back({&top->value, "", 1});
  while (!stack.empty()) {
    const Pending pending = stack.back();
    stack.pop_back();
    const auto list = pending.concepts->GetArray();
    for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
      const rapidjson::Value& item = list[i];
      // The concept's place by nesting depth and position, not its whole path: a path grows
      // with depth, and a deep file would make every code carry a long one.
      const std::string location = name + ": concept " + std::to_string(i + 1) + " at depth " + std::to_string(pending.depth);
      if (!item.IsObject()) {
        out.skipped.add(location, "not a concept object");
        continue;
      }
      LocalCode code;
      code.location = location;
      code.title = json_string(item, "display");
      code.description = json_string(item, "definition");
      code.parent = pending.parent.empty() ? property_value(item, "parent") : pending.parent;
      code.is_billable = property_value(item, "notSelectable") != "true";
      auto designations = item.FindMember("designation");
      if (designations != item.MemberEnd() && designations->value.IsArray()) {
        for (const auto& designation : designations->value.GetArray()) {
          if (!designation.IsObject()) continue;
          const std::string value = json_string(designation, "value");
          if (!value.empty() && value != code.title) code.synonyms.push_back(value);
        }
      }
      const std::string raw_code = json_string(item, "code");
      auto children = item.FindMember("concept");
      if (children != item.MemberEnd() && children->value.IsArray()) {
        stack.push_back({&children->value, raw_code, pending.depth + 1});
      }
      collector.add(std::move(code), raw_code);
    }
  }
  return Status::ok();
}

}  // namespace

Result<LocalCodeSet> read_local_code_set(std::string_view bytes, const std::string& source_name) {
  if (Status valid = check_utf8(bytes, source_name); !valid.is_ok()) return valid;
  LocalCodeSet set;
  const bool jsonl = source_name.ends_with(".jsonl") || source_name.ends_with(".ndjson");
  const bool fhir = source_name.ends_with(".json");
  Status read = fhir    ? read_fhir_code_system(bytes, source_name, set)
                : jsonl ? read_jsonl(bytes, source_name, set)
                        : read_tsv(bytes, source_name, set);
  if (!read.is_ok()) return read;
  if (set.codes.empty()) {
    return Status::data_error(source_name + ": no codes found (" + std::to_string(set.skipped.count()) +
                              " rows skipped" +
                              (set.skipped.examples().empty() ? "" : "; first: " + set.skipped.examples()[0]) + ")");
  }
  return set;
}

}  // namespace medcode::indexer
