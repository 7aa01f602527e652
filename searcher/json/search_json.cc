#include "searcher/json/search_json.h"

#include "searcher/json/internal/json_writing.h"

namespace medcode::searcher {
namespace {

using json::JsonWriter;
using json::write_string;
using json::write_value;

void write_error(JsonWriter& writer, const char* code, const std::string& message) {
  writer.StartObject();
  writer.Key("code");
  writer.String(code);
  write_string(writer, "message", message);
  writer.EndObject();
}

void write_error(JsonWriter& writer, const Status& status) {
  write_error(writer, status_code_name(status.code()), status.message());
}

void write_hits(JsonWriter& writer, const std::vector<SearchHit>& hits) {
  writer.StartArray();
  for (const SearchHit& hit : hits) {
    writer.StartObject();
    write_string(writer, "code", hit.code);
    write_string(writer, "system", hit.system);
    write_string(writer, "title", hit.title);
    writer.Key("billable");
    writer.Bool(hit.is_billable);
    writer.Key("status");
    writer.String(code_status_name(hit.status));
    writer.Key("score");
    writer.Int(hit.score);
    writer.Key("match");
    writer.String(hit.match == MatchKind::kCode ? "code" : "text");
    if (!hit.snippet.empty()) write_string(writer, "snippet", hit.snippet);
    writer.Key("hierarchy");
    writer.StartObject();
    write_string(writer, "chapter", hit.chapter);
    write_string(writer, "section", hit.section);
    write_string(writer, "parent", hit.parent);
    writer.EndObject();
    writer.EndObject();
  }
  writer.EndArray();
}

}  // namespace

std::string search_response_to_json(const SearchResponse& response) { return search_response_to_json(response, ""); }

std::string search_response_to_json(const SearchResponse& response, const std::string& answer_json) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_string(writer, "query", response.query);
  writer.Key("results");
  write_hits(writer, response.hits);
  writer.Key("total");
  writer.Uint64(response.total);
  if (!response.release.empty()) write_string(writer, "release", response.release);
  if (!response.corrected_query.empty()) {
    write_string(writer, "corrected_query", response.corrected_query);
  }
  if (!answer_json.empty()) {
    writer.Key("answer");
    writer.RawValue(answer_json.data(), answer_json.size(), rapidjson::kObjectType);
  }
  writer.EndObject();
  return buffer.GetString();
}

std::string suggest_response_to_json(const SuggestResponse& response) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_string(writer, "query", response.query);
  writer.Key("completions");
  writer.StartArray();
  for (const auto& completion : response.completions) write_value(writer, completion);
  writer.EndArray();
  writer.Key("codes");
  write_hits(writer, response.codes);
  writer.EndObject();
  return buffer.GetString();
}

namespace {

void write_link(JsonWriter& writer, const std::string& system, const CodeLink& link) {
  writer.StartObject();
  write_string(writer, "code", link.code);
  write_string(writer, "system", system);
  write_string(writer, "title", link.title);
  writer.Key("billable");
  writer.Bool(link.is_billable);
  writer.EndObject();
}

// When the code may be used: the releases the index knows it in, where it starts and
// ends (null: before the oldest release known / still valid).
void write_validity(JsonWriter& writer, const CodeDetail& detail) {
  const CodeValidity& v = detail.record.validity;
  auto string_or_null = [&](const char* key, const std::string& value) {
    writer.Key(key);
    if (value.empty()) {
      writer.Null();
    } else {
      writer.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
    }
  };
  writer.Key("validity");
  writer.StartObject();
  writer.Key("valid_in");
  writer.StartArray();
  for (const auto& release : detail.valid_in) write_value(writer, release);
  writer.EndArray();
  string_or_null("from_release", v.from_release);
  string_or_null("from_date", v.from_date);
  string_or_null("until_release", v.until_release);
  string_or_null("through_date", v.through_date);
  string_or_null("earliest_release_known", detail.earliest_release);
  writer.EndObject();
}

// The conversion table's successors of a deleted code, as codes ("Replaced by" lists
// them in display form, comma-separated).
void write_replaced_by(JsonWriter& writer, const CodeRecord& record) {
  writer.Key("replaced_by");
  writer.StartArray();
  for (const auto& attribute : record.attributes) {
    if (attribute.name != kReplacedByAttribute) continue;
    std::size_t start = 0;
    while (start < attribute.value.size()) {
      std::size_t end = attribute.value.find(',', start);
      if (end == std::string::npos) end = attribute.value.size();
      std::string code = attribute.value.substr(start, end - start);
      code.erase(0, code.find_first_not_of(' '));
      if (!code.empty()) write_value(writer, code);
      start = end + 1;
    }
  }
  writer.EndArray();
}

void write_note(JsonWriter& writer, const Note& note, const std::string& from_code) {
  writer.StartObject();
  writer.Key("kind");
  writer.String(note_kind_name(note.kind));
  write_string(writer, "text", note.text);
  writer.Key("release_year");
  writer.Int(note.release_year);
  if (!from_code.empty()) write_string(writer, "from_code", from_code);
  writer.EndObject();
}

}  // namespace

