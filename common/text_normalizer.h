// Folds text to the one form that both the indexer and the searcher turn into terms:
// Unicode NFKD, accents removed, case folded, typographic punctuation made plain (ICU).
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"

namespace medcode {

// Returns the search form of UTF-8 text: "Ménière’s  DISEASE" -> "meniere's disease".
// - compatibility decomposition (NFKD), then nonspacing marks dropped ("é" -> "e");
// - full Unicode case folding ("Straße" -> "strasse");
// - U+2018/U+2019/U+02BC -> "'", U+2010..U+2015 and U+2212 -> "-", U+00AD SOFT HYPHEN dropped;
// - runs of whitespace (any Unicode White_Space) -> one space, trimmed at both ends.
// Fails with kInvalidArgument, "text is not valid UTF-8 at byte N", on malformed input.
// Thread-safe.
Result<std::string> normalize_for_search(std::string_view text);

}  // namespace medcode
