#include "indexer/build/hcpcs_record_builder.h"

namespace medcode::indexer {
namespace {

// Meanings from the HCPCS record layout's ACTION CODE and COVERAGE CODE descriptions.
std::string action_meaning(const std::string& code) {
  if (code == "A") return "Add procedure or modifier code";
  if (code == "B") return "Change in both administrative data field and long description";
  if (code == "C") return "Change in long description";
  if (code == "D") return "Discontinue procedure or modifier code";
  if (code == "F") return "Change in administrative data field";
  if (code == "N") return "No maintenance for this code";
  if (code == "P") return "Payment change";
  if (code == "R") return "Re-activate discontinued or deleted code";
  if (code == "S") return "Change in short description";
  if (code == "T") return "Miscellaneous change";
  return "";
}

std::string coverage_meaning(const std::string& code) {
  if (code == "C") return "Carrier judgment";
  if (code == "D") return "Special coverage instructions apply";
  if (code == "I") return "Not payable by Medicare";
  if (code == "M") return "Non-covered by Medicare";
  if (code == "S") return "Non-covered by Medicare statute";
  return "";
}

// "20251001" -> "2025-10-01".
std::string iso_date(const std::string& date) {
  if (date.size() != 8) return date;
  return date.substr(0, 4) + "-" + date.substr(4, 2) + "-" + date.substr(6, 2);
}

}  // namespace

std::string hcpcs_section_title(const std::string& code) {
  if (code.size() != 5) return "";
  const char letter = code[0];
  const std::string rest = code.substr(1);
  switch (letter) {
    case 'A': return rest < "4000" ? "Transportation Services Including Ambulance"
                                   : "Medical and Surgical Supplies";
    case 'B': return "Enteral and Parenteral Therapy";
    case 'C': return "Outpatient PPS";
    case 'D': return "Dental Procedures";
    case 'E': return "Durable Medical Equipment";
    case 'G': return "Procedures / Professional Services (Temporary)";
    case 'H': return "Alcohol and Drug Abuse Treatment Services";
    case 'J': return rest < "8500" ? "Drugs Administered Other Than Oral Method"
                                   : "Chemotherapy Drugs";
    case 'K': return "Temporary Codes (DME MACs)";
    case 'L': return "Orthotic and Prosthetic Procedures, Devices";
    case 'M': return "Medical Services";
    case 'P': return "Pathology and Laboratory Services";
    case 'Q': return "Temporary Codes";
    case 'R': return "Diagnostic Radiology Services";
    case 'S': return "Temporary National Codes (Non-Medicare)";
    case 'T': return "National Codes Established for State Medicaid Agencies";
    case 'U': return "Coronavirus Diagnostic Panel";
    case 'V': return "Vision, Hearing and Speech-Language Services";
  }
  return "";
}

std::vector<CodeRecord> build_hcpcs_records(const HcpcsFile& file, const std::string& effective_date) {
  std::vector<CodeRecord> records;
  records.reserve(file.entries.size());
  for (const HcpcsEntry& entry : file.entries) {
    CodeRecord record;
    record.system = "hcpcs";
    record.code = entry.code;
    record.title = entry.long_description.empty() ? entry.short_description : entry.long_description;
    record.short_title = entry.short_description;
    record.sort_key = entry.code;
    // HCPCS dates its codes itself; a code's dates change only when CMS acts on it.
    if (!entry.add_date.empty()) record.validity.from_date = iso_date(entry.add_date);
    if (!entry.termination_date.empty()) record.validity.through_date = iso_date(entry.termination_date);
    const bool terminated = !entry.termination_date.empty() && entry.termination_date < effective_date;
    record.is_billable = !entry.is_modifier && !terminated;
    if (entry.is_modifier) {
      record.chapter = "modifiers";
      record.chapter_title = "Level II Modifiers";
    } else {
      record.chapter = entry.code.substr(0, 1);
      record.chapter_title = hcpcs_section_title(entry.code);
    }
    auto& attributes = record.attributes;
    attributes.push_back({std::string(kKindAttribute), entry.is_modifier ? std::string(kModifierKind) : "Procedure or supply", ""});
    if (terminated) {
      attributes.push_back({std::string(kStatusAttribute), std::string(kTerminatedStatus), "No longer valid for dates of service after " +
                                                        iso_date(entry.termination_date)});
    }
    if (!entry.action_code.empty()) {
      attributes.push_back({"Action code", entry.action_code, action_meaning(entry.action_code)});
    }
    if (!entry.coverage_code.empty()) {
      attributes.push_back({"Coverage code", entry.coverage_code, coverage_meaning(entry.coverage_code)});
    }
    if (!entry.betos.empty()) attributes.push_back({"BETOS", entry.betos, "Berenson-Eggers type of service"});
    if (!entry.add_date.empty()) attributes.push_back({"Added", iso_date(entry.add_date), ""});
    if (!entry.action_effective_date.empty()) {
      attributes.push_back({"Action effective", iso_date(entry.action_effective_date), ""});
    }
    if (!entry.termination_date.empty()) {
      attributes.push_back({std::string(kTerminationDateAttribute), iso_date(entry.termination_date), ""});
    }
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace medcode::indexer
