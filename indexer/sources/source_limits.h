// The caps every reader applies to a source file before trusting it, in one place, so a
// hostile or damaged file (a zip bomb, a 10,000-deep XML) is refused with a message
// instead of exhausting memory or the stack. Each cap sits far above the official files.
#pragma once

#include <cstddef>
#include <cstdint>

namespace medcode::indexer {

// A plain source file, a zip archive or a PDF, in bytes: 512 MiB. The largest official
// file is 9.5 MB (icd10cm_index_2023.xml, 2025 corpus); readers hold a whole file in memory.
inline constexpr std::uint64_t kMaxSourceFileBytes = 512ull << 20;

// One zip member's uncompressed size, as the archive declares it, in bytes: 512 MiB. The
// largest official member is 14.7 MB (icd10cm-order-2026.txt). The member is read into a
// buffer of the declared size, so this bounds the memory a lying archive can claim.
inline constexpr std::uint64_t kMaxZipMemberBytes = 512ull << 20;

// Uncompressed over compressed size of a zip member: 100. The official members compress
// 9-15 times (icd10cm_neoplasm_2017.xml: 15.1); deflate reaches about 1,030 on a run of one
// byte, which is what a zip bomb is made of.
inline constexpr double kMaxZipCompressionRatio = 100;
// Members smaller than this are not held to the ratio: a small file of blanks compresses
// well and costs nothing. 1 MiB.
inline constexpr std::uint64_t kZipRatioCheckFromBytes = 1ull << 20;

// Element nesting depth of an XML document: 64. The official files nest at most 13 deep
// (icd10cm_index_2023.xml); the readers walk <term> and <diag> trees recursively and keep
// the path of titles down to each term, so depth must stay small.
inline constexpr std::size_t kMaxXmlDepth = 64;

}  // namespace medcode::indexer
