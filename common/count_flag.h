// Reads the count given to a command-line flag ("--limit 20", "--offset 40"). Boost reads
// "-1" into an unsigned flag as 18446744073709551615; the programs read the text here
// instead, so a negative or misspelled count is refused in words that name the flag.
#pragma once

#include <cstddef>
#include <string_view>

#include "common/status.h"

namespace medcode {

// The count text holds (decimal digits only) when it is from min to max. Fails with
// kInvalidArgument naming the flag and the value as typed:
//   min 0:     "--offset \"-1\": must be 0 or more"
//              "--offset \"ten\": must be a whole number, 0 or more"
//              "--offset \"20000\": must be at most 10000"
//   min above: "--limit \"0\": must be between 1 and 200" (also for "-1" and "300")
//              "--limit \"ten\": must be a whole number between 1 and 200"
Result<std::size_t> parse_count_flag(std::string_view flag, std::string_view text, std::size_t min,
                                     std::size_t max);

}  // namespace medcode
