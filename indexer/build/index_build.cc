#include "indexer/build/index_build.h"

#include <chrono>
#include <ctime>
#include <memory>

#include "indexer/build/icd10cm_record_builder.h"
#include "indexer/build/index_directory_swap.h"
#include "indexer/build/index_writer.h"
#include "indexer/build/synonym_table.h"
#include "indexer/corpus/curated_synonyms.h"
#include "indexer/corpus/corpus_dir.h"
#include "indexer/corpus/manifest.h"
#include "indexer/corpus/release_sources.h"
#include "indexer/sources/source_bytes.h"

namespace medcode::indexer {
namespace {

const std::vector<std::string> kRequiredRoles = {"order"};
const std::vector<std::string> kEnrichmentRoles = {"tabular", "index", "eindex", "drug",
                                                   "neoplasm"};

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

// Holds every parsed source until the records are built.
struct ParsedSources {
  std::unique_ptr<OrderFile> order;
  std::unique_ptr<TabularList> tabular;
  std::unique_ptr<IndexTerms> alphabetic_index;
  std::unique_ptr<IndexTerms> external_cause_index;
  std::unique_ptr<TableEntries> drug_table;
  std::unique_ptr<TableEntries> neoplasm_table;
};

class Builder {
 public:
  explicit Builder(const BuildOptions& options) : options_(options) {}

  Status read(const ReleaseSources& selected, ParsedSources& parsed, BuildReport& report) {
    for (const SelectedSource& source : selected.sources) {
      progress("reading " + source.file.role, 0, 0);
      auto bytes = load_source_bytes(source.location);
      if (!bytes.is_ok()) return bytes.status();
      SourceReport entry{source.file.role, source.location.display_name(), source.file.release, 0, {}};
      const std::string name = entry.file;
      const std::string& role = source.file.role;
      if (role == "order") {
        auto file = read_order_file(bytes.value(), name, "icd10cm");
        if (!file.is_ok()) return file.status();
        parsed.order = std::make_unique<OrderFile>(std::move(file).value());
        entry.records = parsed.order->entries.size();
        entry.skipped = parsed.order->skipped;
      } else if (role == "tabular") {
        auto list = read_icd10cm_tabular(std::move(bytes).value(), name, source.file.fiscal_year);
        if (!list.is_ok()) return list.status();
        parsed.tabular = std::make_unique<TabularList>(std::move(list).value());
        entry.records = parsed.tabular->codes.size();
        entry.skipped = parsed.tabular->skipped;
      } else if (role == "index" || role == "eindex") {
        auto terms = read_icd10cm_index(std::move(bytes).value(), name);
        if (!terms.is_ok()) return terms.status();
        auto& slot = role == "index" ? parsed.alphabetic_index : parsed.external_cause_index;
        slot = std::make_unique<IndexTerms>(std::move(terms).value());
        entry.records = slot->entries.size();
        entry.skipped = slot->skipped;
      } else if (role == "drug" || role == "neoplasm") {
        auto table = read_icd10cm_table(std::move(bytes).value(), name);
        if (!table.is_ok()) return table.status();
        auto& slot = role == "drug" ? parsed.drug_table : parsed.neoplasm_table;
        slot = std::make_unique<TableEntries>(std::move(table).value());
        entry.records = slot->entries.size();
        entry.skipped = slot->skipped;
      }
      report.sources.push_back(std::move(entry));
    }
    return Status::ok();
  }

  void progress(const std::string& stage, std::size_t done, std::size_t total) {
    if (options_.on_progress) options_.on_progress(BuildProgress{stage, done, total});
  }

