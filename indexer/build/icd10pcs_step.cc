// The ICD-10-PCS step of a build: order file, Tables, Definitions and Index.
#include <chrono>
#include <memory>

#include "common/code_format.h"
#include "indexer/build/build_steps.h"
#include "indexer/build/code_validity.h"
#include "indexer/build/icd10pcs_record_builder.h"
#include "indexer/sources/source_bytes.h"

namespace medcode::indexer {

Status build_icd10pcs_step(BuildContext& context) {
  const auto started = std::chrono::steady_clock::now();
  const std::string& release = context.options.release;
  bool listed = false;
  for (const auto& file : context.manifest) {
    listed |= file.code_set == "icd10pcs" && file.release == release && file.role == "order";
  }
  if (!listed) {
    context.report.notices.push_back("icd10pcs: the manifest has no " + release + " release; not included");
    return Status::ok();
  }
  auto selected = context.select("icd10pcs", release, {"order"}, {"tables", "definitions", "index"});
  if (!selected.is_ok()) return selected.status();

  OrderFile order;
  PcsTables tables;
  PcsDefinitions definitions;
  PcsIndex index;
  Icd10PcsSources sources;
  for (const SelectedSource& source : selected.value().sources) {
    const std::string& role = source.file.role;
    context.progress("reading icd10pcs " + role, 0, 0);
    auto bytes = load_source_bytes(source.location);
    if (!bytes.is_ok()) return bytes.status();
    SourceReport entry{"icd10pcs", role, source.location.display_name(), source.file.release, 0, {}};
    if (role == "order") {
      auto file = read_order_file(bytes.value(), entry.file, "icd10pcs");
      if (!file.is_ok()) return file.status();
      order = std::move(file).value();
      entry.records = order.entries.size();
      entry.skipped = order.skipped;
      sources.order = &order;
      sources.order_year = source.file.fiscal_year;
    } else if (role == "tables") {
      auto read = read_icd10pcs_tables(std::move(bytes).value(), entry.file);
      if (!read.is_ok()) return read.status();
      tables = std::move(read).value();
      entry.records = tables.table_count;
      entry.skipped = tables.skipped;
      sources.tables = &tables;
    } else if (role == "definitions") {
      auto read = read_icd10pcs_definitions(std::move(bytes).value(), entry.file);
      if (!read.is_ok()) return read.status();
      definitions = std::move(read).value();
      entry.records = definitions.terms.size();
      sources.definitions = &definitions;
    } else if (role == "index") {
      auto read = read_icd10pcs_index(std::move(bytes).value(), entry.file);
      if (!read.is_ok()) return read.status();
      index = std::move(read).value();
      entry.records = index.entries.size();
      entry.skipped = index.skipped;
      sources.index = &index;
      sources.index_year = source.file.fiscal_year;
    }
    context.report.sources.push_back(std::move(entry));
  }

  context.progress("merging icd10pcs sources", 0, 0);
  Icd10PcsRecords built = build_icd10pcs_records(sources);
  const std::string& effective = selected.value().find("order")->file.effective;
  auto earlier = read_earlier_order_files(context, "icd10pcs", effective);
  if (!earlier.is_ok()) return earlier.status();
  ValiditySources validity{std::string(kIcd10Pcs), release, effective, {}, nullptr, nullptr};
  for (const auto& previous : earlier.value()) {
    validity.earlier.push_back({previous.release, previous.effective_date, previous.order.get()});
    context.report.known_releases.push_back({std::string(kIcd10Pcs), previous.release, previous.effective_date});
  }
  context.report.known_releases.push_back({std::string(kIcd10Pcs), release, effective});
  ValidityResult changes = apply_code_validity(built.records, validity);
  auto crosswalks = attach_gem_crosswalks(context, "icd10pcs", built.records);
  if (!crosswalks.is_ok()) return crosswalks.status();
  std::size_t synonyms = 0;
  for (const auto& [term, expansion] : built.synonyms) synonyms += context.synonyms.add(term, expansion) ? 1 : 0;
  CodeSetSummary summary{"icd10pcs", release, built.records.size(), 0, 0, ""};
  for (const auto& record : built.records) summary.billable += record.is_billable ? 1 : 0;
  if (Status written = context.write(built.records, "writing icd10pcs"); !written.is_ok()) return written;
  if (Status written = context.write(changes.deleted, "writing deleted icd10pcs codes"); !written.is_ok()) {
    return written;
  }
  summary.documents += changes.deleted.size();
  summary.detail = std::to_string(built.index_entries_attached) + " index links, " + std::to_string(synonyms) +
                   " synonyms from Definitions and Index, " + std::to_string(built.unexplained.count()) +
                   " codes not in the Tables, " + std::to_string(built.unattached.count()) +
                   " index entries matching no code";
  if (!earlier.value().empty()) {
    summary.detail += "; " + std::to_string(changes.new_codes) + " new, " + std::to_string(changes.retitled) +
                      " retitled and " + std::to_string(changes.deleted.size()) + " deleted since " +
                      earlier.value().front().release;
  }
  if (crosswalks.value().forward + crosswalks.value().backward > 0) {
    summary.detail += "; " + crosswalks.value().summary();
  }
  context.report.sources.push_back(
      SourceReport{"icd10pcs", "merge", "index entries matching no code", release, 0, built.unattached});
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  context.report.code_sets.push_back(summary);
  return Status::ok();
}

}  // namespace medcode::indexer
