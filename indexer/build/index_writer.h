// Writes CodeRecords into a new Xapian database laid out as common/schema.h describes:
// weighted free-text fields, boolean ID/system/code-prefix terms, values, spelling data,
// the encoded record as document data, and release metadata.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/code_record.h"
#include "common/status.h"
#include "indexer/build/synonym_table.h"

namespace medcode::indexer {

struct IndexMetadata {
  std::string release;      // "fy2026"
  std::string built_at;     // ISO 8601 UTC
  std::string sources_tsv;  // one line per source: role, file, release, sha256
  std::string code_sets_tsv;  // one line per code set: system, release, documents
  std::string known_releases_tsv;  // one line per release: system, release, effective date
  std::string english_words;  // sorted, one per line (indexer/build/english_words.h); may be ""
  std::string morphemes;      // corpus/morphemes.tsv
  std::string build_code_sets_tsv;  // one line per code set asked for: system, import file
};

// Not thread-safe; one writer per directory.
class IndexWriter {
 public:
  // Starts a database that finish() leaves, compacted, at directory (which must not exist
  // yet); documents go to "<directory>.uncompacted" until then. Fails with kIOError
  // "<dir>: cannot create index: <xapian message>".
  static Result<std::unique_ptr<IndexWriter>> create(const std::string& directory);

  // Starts from a copy of the index at base instead of an empty one: add() then rewrites a
  // document only when its content hash differs, finish() deletes the documents no add()
  // named and leaves the result (not compacted) at directory. Spelling data of rewritten
  // and deleted documents is taken back, so the result equals a fresh build's content.
  static Result<std::unique_ptr<IndexWriter>> update(const std::string& base, const std::string& directory);
  ~IndexWriter();

  // Adds one record, with extra boolean terms (guideline links); fails with
  // kInvalidArgument for a record without system or code, or kIOError when Xapian cannot write.
  Status add(const CodeRecord& record, const std::vector<std::string>& extra_terms = {});

  // Stores every synonym pair in Xapian's synonym table. kIOError when Xapian cannot write.
  Status add_synonyms(const SynonymTable& synonyms);

  // Stores metadata, commits, and compacts into directory; the writer is closed afterwards.
  Status finish(const IndexMetadata& metadata);

  std::size_t documents_added() const;  // every record given to add()
  // In an update: documents written (new or changed), left as they were, and deleted.
  std::size_t documents_written() const;
  std::size_t documents_unchanged() const;
  std::size_t documents_deleted() const;

 private:
  struct Impl;
  explicit IndexWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace medcode::indexer
