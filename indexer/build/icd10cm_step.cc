// The ICD-10-CM step of a build: order file, Tabular List, the indexes and tables.
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>

#include "common/code_format.h"
#include "indexer/build/build_steps.h"
#include "indexer/build/code_validity.h"
#include "indexer/build/icd10cm_record_builder.h"
#include "indexer/build/head_concepts.h"
#include "indexer/build/lay_vocabularies.h"
#include "indexer/build/lay_names.h"
#include "indexer/build/leave_out.h"
#include "indexer/build/usage_prior.h"
#include "indexer/corpus/curated_synonyms.h"
#include "indexer/sources/code_frequency_reader.h"
#include "indexer/sources/source_bytes.h"
#include "indexer/sources/synonym_list_reader.h"

namespace medcode::indexer {
namespace {

const std::vector<std::string> kRequiredRoles = {"order"};
const std::vector<std::string> kEnrichmentRoles = {"tabular", "index", "eindex", "drug", "neoplasm",
                                                   "conversion-table", "frequency-ed", "frequency-ip",
                                                   "frequency-op"};

// Holds every parsed source until the records are built.
struct ParsedSources {
  std::unique_ptr<OrderFile> order;
  std::unique_ptr<TabularList> tabular;
  std::unique_ptr<IndexTerms> alphabetic_index;
  std::unique_ptr<IndexTerms> external_cause_index;
  std::unique_ptr<TableEntries> drug_table;
  std::unique_ptr<TableEntries> neoplasm_table;
  std::unique_ptr<ConversionTable> conversions;
  std::map<std::string, std::uint64_t> mentions;  // every care setting's counts added up
};

Status read_sources(BuildContext& context, const ReleaseSources& selected, ParsedSources& parsed) {
  for (const SelectedSource& source : selected.sources) {
    context.progress("reading icd10cm " + source.file.role, 0, 0);
    auto bytes = load_source_bytes(source.location);
    if (!bytes.is_ok()) return bytes.status();
    SourceReport entry{"icd10cm", source.file.role, source.location.display_name(), source.file.release, 0, {}};
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
    } else if (role == "conversion-table") {
      auto table = read_conversion_table(source.location.path);
      if (!table.is_ok()) return table.status();
      parsed.conversions = std::make_unique<ConversionTable>(std::move(table).value());
      entry.records = parsed.conversions->conversions.size();
      entry.skipped = parsed.conversions->skipped;
    } else if (role.rfind("frequency-", 0) == 0) {
      auto counts = read_code_frequencies(source.location.path);
      if (!counts.is_ok()) return counts.status();
      for (const auto& [code, times] : counts.value().mentions) parsed.mentions[code] += times;
      entry.records = counts.value().mentions.size();
      entry.skipped = counts.value().skipped;
    } else if (role == "drug" || role == "neoplasm") {
      auto table = read_icd10cm_table(std::move(bytes).value(), name);
      if (!table.is_ok()) return table.status();
      auto& slot = role == "drug" ? parsed.drug_table : parsed.neoplasm_table;
      slot = std::make_unique<TableEntries>(std::move(table).value());
      entry.records = slot->entries.size();
      entry.skipped = slot->skipped;
    }
    context.report.sources.push_back(std::move(entry));
  }
  return Status::ok();
}

int year_of(const ReleaseSources& selected, const std::string& role) {
  const SelectedSource* source = selected.find(role);
  return source ? source->file.fiscal_year : 0;
}

// Curated lists plus the index's see references; one report line per curated list.
Status add_curated_synonyms(BuildContext& context, const IndexTerms* alphabetic_index) {
  SynonymTable& table = context.synonyms;
  for (const CuratedList& curated : curated_synonym_lists()) {
    const std::string name = "corpus/synonyms/" + std::string(curated.name);
    auto list = read_synonym_list(curated.text, name);
    if (!list.is_ok()) return list.status();
    const std::size_t before = table.pair_count();
    table.add_list(list.value());
    context.report.sources.push_back(SourceReport{"synonyms", "synonyms", name, "curated",
                                                  table.pair_count() - before, list.value().skipped});
  }
  if (Status mined = add_lay_vocabularies(context); !mined.is_ok()) return mined;
  if (alphabetic_index != nullptr) {
    const std::size_t before = table.pair_count();
    table.add_see_references(*alphabetic_index);
    context.report.sources.push_back(SourceReport{"synonyms", "synonyms", "alphabetic index see references",
                                                  "mined", table.pair_count() - before, {}});
  }
  return Status::ok();
}

}  // namespace

