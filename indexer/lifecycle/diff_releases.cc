#include "indexer/lifecycle/diff_releases.h"

#include "indexer/corpus/corpus_dir.h"
#include "indexer/corpus/manifest.h"
#include "indexer/corpus/release_sources.h"
#include "indexer/sources/source_bytes.h"

namespace medcode::indexer {
namespace {

Result<OrderFile> load_order(const ReleaseSources& selected, const std::string& code_set) {
  const SelectedSource* source = selected.find("order");
  auto bytes = load_source_bytes(source->location);
  if (!bytes.is_ok()) return bytes.status();
  return read_order_file(bytes.value(), source->location.display_name(), code_set);
}

}  // namespace

Result<DiffResult> diff_releases(const DiffOptions& options) {
  if (options.code_set != "icd10cm" && options.code_set != "icd10pcs") {
    return Status::invalid_argument("--code-set \"" + options.code_set +
                                    "\": diff compares order files, which icd10cm and icd10pcs have");
  }
  auto corpus = resolve_corpus_dir(corpus_dir_inputs_from_environment(options.corpus_dir));
  if (!corpus.is_ok()) return corpus.status();
  std::vector<ManifestFile> manifest;
  if (options.manifest_path.empty()) {
    auto parsed = parse_manifest(embedded_manifest(), "manifest.tsv (built in)");
    if (!parsed.is_ok()) return parsed.status();
    manifest = std::move(parsed).value();
  } else {
    auto bytes = load_source_bytes(SourceLocation{options.manifest_path, ""});
    if (!bytes.is_ok()) return bytes.status();
    auto parsed = parse_manifest(bytes.value(), options.manifest_path);
    if (!parsed.is_ok()) return parsed.status();
    manifest = std::move(parsed).value();
  }
  auto from = select_release_sources(manifest, corpus.value().path, options.code_set, options.from_release,
                                     {"order"}, {});
  if (!from.is_ok()) return from.status();
  auto to = select_release_sources(manifest, corpus.value().path, options.code_set, options.to_release,
                                   {"order"}, {});
  if (!to.is_ok()) return to.status();
  // The addenda must be the newer release's own, not an older one's.
  for (const auto& file : manifest) {
    if (file.code_set == options.code_set && file.release == options.to_release && file.role == "order-addenda") {
      to.value().sources.push_back(SelectedSource{file, SourceLocation{corpus.value().path + "/" + file.path, file.member}});
    }
  }
  for (const auto* selected : {&from.value(), &to.value()}) {
    if (Status verified = verify_release_sources(*selected); !verified.is_ok()) return verified;
  }
  auto before = load_order(from.value(), options.code_set);
  if (!before.is_ok()) return before.status();
  auto after = load_order(to.value(), options.code_set);
  if (!after.is_ok()) return after.status();

  DiffResult result;
  result.diff = diff_order_files(before.value(), after.value());
  result.diff.code_set = options.code_set;
  result.diff.from_release = options.from_release;
  result.diff.to_release = options.to_release;
  if (const SelectedSource* addenda_source = to.value().find("order-addenda")) {
    auto bytes = load_source_bytes(addenda_source->location);
    if (!bytes.is_ok()) return bytes.status();
    auto addenda = read_order_addenda(bytes.value(), addenda_source->location.display_name());
    if (!addenda.is_ok()) return addenda.status();
    result.checks = check_against_addenda(result.diff, addenda.value());
    result.has_addenda = true;
  }
  return result;
}

}  // namespace medcode::indexer