 private:
  const BuildOptions& options_;
};

int year_of(const ReleaseSources& selected, const std::string& role) {
  const SelectedSource* source = selected.find(role);
  return source ? source->file.fiscal_year : 0;
}

// Curated lists plus the index's see references; one report line per curated list.
Result<SynonymTable> build_synonyms(const IndexTerms* alphabetic_index, BuildReport& report) {
  SynonymTable table;
  for (const CuratedList& curated : curated_synonym_lists()) {
    const std::string name = "corpus/synonyms/" + std::string(curated.name);
    auto list = read_synonym_list(curated.text, name);
    if (!list.is_ok()) return list.status();
    const std::size_t before = table.pair_count();
    table.add_list(list.value());
    report.sources.push_back(
        SourceReport{"synonyms", name, "curated", table.pair_count() - before, list.value().skipped});
  }
  if (alphabetic_index != nullptr) {
    const std::size_t before = table.pair_count();
    table.add_see_references(*alphabetic_index);
    report.sources.push_back(SourceReport{"synonyms", "alphabetic index see references", "mined",
                                          table.pair_count() - before, {}});
  }
  return table;
}

std::string sources_tsv(const ReleaseSources& selected) {
  std::string tsv;
  for (const auto& source : selected.sources) {
    tsv += source.file.role + "\t" + source.file.path +
           (source.file.member.empty() ? "" : "!" + source.file.member) + "\t" +
           source.file.release + "\t" + source.file.sha256 + "\n";
  }
  return tsv;
}

}  // namespace

std::size_t BuildReport::skipped_total() const {
  std::size_t total = unattached.count();
  for (const auto& source : sources) total += source.skipped.count();
  return total;
}

Result<BuildReport> build_index(const BuildOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  BuildReport report;
  report.release = options.release;
  Builder builder(options);

  auto corpus = resolve_corpus_dir(corpus_dir_inputs_from_environment(options.corpus_dir));
  if (!corpus.is_ok()) return corpus.status();
  report.corpus_dir = corpus.value().path;
  report.corpus_chosen_by = corpus.value().chosen_by;

  auto manifest = load_manifest(options.manifest_path);
  if (!manifest.is_ok()) return manifest.status();
  auto selected = select_release_sources(manifest.value(), report.corpus_dir, "icd10cm",
                                         options.release, kRequiredRoles, kEnrichmentRoles);
  if (!selected.is_ok()) return selected.status();
  report.notices = selected.value().notices;
  builder.progress("verifying sha256", 0, 0);
  if (Status verified = verify_release_sources(selected.value()); !verified.is_ok()) return verified;

  // Begin the swap before reading so an unwritable index location fails fast.
  auto swap = IndexDirectorySwap::begin(options.index_dir);
  if (!swap.is_ok()) return swap.status();

  ParsedSources parsed;
  if (Status read = builder.read(selected.value(), parsed, report); !read.is_ok()) return read;

  Icd10CmSources sources;
  sources.order = parsed.order.get();
  sources.order_year = year_of(selected.value(), "order");
  sources.tabular = parsed.tabular.get();
  sources.alphabetic_index = parsed.alphabetic_index.get();
  sources.alphabetic_index_year = year_of(selected.value(), "index");
  sources.external_cause_index = parsed.external_cause_index.get();
  sources.external_cause_index_year = year_of(selected.value(), "eindex");
  sources.drug_table = parsed.drug_table.get();
  sources.drug_table_year = year_of(selected.value(), "drug");
  sources.neoplasm_table = parsed.neoplasm_table.get();
  sources.neoplasm_table_year = year_of(selected.value(), "neoplasm");
  builder.progress("merging sources", 0, 0);
  auto synonyms = build_synonyms(parsed.alphabetic_index.get(), report);
  if (!synonyms.is_ok()) return synonyms.status();
  Icd10CmRecords built = build_icd10cm_records(sources);
  parsed = ParsedSources();  // the readers' output is no longer needed; free it
  report.attached_to_ancestor = built.attached_to_ancestor;
  report.unattached = built.skipped;

  if (options.strict && report.skipped_total() > 0) {
    std::string first;
    for (const auto& source : report.sources) {
      if (first.empty() && !source.skipped.examples().empty()) first = source.skipped.examples()[0];
    }
    if (first.empty() && !report.unattached.examples().empty()) first = report.unattached.examples()[0];
    return Status::data_error(std::to_string(report.skipped_total()) +
                              " records skipped (--strict); first: " + first);
  }

  auto writer = IndexWriter::create(swap.value().scratch_path());
  if (!writer.is_ok()) return writer.status();
  const std::size_t total = built.records.size();
  for (std::size_t i = 0; i < total; ++i) {
    if (Status added = writer.value()->add(built.records[i]); !added.is_ok()) return added;
    if (i % 2000 == 0) builder.progress("writing index", i, total);
  }
  builder.progress("writing index", total, total);
  if (Status added = writer.value()->add_synonyms(synonyms.value()); !added.is_ok()) return added;
  IndexMetadata metadata{options.release, utc_now_iso8601(), sources_tsv(selected.value())};
  builder.progress("committing", 0, 0);
  if (Status finished = writer.value()->finish(metadata); !finished.is_ok()) return finished;
  report.documents = writer.value()->documents_added();
  if (Status committed = swap.value().commit(); !committed.is_ok()) return committed;

  report.index_bytes = directory_size_bytes(options.index_dir);
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace medcode::indexer
