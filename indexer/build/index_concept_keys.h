// The concept keys under which an Alphabetic Index entry makes its code the default for a
// phrase (schema kConceptTermPrefix). A main term alone ("Pneumonia" -> J18.9), or with up
// to two levels of subterms ("Failure" / "heart" / "congestive" -> I50.9), names the code a
// coder would pick for that phrase; deeper entries are too specific to be defaults.
#pragma once

#include <string>
#include <vector>

#include "common/code_record.h"

namespace medcode::indexer {

// Keys of an entry of the alphabetic or external cause index with a path of 1 to 3 steps;
// none for deeper entries or the tables. A step's comma-separated variants are alternatives
// ("Infarct, infarction" / "myocardium, myocardial"), its other comma parts qualify it
// ("Fracture, pathological"); every combination gives a key without and a key with the
// nonessential modifiers in parentheses. At most 16 keys.
std::vector<std::string> index_concept_keys(const IndexEntry& entry);

// The concept key of a free phrase ("myocardial infarction"), as the entries' keys are made:
// what matches a curated expansion to the entries that name the same concept.
std::string phrase_concept_key(const std::string& phrase);

}  // namespace medcode::indexer
