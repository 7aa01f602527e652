// The English function words that carry no meaning in a code title, shared by the query
// builder and the index's concept keys. "with", "without", "not", "no" and "other" are not
// stop words: ICD-10-CM titles turn on them.
#pragma once

#include <string_view>

namespace medcode {

// True for a search-form word on the stop list ("of", "the", "by", ...).
bool is_stop_word(std::string_view word);

}  // namespace medcode
