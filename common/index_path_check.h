// What a path given as --index or --root holds, judged from the files in it, and when it is
// not what a command needs, why, in words the user can act on. An index directory holds a
// Xapian database (its iamglass file); an index root (medcode-indexer build --root) holds
// releases/ and a `current` symlink to the version served (indexer/lifecycle/index_root.h).
#pragma once

#include <string>

#include "common/status.h"

namespace medcode {

enum class IndexPathKind {
  kMissing,         // nothing at the path (or a symlink to nothing)
  kNotDirectory,    // a file, or anything else that is not a directory
  kEmptyDirectory,  // a directory with nothing in it
  kIndex,           // a directory holding a Xapian database: iamglass (or iamhoney, iamchert)
  kIndexRoot,       // a directory holding releases/ or current, and no database itself
  kOtherDirectory,  // a directory holding other things
};

// Looks at path (following symlinks). Never fails: what cannot be read counts as missing.
IndexPathKind classify_index_path(const std::string& path);

// For the --index of medcode-search and medcode-server: ok for an index directory, or an
// index root whose `current` names an existing directory. Whether the database opens and
// has this medcode's schema is Searcher::open's check. Otherwise:
//   kUnavailable "index /x not found: build it with medcode-indexer build --index /x"
//   kUnavailable "index /x is an empty directory: build it with medcode-indexer build --index /x"
//   kInvalidArgument "index /x is a file, not a directory: give --index the directory
//     medcode-indexer build --index made"
//   kInvalidArgument "index /x is not a medcode index (no Xapian database in it; it holds
//     \"notes.txt\" and 2 more): give --index a directory made by medcode-indexer build
//     --index DIR or --root DIR"
//   kUnavailable "index root /x has no published version (no /x/current): publish one
//     with medcode-indexer publish --root /x VERSION (medcode-indexer list --root /x lists them)"
//   kUnavailable "index root /x: current names releases/v1, which does not exist: publish
//     another with medcode-indexer publish --root /x VERSION"
Status check_index_to_serve(const std::string& path);

// For the --root of medcode-indexer update, list, publish and rollback: ok for an index
// root. Otherwise:
//   kNotFound "index root /x not found: build one with medcode-indexer build --root /x"
//   kInvalidArgument "index root /x is a file, not a directory: give --root the directory
//     medcode-indexer build --root made"
//   kInvalidArgument "/x is an index, not an index root (releases/ and current): give
//     --root the directory medcode-indexer build --root made"; for a version of a root
//     (ROOT/current, ROOT/releases/V): "... it is a version of index root ROOT: give --root ROOT"
//   kNotFound "/x has no releases/ directory; build one with medcode-indexer build --root /x"
Status check_index_root(const std::string& path);

// For medcode-indexer build --root, which makes releases/ inside the directory: ok unless
// the path is a file or an index:
//   kInvalidArgument "--root /x is a file, not a directory"
//   kInvalidArgument "--root /x is an index, not an index root: rebuild it with --index /x,
//     or give --root a new directory" (or "... it is a version of index root ROOT: give --root
//     ROOT")
Status check_index_root_to_build(const std::string& path);

// For medcode-indexer build --index, which replaces the directory: ok when nothing is there,
// the directory is empty, or it is an index (of any schema). Otherwise:
//   kInvalidArgument "--index /x: exists and is not a directory"
//   kInvalidArgument "--index /x is an index root (releases/ and current): build a new
//     version in it with --root /x (--index would replace every version in it)"
//   kInvalidArgument "--index /x is a version of index root ROOT: build a new version with
//     --root ROOT"
//   kInvalidArgument "--index /x is not a medcode index and is not empty (it holds
//     \"notes.txt\" and 2 more): building replaces the directory, so give a new or empty one"
Status check_index_to_replace(const std::string& path);

}  // namespace medcode
