// The codes an instructional note names: "hypertensive chronic kidney disease (I12.-)",
// "(O10-O16)", "(N18.1-N18.6)", "E11.9". What tells the answerer that an Excludes1 note of
// one code forbids another.
#pragma once

#include <string>

namespace medcode::searcher {

// True when note_text names the ICD-10-CM code compact ("I129") itself, a category or
// subcategory above it ("I12.-", "I12"), or a range that holds it ("I10-I16").
bool note_names_code(const std::string& note_text, const std::string& compact);

}  // namespace medcode::searcher
