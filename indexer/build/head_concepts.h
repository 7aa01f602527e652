// A code's head concepts: what the code is about at its root, as the Alphabetic Index's main
// terms name it ("Headache" for G44.83 Primary cough headache, "Cough" for R05.9). The
// ranking prefers codes whose head concept the query names, so "hacking cough" finds the
// cough codes before a headache that merely mentions cough (schema kHeadConceptPrefix).
#pragma once

#include <string>
#include <vector>

#include "common/code_record.h"

namespace medcode::indexer {

// Stems of an index main term's own words: first comma form, nonessential modifiers and
// stop words left out. "Pain(s) (see also Painful)" -> {"pain"}; "Legal intervention" ->
// {"legal", "intervent"}.
std::vector<std::string> main_term_stems(const std::string& main_term);

// The head concept terms (kHeadConceptPrefix + stem) of a record from its own index entries
// (Alphabetic, External Cause and PCS Index; not the tables, whose rows name substances and
// sites) and, for HCPCS supplies, equipment and drugs, the words of its title before the first
// comma ("Standard wheelchair" -> wheelchair). Sorted, no duplicates.
std::vector<std::string> own_head_concept_terms(const CodeRecord& record);

// For each record, the head concept terms of its ancestors (an entry that leads to a
// category heads its codes too), found through the parent links among records; its own
// come from own_head_concept_terms, which IndexWriter adds for every record.
std::vector<std::vector<std::string>> ancestor_head_concept_terms(const std::vector<CodeRecord>& records);

}  // namespace medcode::indexer
