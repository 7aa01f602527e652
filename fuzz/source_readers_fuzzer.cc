// libFuzzer target over every official-file reader: the first byte picks the reader, the
// rest is the file. Readers that take a path (xlsx, PDF, frequencies) get a temporary file.
// A reader may refuse the input with an error; it must never crash, hang or leak.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "common/code_format.h"
#include "indexer/sources/code_frequency_reader.h"
#include "indexer/sources/conversion_table_reader.h"
#include "indexer/sources/gem_reader.h"
#include "indexer/sources/guidelines_reader.h"
#include "indexer/sources/hcpcs_reader.h"
#include "indexer/sources/icd10cm_index_reader.h"
#include "indexer/sources/icd10cm_table_reader.h"
#include "indexer/sources/icd10cm_tabular_reader.h"
#include "indexer/sources/icd10pcs_definitions_reader.h"
#include "indexer/sources/icd10pcs_index_reader.h"
#include "indexer/sources/icd10pcs_tables_reader.h"
#include "indexer/sources/lay_vocabulary_reader.h"
#include "indexer/sources/local_code_set_reader.h"
#include "indexer/sources/order_addenda_reader.h"
#include "indexer/sources/order_file_reader.h"
#include "indexer/sources/pdf_text_reader.h"
#include "indexer/sources/synonym_list_reader.h"
#include "indexer/sources/xlsx_sheet_reader.h"

namespace {

using namespace medcode;
using namespace medcode::indexer;

// The file a path-taking reader reads: one per process, rewritten each run.
std::string temporary_file(std::string_view bytes, const char* extension) {
  static const std::string base = "/tmp/medcode-fuzz-" + std::to_string(::getpid());
  const std::string path = base + extension;
  if (FILE* file = std::fopen(path.c_str(), "wb")) {
    std::fwrite(bytes.data(), 1, bytes.size(), file);
    std::fclose(file);
  }
  return path;
}

// Splits text into pages at form feeds, as pdftotext writes them.
std::vector<std::string> pages_of(std::string_view text) {
  std::vector<std::string> pages(1);
  for (char c : text) {
    if (c == '\f') pages.emplace_back(); else pages.back() += c;
  }
  return pages;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view file(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::string name = "fuzz";
  switch (data[0] % 22) {
    case 0: (void)read_order_file(file, name, kIcd10Cm); break;
    case 1: (void)read_order_file(file, name, kIcd10Pcs); break;
    case 2: (void)read_order_addenda(file, name); break;
    case 3: (void)read_icd10cm_tabular(std::string(file), name, 2026); break;
    case 4: (void)read_icd10cm_index(std::string(file), name); break;
    case 5: (void)read_icd10cm_table(std::string(file), name); break;
    case 6: (void)read_icd10pcs_tables(std::string(file), name); break;
    case 7: (void)read_icd10pcs_definitions(std::string(file), name); break;
    case 8: (void)read_icd10pcs_index(std::string(file), name); break;
    case 9: (void)read_hcpcs_fixed_width(file, name); break;
    case 10: (void)read_hcpcs_anweb_xlsx(temporary_file(file, ".xlsx")); break;
    case 11: (void)read_xlsx_first_sheet(temporary_file(file, ".xlsx")); break;
    case 12: (void)read_conversion_table(temporary_file(file, ".xlsx")); break;
    case 13: (void)read_gem_file(file, name, kIcd10Cm, GemDirection::kIcd9ToIcd10); break;
    case 14: (void)read_code_frequencies(temporary_file(file, ".csv")); break;
    case 15: (void)read_local_code_set(file, name); break;
    case 16: (void)read_synonym_list(file, name); break;
    case 17: (void)read_hpo_layperson_synonyms(file, name); (void)read_symptom_ontology_synonyms(file, name); break;
    case 18: (void)split_guidelines(pdf_pages_of_text(pages_of(file)), name); break;
    case 19: (void)read_pdf_pages(temporary_file(file, ".pdf")); break;
    case 20: (void)read_local_code_set(file, "fuzz.json"); break;  // a FHIR CodeSystem import
    case 21: (void)read_local_code_set(file, "fuzz.jsonl"); break;
  }
  return 0;
}
