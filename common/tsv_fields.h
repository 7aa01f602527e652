// Tab-separated text as the project writes it (the corpus manifest, index metadata): lines
// of fields split on every tab.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace medcode {

// "a\tb\t" -> {"a", "b", ""}: every field, empty ones included.
std::vector<std::string> split_tabs(std::string_view line);

// The non-empty lines of text ("\n"-separated; a "\r" before it is dropped), each split
// into fields.
std::vector<std::vector<std::string>> tsv_rows(std::string_view text);

}  // namespace medcode
