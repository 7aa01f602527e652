// What English is, for spelling correction that does no harm: the words of a Debian word
// list (wamerican-huge), kept in the index so the searcher never "corrects" a valid word
// ("tingly" to "single", "jittery" to "battery") and the index stays self-contained.
#pragma once

#include <string>

#include "common/status.h"

namespace medcode::indexer {

inline constexpr const char* kDefaultWordList = "/usr/share/dict/american-english-huge";

// The list's lower-case words of 4+ ASCII letters (what spelling correction looks at),
// sorted, one per line. kNotFound naming the file and the package when it is missing.
Result<std::string> read_english_words(const std::string& path);

}  // namespace medcode::indexer
