// The HCPCS Level II step of a build: the quarterly release in effect when the ICD-10-CM
// fiscal year starts, from its ANWEB workbook or its fixed-width text.
#include <chrono>

#include "indexer/build/build_steps.h"
#include "indexer/build/hcpcs_record_builder.h"
#include "indexer/sources/source_bytes.h"

namespace medcode::indexer {
namespace {

// "2025-10-01" -> "20251001".
std::string compact_date(const std::string& iso) {
  std::string digits;
  for (char c : iso) {
    if (c != '-') digits += c;
  }
  return digits;
}

}  // namespace

Status build_hcpcs_step(BuildContext& context) {
  const auto started = std::chrono::steady_clock::now();
  // The fiscal year runs from the ICD-10-CM order file's effective date for a year.
  std::string year_start;
  for (const auto& file : context.manifest) {
    if (file.code_set == "icd10cm" && file.role == "order" && file.release == context.options.release) {
      year_start = file.effective;
    }
  }
  std::string year_end = year_start;
  if (year_start.size() >= 4) year_end = std::to_string(std::stoi(year_start.substr(0, 4)) + 1) + year_start.substr(4);
  const ManifestFile* chosen = nullptr;
  for (const auto& file : context.manifest) {
    if (file.code_set != "hcpcs" || (file.role != "anweb" && file.role != "fixed-width")) continue;
    if (file.effective < year_start || file.effective >= year_end) continue;
    // Newest quarter first; of one quarter, the workbook.
    if (chosen == nullptr || file.effective > chosen->effective ||
        (file.effective == chosen->effective && file.role == "anweb")) {
      chosen = &file;
    }
  }
  if (chosen == nullptr) {
    context.report.notices.push_back("hcpcs: the manifest has no quarterly release effective between " +
                                     year_start + " and " + year_end + "; not included");
    return Status::ok();
  }
  auto selected = context.select("hcpcs", chosen->release, {chosen->role}, {});
  if (!selected.is_ok()) return selected.status();
  const SelectedSource& source = selected.value().sources.front();
  context.progress("reading hcpcs " + source.file.role, 0, 0);
  SourceReport entry{"hcpcs", source.file.role, source.location.display_name(), source.file.release, 0, {}};
  Result<HcpcsFile> file = Status::internal("unreachable");
  if (source.file.role == "anweb") {
    file = read_hcpcs_anweb_xlsx(source.location.path);
  } else {
    auto bytes = load_source_bytes(source.location);
    if (!bytes.is_ok()) return bytes.status();
    file = read_hcpcs_fixed_width(bytes.value(), entry.file);
  }
  if (!file.is_ok()) return file.status();
  entry.records = file.value().entries.size();
  entry.skipped = file.value().skipped;
  context.report.sources.push_back(entry);

  const std::string effective = compact_date(source.file.effective);
  std::vector<CodeRecord> records = build_hcpcs_records(file.value(), effective);
  CodeSetSummary summary{"hcpcs", source.file.release, records.size(), 0, 0, ""};
  context.report.known_releases.push_back({"hcpcs", source.file.release, source.file.effective});
  std::size_t modifiers = 0, terminated = 0;
  for (const auto& record : records) {
    summary.billable += record.is_billable ? 1 : 0;
    modifiers += record.chapter == "modifiers" ? 1 : 0;
  }
  terminated = records.size() - modifiers - summary.billable;
  if (Status written = context.write(records, "writing hcpcs"); !written.is_ok()) return written;
  summary.detail = std::to_string(modifiers) + " modifiers, " + std::to_string(terminated) +
                   " codes terminated before " + source.file.effective;
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  context.report.code_sets.push_back(summary);
  return Status::ok();
}

}  // namespace medcode::indexer
