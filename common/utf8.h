// UTF-8 checks and the helpers that make error messages point at a place in a file:
// first invalid byte, offset to line:column, and quoting a user's value safely.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace medcode {

// Byte offset of the first byte that does not start a well-formed UTF-8 sequence
// (overlongs, surrogates and code points above U+10FFFF count as invalid), or nullopt.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// 1-based line and column (in bytes) of a byte offset; lines end at '\n'.
struct TextPosition {
  std::size_t line = 1;
  std::size_t column = 1;
};
TextPosition position_at(std::string_view text, std::size_t offset);

// The value in double quotes, with control characters, quotes and invalid bytes escaped
// (\n, \", \xFF) and cut to max_bytes with "..." so a message stays one short line.
// Example: quote_for_message("a\"b") == "\"a\\\"b\"".
std::string quote_for_message(std::string_view value, std::size_t max_bytes = 60);

// The text with each invalid byte replaced by U+FFFD, so it can be echoed in JSON.
std::string to_valid_utf8(std::string_view text);

// Ok for valid UTF-8; otherwise kDataError "<source_name>:<line>:<col>: invalid UTF-8
// (byte 0xFF)" naming the first bad byte. For whole files read by the indexer.
Status check_utf8(std::string_view text, const std::string& source_name);

}  // namespace medcode
