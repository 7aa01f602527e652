// How far a typed name is from the names a program knows, and the closest one: what turns
// "bulid" into "did you mean build?" (Damerau-Levenshtein, optimal string alignment).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace medcode {

// The fewest single-byte insertions, deletions, substitutions and swaps of two adjacent
// bytes that turn a into b, no substring edited twice (optimal string alignment), compared
// case-insensitively in ASCII. edit_distance("bulid", "build") == 1.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to typed when it is at most max_distance edits away and fewer
// edits than its own length (so "ab" suggests nothing for "cd"); the first listed on a
// tie; "" when none is close. closest_name("pubish", {"build", "publish"}) == "publish".
std::string closest_name(std::string_view typed, const std::vector<std::string>& candidates,
                         std::size_t max_distance = 2);

// "; did you mean --index?" for a misspelled flag as typed ("--inedx", "-inedx") among a
// program's long flag names, or "" when none is close.
std::string flag_suggestion(std::string_view typed_flag, const std::vector<std::string>& flag_names);

}  // namespace medcode
