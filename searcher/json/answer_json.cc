#include "searcher/json/answer_json.h"

#include "searcher/json/internal/json_writing.h"
#include "searcher/json/search_json.h"

namespace medcode::searcher {
namespace {

using json::JsonWriter;
using json::write_string;
using json::write_value;

void write_strings(JsonWriter& writer, const char* key, const std::vector<std::string>& values) {
  writer.Key(key);
  writer.StartArray();
  for (const auto& value : values) write_value(writer, value);
  writer.EndArray();
}

const char* out_of_scope_name(OutOfScope kind) {
  switch (kind) {
    case OutOfScope::kNone: return "";
    case OutOfScope::kNcci: return "ncci";
    case OutOfScope::kCoverage: return "coverage";
    case OutOfScope::kPayment: return "payment";
    case OutOfScope::kCpt: return "cpt";
  }
  return "";
}

// Where the web page shows a cited code or section.
std::string page_of(const Citation& citation) {
  if (citation.code.empty() || citation.system.empty()) return "";  // an ICD-9-CM code has no page
  if (citation.system == "guidelines") return "/guideline/" + citation.code;
  return "/code/" + citation.system + "/" + citation.code;
}

void write_question(JsonWriter& writer, const Question& q) {
  writer.StartObject();
  write_strings(writer, "codes", q.codes);
  if (!q.topic.empty()) write_string(writer, "topic", q.topic);
  if (!q.release.empty()) write_string(writer, "release", q.release);
  if (!q.system.empty()) write_string(writer, "system", q.system);
  if (q.out_of_scope != OutOfScope::kNone) write_string(writer, "out_of_scope", out_of_scope_name(q.out_of_scope));
  if (q.type == QuestionType::kCrosswalk) {
    write_string(writer, "direction", q.from_icd9 ? "icd9_to_icd10" : "icd10_to_icd9");
    writer.Key("procedures");
    writer.Bool(q.procedures);
  }
  writer.EndObject();
}

}  // namespace

std::string answer_to_json(const Answer& answer) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("type");
  writer.String(question_type_name(answer.question.type));
  writer.Key("question");
  write_question(writer, answer.question);
  write_string(writer, "summary", answer.summary);
  write_strings(writer, "facts", answer.facts);
  writer.Key("codes");
  writer.StartArray();
  for (const auto& code : answer.codes) {
    writer.StartObject();
    write_string(writer, "code", code.code);
    write_string(writer, "system", code.system);
    write_string(writer, "title", code.title);
    writer.Key("billable");
    writer.Bool(code.is_billable);
    write_string(writer, "role", code.role);
    if (!code.detail.empty()) write_string(writer, "detail", code.detail);
    writer.EndObject();
  }
  writer.EndArray();
  writer.Key("cards");
  writer.StartArray();
  for (const auto& card : answer.cards) {
    const std::string json = code_detail_to_json(card);
    writer.RawValue(json.data(), json.size(), rapidjson::kObjectType);
  }
  writer.EndArray();
  writer.Key("sections");
  writer.StartArray();
  for (const auto& section : answer.sections) {
    writer.StartObject();
    write_string(writer, "section", section.section);
    write_string(writer, "title", section.title);
    write_string(writer, "text", section.text);
    write_strings(writer, "codes", section.codes);
    writer.EndObject();
  }
  writer.EndArray();
  writer.Key("citations");
  writer.StartArray();
  for (const auto& citation : answer.citations) {
    writer.StartObject();
    write_string(writer, "kind", citation.kind);
    write_string(writer, "label", citation.label);
    if (!citation.system.empty()) write_string(writer, "system", citation.system);
    if (!citation.code.empty()) write_string(writer, "code", citation.code);
    if (!citation.text.empty()) write_string(writer, "text", citation.text);
    const std::string page = page_of(citation);
    if (!page.empty()) write_string(writer, "href", page);
    writer.EndObject();
  }
  writer.EndArray();
  if (!answer.suggestion.empty()) write_string(writer, "suggestion", answer.suggestion);
  writer.EndObject();
  return buffer.GetString();
}

}  // namespace medcode::searcher
