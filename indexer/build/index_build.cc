#include "indexer/build/index_build.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <set>

#include "indexer/build/build_steps.h"
#include "indexer/build/english_words.h"
#include "indexer/build/index_directory_swap.h"
#include "indexer/build/index_writer.h"
#include "indexer/build/synonym_table.h"
#include "indexer/corpus/corpus_dir.h"
#include "indexer/corpus/manifest.h"
#include "indexer/corpus/morpheme_table.h"
#include "indexer/corpus/release_sources.h"
#include "indexer/sources/source_bytes.h"

namespace medcode::indexer {
namespace {

std::string utc_now_iso8601() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

Result<std::vector<ManifestFile>> load_manifest(const std::string& path) {
  if (path.empty()) return parse_manifest(embedded_manifest(), "manifest.tsv (built in)");
  auto bytes = load_source_bytes(SourceLocation{path, ""});
  if (!bytes.is_ok()) return bytes.status();
  return parse_manifest(bytes.value(), path);
}

bool wanted(const BuildOptions& options, const std::string& code_set) {
  return std::find(options.code_sets.begin(), options.code_sets.end(), code_set) != options.code_sets.end();
}

Status check_code_sets(const BuildOptions& options) {
  for (const auto& code_set : options.code_sets) {
    if (std::find(kAllCodeSets.begin(), kAllCodeSets.end(), code_set) == kAllCodeSets.end()) {
      return Status::invalid_argument("--code-sets: unknown code set \"" + code_set +
                                      "\"; choose from icd10cm, icd10pcs, hcpcs, guidelines");
    }
  }
  return Status::ok();
}

// What the build was asked for (schema::kBuildCodeSetsKey): icd10cm always (the others link
// to it), then the official sets in their usual order, then each import with its absolute path
// so that an update run from another directory still finds the file.
std::string build_code_sets_record(const BuildOptions& options) {
  std::string record;
  for (const auto& code_set : kAllCodeSets) {
    if (code_set == "icd10cm" || wanted(options, code_set)) record += code_set + "\n";
  }
  for (const auto& import : options.imports) {
    std::error_code error;
    const auto absolute = std::filesystem::absolute(import.path, error);
    record += import.system + "\t" + (error ? import.path : absolute.lexically_normal().string()) + "\n";
  }
  return record;
}

Status first_strict_failure(const BuildReport& report) {
  std::string first;
  for (const auto& source : report.sources) {
    if (first.empty() && !source.skipped.examples().empty()) first = source.skipped.examples()[0];
  }
  if (first.empty() && !report.unattached.examples().empty()) first = report.unattached.examples()[0];
  return Status::data_error(std::to_string(report.skipped_total()) + " records skipped (--strict); first: " + first);
}

}  // namespace

void BuildContext::progress(const std::string& stage, std::size_t done, std::size_t total) const {
  if (options.on_progress) options.on_progress(BuildProgress{stage, done, total});
}

Status BuildContext::write(const std::vector<CodeRecord>& records, const std::string& stage,
                           const std::vector<std::vector<std::string>>* extra_terms) const {
  const std::size_t total = records.size();
  for (std::size_t i = 0; i < total; ++i) {
    const Status added = extra_terms ? writer.add(records[i], (*extra_terms)[i]) : writer.add(records[i]);
    if (!added.is_ok()) return added;
    if (i % 2000 == 0) progress(stage, i, total);
  }
  progress(stage, total, total);
  return Status::ok();
}

Result<ReleaseSources> BuildContext::select(const std::string& code_set, const std::string& release,
                                            const std::vector<std::string>& required,
                                            const std::vector<std::string>& optional) {
  auto selected = select_release_sources(manifest, corpus_dir, code_set, release, required, optional);
  if (!selected.is_ok()) return selected.status();
  for (const auto& notice : selected.value().notices) {
    if (std::find(report.notices.begin(), report.notices.end(), code_set + " " + notice) == report.notices.end()) {
      report.notices.push_back(code_set + " " + notice);
    }
  }
  progress("verifying sha256 of " + code_set + " files", 0, 0);
  if (Status verified = verify_release_sources(selected.value()); !verified.is_ok()) return verified;
  for (const auto& source : selected.value().sources) {
    const std::string line = code_set + ":" + source.file.role + "\t" + source.file.path +
                             (source.file.member.empty() ? "" : "!" + source.file.member) + "\t" +
                             source.file.release + "\t" + source.file.sha256 + "\n";
    if (sources_tsv.find(line) == std::string::npos) sources_tsv += line;
  }
  return selected;
}

std::size_t BuildReport::skipped_total() const {
  std::size_t total = unattached.count();
  for (const auto& source : sources) total += source.skipped.count();
  return total;
}

Result<BuildReport> build_index(const BuildOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  BuildReport report;
  report.release = options.release;
  if (Status known = check_code_sets(options); !known.is_ok()) return known;

  auto corpus = resolve_corpus_dir(corpus_dir_inputs_from_environment(options.corpus_dir));
  if (!corpus.is_ok()) return corpus.status();
  report.corpus_dir = corpus.value().path;
  report.corpus_chosen_by = corpus.value().chosen_by;
  auto manifest = load_manifest(options.manifest_path);
  if (!manifest.is_ok()) return manifest.status();
  // Fails fast on an unknown release, before anything is written.
  auto cm_release = select_release_sources(manifest.value(), report.corpus_dir, "icd10cm", options.release,
                                           {"order"}, {});
  if (!cm_release.is_ok()) return cm_release.status();

  // Begin the swap before reading so an unwritable index location fails fast.
  auto swap = IndexDirectorySwap::begin(options.index_dir);
  if (!swap.is_ok()) return swap.status();
  auto writer = options.base_index_dir.empty()
                    ? IndexWriter::create(swap.value().scratch_path())
                    : IndexWriter::update(options.base_index_dir, swap.value().scratch_path());
  if (!writer.is_ok()) return writer.status();
  SynonymTable synonyms;
  BuildContext context{options, manifest.value(), report.corpus_dir, *writer.value(), synonyms, report, ""};

  std::set<std::string> cm_codes;
  if (Status built = build_icd10cm_step(context, cm_codes); !built.is_ok()) return built;
  if (wanted(options, "icd10pcs")) {
    if (Status built = build_icd10pcs_step(context); !built.is_ok()) return built;
  }
  if (wanted(options, "hcpcs")) {
    if (Status built = build_hcpcs_step(context); !built.is_ok()) return built;
  }
  if (wanted(options, "guidelines")) {
    if (Status built = build_guidelines_step(context, cm_codes); !built.is_ok()) return built;
  }
  for (const LocalImport& import : options.imports) {
    if (Status built = build_local_import_step(context, import); !built.is_ok()) return built;
  }
  if (options.strict && report.skipped_total() > 0) return first_strict_failure(report);

  if (Status added = writer.value()->add_synonyms(synonyms); !added.is_ok()) return added;
  std::string code_sets_tsv;
  for (const auto& set : report.code_sets) {
    code_sets_tsv += set.code_set + "\t" + set.release + "\t" + std::to_string(set.documents) + "\n";
  }
  const std::string build_code_sets_tsv = build_code_sets_record(options);
  std::string known_releases_tsv;
  for (const auto& known : report.known_releases) {
    known_releases_tsv += known.system + "\t" + known.release + "\t" + known.effective_date + "\n";
  }
  const std::string word_list = options.word_list_path.empty() ? kDefaultWordList : options.word_list_path;
  auto english = read_english_words(word_list);
  if (!english.is_ok()) report.notices.push_back("spelling: " + english.status().message() + "; valid words may be corrected");
  IndexMetadata metadata{options.release, utc_now_iso8601(), context.sources_tsv, code_sets_tsv, known_releases_tsv,
                         english.is_ok() ? english.value() : "", std::string(embedded_morpheme_table()),
                         build_code_sets_tsv};
  context.progress("committing", 0, 0);
  if (Status finished = writer.value()->finish(metadata); !finished.is_ok()) return finished;
  report.documents = writer.value()->documents_added();
  report.documents_written = writer.value()->documents_written();
  report.documents_unchanged = writer.value()->documents_unchanged();
  report.documents_deleted = writer.value()->documents_deleted();
  if (Status committed = swap.value().commit(); !committed.is_ok()) return committed;

  report.index_bytes = directory_size_bytes(options.index_dir);
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace medcode::indexer
