// Serializes a CodeRecord into the bytes stored as a Xapian document's data, and back.
// Format: a version byte, then fields in declaration order; strings and counts are
// length-prefixed with LEB128 varints. Bump kRecordCodecVersion on any layout change.
#pragma once

#include <string>
#include <string_view>

#include "common/code_record.h"
#include "common/status.h"

namespace medcode {

inline constexpr unsigned char kRecordCodecVersion = 5;

// Returns the encoded record. Never fails.
std::string encode_record(const CodeRecord& record);

// Decodes bytes written by encode_record. Fails with kDataError ("record data is truncated
// at byte N", "record data has codec version V, expected 1") on anything else.
Result<CodeRecord> decode_record(std::string_view bytes);

}  // namespace medcode
