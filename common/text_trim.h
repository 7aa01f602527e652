// Trims ASCII whitespace (space, tab, CR, LF, FF, VT) from both ends: what every reader of
// fixed-width, tab-separated and extracted-PDF text needs before comparing a field.
#pragma once

#include <string_view>

namespace medcode {

std::string_view trim_whitespace(std::string_view text);

}  // namespace medcode
