// The RapidJSON writing helpers every JSON renderer of the searcher shares: echoed text is
// made valid UTF-8 first, so output is always valid JSON.
#pragma once

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>

#include "common/utf8.h"

namespace medcode::searcher::json {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

// Echoed user input may be invalid UTF-8; JSON output never is.
inline void write_value(JsonWriter& writer, const std::string& value) {
  const std::string valid = to_valid_utf8(value);
  writer.String(valid.data(), static_cast<rapidjson::SizeType>(valid.size()));
}

inline void write_string(JsonWriter& writer, const char* key, const std::string& value) {
  writer.Key(key);
  write_value(writer, value);
}

}  // namespace medcode::searcher::json
