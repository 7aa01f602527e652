#include "indexer/build/lay_vocabularies.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "indexer/corpus/sha256.h"
#include "indexer/sources/lay_vocabulary_reader.h"
#include "indexer/sources/source_bytes.h"

namespace medcode::indexer {
namespace {

struct VocabularyFile {
  const char* name;      // how reports name it
  const char* source;    // how the synonym table names it
  const char* path;      // under the vocabulary directory
  const char* version;   // what the licence asks to be shown: the file's date or release
  const char* sha256;    // shared/vocab/README.md
};

constexpr VocabularyFile kHpo{"HPO layperson synonyms", "hpo", "hpo/layperson-synonyms.tsv", "2021-04-06",
                              "2d22863798dbd660ea613f2f42a3f0c577941d6580764d5dc50bd372754ec3a0"};
constexpr VocabularyFile kSymptomOntology{"Symptom Ontology", "symptom-ontology", "symptom-ontology/symp.obo", "2026-07-30",
                                          "09ac08ff1595e671826c6a4b8a5141f4609bea7f71e8393a1fea997bceabcc2b"};
constexpr const char* kWordNetDir = "/usr/share/wordnet";

void record(BuildContext& context, const std::string& role, const std::string& path, const std::string& version,
            const std::string& sha256, std::size_t pairs, const SkipLog& skipped) {
  context.report.sources.push_back(SourceReport{"synonyms", "vocabulary", path, version, pairs, skipped});
  context.sources_tsv += "vocabulary:" + role + "\t" + path + "\t" + version + "\t" + sha256 + "\n";
}

Status add_file(BuildContext& context, const std::string& dir, const VocabularyFile& file,
                Result<SynonymList> (*read)(std::string_view, const std::string&)) {
  const std::string path = (std::filesystem::path(dir) / file.path).string();
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    context.report.notices.push_back(std::string("synonyms: ") + file.name + " not found at " + path +
                                     "; built without it (set MEDCODE_VOCAB to its folder)");
    return Status::ok();
  }
  auto digest = sha256_of_file(path);
  if (!digest.is_ok()) return digest.status();
  if (digest.value() != file.sha256) {
    context.report.notices.push_back(std::string("synonyms: ") + path + " has sha256 " + digest.value() +
                                     ", not the " + file.name + " file medcode reads (" + file.sha256 + "); left out");
    return Status::ok();
  }
  auto bytes = load_source_bytes(SourceLocation{path, ""});
  if (!bytes.is_ok()) return bytes.status();
  auto list = read(bytes.value(), path);
  if (!list.is_ok()) return list.status();
  const std::size_t before = context.synonyms.pair_count();
  context.synonyms.add_list(list.value(), file.source);
  record(context, file.name, path, file.version, file.sha256, context.synonyms.pair_count() - before,
         list.value().skipped);
  return Status::ok();
}

}  // namespace

std::string vocabulary_dir(const std::string& corpus_dir) {
  if (const char* env = std::getenv("MEDCODE_VOCAB"); env != nullptr && *env != '\0') return env;
  return (std::filesystem::path(corpus_dir).parent_path() / "vocab").string();
}

Status add_lay_vocabularies(BuildContext& context) {
  std::filesystem::path corpus(context.corpus_dir);
  if (!corpus.has_filename()) corpus = corpus.parent_path();  // "../shared/corpus/"
  const std::string dir = vocabulary_dir(corpus.string());
  if (Status added = add_file(context, dir, kHpo, read_hpo_layperson_synonyms); !added.is_ok()) return added;
  if (Status added = add_file(context, dir, kSymptomOntology, read_symptom_ontology_synonyms); !added.is_ok()) {
    return added;
  }
  auto wordnet = read_wordnet_medical_synonyms(kWordNetDir);
  if (!wordnet.is_ok()) {
    context.report.notices.push_back("synonyms: " + wordnet.status().message() + "; built without WordNet");
    return Status::ok();
  }
  const std::size_t before = context.synonyms.pair_count();
  context.synonyms.add_list(wordnet.value(), "wordnet");
  record(context, "WordNet medical senses", std::string(kWordNetDir) + "/data.noun", "3.0", "", 
         context.synonyms.pair_count() - before, wordnet.value().skipped);
  return Status::ok();
}

}  // namespace medcode::indexer
