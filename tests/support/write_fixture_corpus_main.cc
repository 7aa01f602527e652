// write_fixture_corpus DIR: lays the fixture corpus out under DIR (DIR/corpus and
// DIR/manifest.tsv, as make_fixture_corpus does) for tests that run the programs on it
// from outside a test binary (tests/docs).
#include <cstdio>
#include <filesystem>
#include <string>

#include "tests/support/fixture_corpus.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: write_fixture_corpus DIR\n");
    return 64;
  }
  const std::string root = argv[1];
  const auto corpus = medcode::testing::make_fixture_corpus(root);
  // The helpers report their failures as test failures; here, a missing manifest says so.
  if (!std::filesystem::is_regular_file(corpus.manifest_path)) {
    std::fprintf(stderr, "write_fixture_corpus: could not write the fixture corpus under %s\n", root.c_str());
    return 74;
  }
  std::printf("%s\n%s\n", corpus.corpus_dir.c_str(), corpus.manifest_path.c_str());
  return 0;
}
