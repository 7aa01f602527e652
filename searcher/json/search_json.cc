#include "searcher/json/search_json.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "common/utf8.h"

namespace medcode::searcher {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

// Echoed user input may be invalid UTF-8; JSON output never is.
void write_string(JsonWriter& writer, const char* key, const std::string& value) {
  writer.Key(key);
  const std::string valid = to_valid_utf8(value);
  writer.String(valid.data(), static_cast<rapidjson::SizeType>(valid.size()));
}

void write_error(JsonWriter& writer, const Status& status) {
  writer.StartObject();
  writer.Key("code");
  writer.String(status_code_name(status.code()));
  write_string(writer, "message", status.message());
  writer.EndObject();
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
    writer.Key("score");
    writer.Int(hit.score);
    writer.Key("match");
    writer.String(hit.match == MatchKind::kCode ? "code" : "text");
    writer.EndObject();
  }
  writer.EndArray();
}

}  // namespace

std::string search_response_to_json(const SearchResponse& response) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_string(writer, "query", response.query);
  writer.Key("results");
  write_hits(writer, response.hits);
  writer.Key("total");
  writer.Uint64(response.total);
  if (!response.corrected_query.empty()) {
    write_string(writer, "corrected_query", response.corrected_query);
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
  for (const auto& completion : response.completions) {
    const std::string valid = to_valid_utf8(completion);
    writer.String(valid.data(), static_cast<rapidjson::SizeType>(valid.size()));
  }
  writer.EndArray();
  writer.Key("codes");
  write_hits(writer, response.codes);
  writer.EndObject();
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