Status build_icd10cm_step(BuildContext& context, std::set<std::string>& cm_codes) {
  const auto started = std::chrono::steady_clock::now();
  auto selected = context.select("icd10cm", context.options.release, kRequiredRoles, kEnrichmentRoles);
  if (!selected.is_ok()) return selected.status();
  ParsedSources parsed;
  if (Status read = read_sources(context, selected.value(), parsed); !read.is_ok()) return read;

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
  context.progress("merging icd10cm sources", 0, 0);
  if (Status added = add_curated_synonyms(context, parsed.alphabetic_index.get()); !added.is_ok()) return added;
  Icd10CmRecords built = build_icd10cm_records(sources);
  if (!context.options.leave_out_path.empty()) {
    const std::vector<HeldOutQuery> held = hold_out(built.records, LeaveOutOptions{});
    if (Status written = write_held_out_queries(held, context.options.leave_out_path); !written.is_ok()) return written;
    context.report.notices.push_back("leave-out: " + std::to_string(held.size()) + " index entries and inclusion terms held out, written to " +
                                     context.options.leave_out_path);
  }

  apply_usage_prior(built.records, parsed.mentions);

  const SelectedSource* order_source = selected.value().find("order");
  auto earlier = read_earlier_order_files(context, "icd10cm", order_source->file.effective);
  if (!earlier.is_ok()) return earlier.status();
  std::vector<std::string> codes;
  for (const auto& entry : parsed.order->entries) codes.push_back(entry.code);
  const TabularOrder order(codes);
  ValiditySources validity{std::string(kIcd10Cm), context.options.release, order_source->file.effective, {},
                           parsed.conversions.get(), &order};
  for (const auto& release : earlier.value()) {
    validity.earlier.push_back({release.release, release.effective_date, release.order.get()});
    context.report.known_releases.push_back({std::string(kIcd10Cm), release.release, release.effective_date});
  }
  context.report.known_releases.push_back({std::string(kIcd10Cm), context.options.release, order_source->file.effective});
  ValidityResult changes = apply_code_validity(built.records, validity);
  attach_lay_names(built.records);
  parsed = ParsedSources();  // the readers' output is no longer needed; free it
  auto crosswalks = attach_gem_crosswalks(context, "icd10cm", built.records);
  if (!crosswalks.is_ok()) return crosswalks.status();
  context.report.attached_to_ancestor = built.attached_to_ancestor;
  context.report.unattached = built.skipped;

  CodeSetSummary summary{"icd10cm", context.options.release, built.records.size(), 0, 0, ""};
  for (const auto& record : built.records) {
    cm_codes.insert(record.code);
    if (record.is_billable) ++summary.billable;
  }
  const auto heads = ancestor_head_concept_terms(built.records);
  if (Status written = context.write(built.records, "writing icd10cm", &heads); !written.is_ok()) return written;
  if (Status written = context.write(changes.deleted, "writing deleted icd10cm codes"); !written.is_ok()) return written;
  summary.documents += changes.deleted.size();
  summary.detail = std::to_string(built.attached_to_ancestor) +
                   " enrichment pieces attached to an ancestor of a retired code";
  if (!earlier.value().empty()) {
    summary.detail += "; " + std::to_string(changes.new_codes) + " new, " + std::to_string(changes.retitled) +
                      " retitled and " + std::to_string(changes.deleted.size()) + " deleted since " +
                      earlier.value().front().release + " (" + std::to_string(changes.with_replacements) +
                      " deleted codes with replacements)";
  }
  if (crosswalks.value().forward + crosswalks.value().backward > 0) {
    summary.detail += "; " + crosswalks.value().summary();
  }
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  context.report.code_sets.push_back(summary);
  return Status::ok();
}

}  // namespace medcode::indexer
