// Every number that decides how medcode ranks, in one place (docs/RANKING.md explains each).
// The indexer reads the field weights and the usage-prior shape, the searcher the query
// boosts, the priors and the autocomplete mix. Change one only with bench/relevance before
// and after (blind, leave-out, dev), and say the figures in the commit.
#pragma once

#include <cstddef>

namespace medcode::ranking {

// --- Index side: how much an occurrence of a word counts (wdf increment), by field. ---
inline constexpr unsigned kTitleWeight = 8;          // the code's own title
inline constexpr unsigned kInclusionWeight = 5;      // inclusion terms
inline constexpr unsigned kIndexMainTermWeight = 5;  // an Alphabetic Index main term's own code
inline constexpr unsigned kIndexTermWeight = 3;      // other index paths, old titles, secondary codes
inline constexpr unsigned kNoteWeight = 1;           // notes, abbreviated titles, nonessential modifiers

// --- Index side: the usage prior from reported counts (indexer/build/usage_prior.cc). ---
// Status and exposure Z codes, counted mostly as secondary diagnoses, count this share.
inline constexpr double kStatusCodeReportShare = 0.05;
// A billable code nobody reported: this share of its category's mean (capped at half of its
// least-reported sibling).
inline constexpr double kUnreportedShare = 0.1;

// --- Query side: what the words earn (searcher/engine/text_query.cc). ---
inline constexpr double kSynonymWeight = 1.0;        // an expansion counts like the words it replaces
inline constexpr double kMinedSynonymWeight = 0.5;   // ... one mined from an open vocabulary, half
inline constexpr double kAllSpansBoost = 1.0;        // every query concept matched
inline constexpr double kTitleAllBoost = 1.0;        // ... and all of them in the title
inline constexpr double kPhraseBoost = 0.5;          // the words as typed, adjacent and in order

// --- Query side: the Alphabetic Index default for the phrase. ---
inline constexpr double kConceptBoost = 50.0;        // the default code and the codes under it
inline constexpr double kConceptCodeBonus = 10.0;    // ... the default code itself, when billable
inline constexpr std::size_t kMaxPartialSpans = 4;   // defaults for part of a query: at most 4 concepts
inline constexpr std::size_t kMaxConceptCombinations = 32;  // wordings tried per concept key

// --- Query side: boosts added to codes the words matched (one in-memory posting source). ---
inline constexpr double kHeadConceptBoost = 2.0;     // the query names the code's head concept
inline constexpr double kUsagePriorWeight = 2.0;     // at most, for the most reported code (0-1 prior)
inline constexpr double kCoreCodeBoost = 2.0;        // a code that bills care, not a quality measure
inline constexpr double kUnspecifiedPrior = 0.7;     // a billable "unspecified" code over its header
inline constexpr double kBillablePrior = 0.3;        // among equals, a billable code first
inline constexpr double kInitialEncounterPrior = 1.0;  // no encounter named: the initial encounter

// --- Results across code sets (searcher/engine/searcher.cc). ---
// How far past the first page a search across systems looks for other systems' best
// matches, and how well such a match must score (0-100, relative to the best) to be shown.
inline constexpr unsigned kOtherSystemLookAhead = 40;
inline constexpr int kOtherSystemMinScore = 50;
// How far past a first page within one code set a search looks for the billable
// "unspecified" child of a header on the page, which then ranks just above its header.
inline constexpr unsigned kUnspecifiedChildLookAhead = 10;

// --- Autocomplete (searcher/engine/suggester.cc). ---
// How much a word's usage count weighs against how many concept-naming codes use it, both
// in logs: a word of common diagnoses ("diabetes") beats one of many PCS tables ("diagnostic").
inline constexpr double kCompletionUsageShare = 0.5;

}  // namespace medcode::ranking