std::string code_detail_to_json(const CodeDetail& detail) {
  const CodeRecord& r = detail.record;
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_string(writer, "code", detail.display_code);
  write_string(writer, "system", r.system);
  write_string(writer, "title", r.title);
  write_string(writer, "short_title", r.short_title);
  writer.Key("billable");
  writer.Bool(r.is_billable);
  write_string(writer, "release", detail.release);
  writer.Key("status");
  writer.String(code_status_name(code_status(r)));
  write_replaced_by(writer, r);
  // How often the code is reported in real care (ICD-10-CM), what the ranking's prior uses.
  writer.Key("times_reported");
  writer.Uint64(r.times_reported);
  write_validity(writer, detail);
  writer.Key("chapter");
  writer.StartObject();
  write_string(writer, "number", r.chapter);
  write_string(writer, "title", r.chapter_title);
  writer.EndObject();
  writer.Key("section");
  writer.StartObject();
  write_string(writer, "id", r.section);
  write_string(writer, "title", r.section_title);
  writer.EndObject();
  writer.Key("ancestors");
  writer.StartArray();
  for (const auto& link : detail.ancestors) write_link(writer, r.system, link);
  writer.EndArray();
  writer.Key("children");
  writer.StartArray();
  for (const auto& link : detail.children) write_link(writer, r.system, link);
  writer.EndArray();
  writer.Key("notes");
  writer.StartArray();
  for (const auto& note : r.notes) {
    if (note.kind != NoteKind::kSeventhCharNote) write_note(writer, note, "");
  }
  writer.EndArray();
  writer.Key("inherited_notes");
  writer.StartArray();
  for (const auto& inherited : detail.inherited_notes) write_note(writer, inherited.note, inherited.from_code);
  writer.EndArray();
  writer.Key("seventh_characters");
  writer.StartObject();
  write_string(writer, "from_code", detail.seventh_characters_from);
  writer.Key("options");
  writer.StartArray();
  for (const auto& seventh : detail.seventh_characters) {
    writer.StartObject();
    write_string(writer, "character", seventh.character);
    write_string(writer, "meaning", seventh.meaning);
    writer.Key("release_year");
    writer.Int(seventh.release_year);
    writer.EndObject();
  }
  writer.EndArray();
  writer.EndObject();
  writer.Key("inclusion_terms");
  writer.StartObject();
  writer.Key("release_year");
  writer.Int(r.inclusion_terms_year);
  writer.Key("terms");
  writer.StartArray();
  for (const auto& term : r.inclusion_terms) write_value(writer, term);
  writer.EndArray();
  writer.EndObject();
  writer.Key("index_entries");
  writer.StartArray();
  for (const auto& entry : r.index_entries) {
    writer.StartObject();
    writer.Key("source");
    writer.String(index_source_name(entry.source));
    writer.Key("path");
    writer.StartArray();
    for (const auto& step : entry.path) write_value(writer, step);
    writer.EndArray();
    if (!entry.column.empty()) write_string(writer, "column", entry.column);
    writer.Key("release_year");
    writer.Int(entry.release_year);
    writer.Key("via_retired_code");
    writer.Bool(entry.attached_to_ancestor);
    writer.EndObject();
  }
  writer.EndArray();
  writer.Key("attributes");
  writer.StartArray();
  for (const auto& attribute : r.attributes) {
    writer.StartObject();
    write_string(writer, "name", attribute.name);
    write_string(writer, "value", attribute.value);
    if (!attribute.detail.empty()) write_string(writer, "detail", attribute.detail);
    writer.EndObject();
  }
  writer.EndArray();
  if (!r.description.empty()) write_string(writer, "description", r.description);
  if (!r.referenced_codes.empty()) {
    writer.Key("referenced_codes");
    writer.StartArray();
    for (const auto& code : r.referenced_codes) write_value(writer, code);
    writer.EndArray();
  }
  writer.Key("guidelines");
  writer.StartArray();
  for (const auto& link : detail.guidelines) {
    writer.StartObject();
    write_string(writer, "section", link.section);
    write_string(writer, "title", link.title);
    write_string(writer, "via_code", link.via_code);
    writer.EndObject();
  }
  writer.EndArray();
  writer.EndObject();
  return buffer.GetString();
}

std::string index_info_to_json(const IndexInfo& info) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("status");
  writer.String("ok");
  write_string(writer, "release", info.release);
  write_string(writer, "built_at", info.built_at);
  writer.Key("documents");
  writer.Uint64(info.documents);
  writer.Key("code_sets");
  writer.StartArray();
  for (const auto& set : info.code_sets) {
    writer.StartObject();
    write_string(writer, "system", set.system);
    write_string(writer, "release", set.release);
    writer.Key("documents");
    writer.Uint64(set.documents);
    writer.EndObject();
  }
  writer.EndArray();
  writer.Key("releases");
  writer.StartArray();
  for (const auto& release : info.releases) write_value(writer, release);
  writer.EndArray();
  writer.EndObject();
  return buffer.GetString();
}

std::string error_to_json(const char* code, const std::string& message) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  write_error(writer, code, message);
  return buffer.GetString();
}

std::string error_to_json(const Status& status) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  write_error(writer, status);
  return buffer.GetString();
}

std::string failed_query_to_json(const std::string& query, const Status& status) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_string(writer, "query", query);
  writer.Key("results");
  writer.StartArray();
  writer.EndArray();
  writer.Key("error");
  write_error(writer, status);
  writer.EndObject();
  return buffer.GetString();
}

}  // namespace medcode::searcher
