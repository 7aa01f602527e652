// The steps of a build, one per code set: each selects and verifies its release files,
// reads them, builds records and hands them to the shared writer, and reports what it
// added. index_build.cc runs them in order; the guidelines link to ICD-10-CM codes, so
// the ICD-10-CM step runs first and passes its codes on.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "common/code_record.h"
#include "common/status.h"
#include "indexer/build/index_build.h"
#include "indexer/build/index_writer.h"
#include "indexer/build/synonym_table.h"
#include "indexer/corpus/manifest.h"
#include "indexer/corpus/release_sources.h"
#include "indexer/sources/order_file_reader.h"

namespace medcode::indexer {

// What every step shares.
struct BuildContext {
  const BuildOptions& options;
  const std::vector<ManifestFile>& manifest;
  std::string corpus_dir;
  IndexWriter& writer;
  SynonymTable& synonyms;
  BuildReport& report;
  std::string sources_tsv;  // grows by one line per file read

  void progress(const std::string& stage, std::size_t done, std::size_t total) const;
  // Writes records, reporting progress under stage.
  // extra_terms, when given, has one list per record (IndexWriter::add).
  Status write(const std::vector<CodeRecord>& records, const std::string& stage,
               const std::vector<std::vector<std::string>>* extra_terms = nullptr) const;
  // Selects the release's files, checks their sha256 and records them in sources_tsv.
  Result<ReleaseSources> select(const std::string& code_set, const std::string& release,
                                const std::vector<std::string>& required,
                                const std::vector<std::string>& optional);
};

// The order files of the releases of code_set that took effect before effective_date,
// oldest first, as far as the corpus has them (a listed release that is missing is a
// notice). Each is verified and reported as a source.
struct EarlierOrderFile {
  std::string release;
  std::string effective_date;
  std::unique_ptr<OrderFile> order;
};
Result<std::vector<EarlierOrderFile>> read_earlier_order_files(BuildContext& context, const std::string& code_set,
                                                               const std::string& effective_date);

// ICD-10-CM of options.release; fills cm_codes with every code and category it wrote.
Status build_icd10cm_step(BuildContext& context, std::set<std::string>& cm_codes);
// ICD-10-PCS of the same fiscal year (skipped with a notice when the manifest has none).
Status build_icd10pcs_step(BuildContext& context);
// The HCPCS quarterly release in effect at the start of the fiscal year.
Status build_hcpcs_step(BuildContext& context);
// The Official Guidelines of the fiscal year, linked to the ICD-10-CM codes they name.
Status build_guidelines_step(BuildContext& context, const std::set<std::string>& cm_codes);
// One user file in the import format.
Status build_local_import_step(BuildContext& context, const LocalImport& import);

// What attach_gem_crosswalks put on the records.
struct GemCrosswalks {
  std::size_t forward = 0;              // kGemForwardAttribute attributes added
  std::size_t backward = 0;             // kGemBackwardAttribute attributes added
  std::size_t without_map = 0;          // GEM entries with the no-map flag ("NoDx"): nothing to add
  std::size_t naming_absent_codes = 0;  // entries whose ICD-10 code the release lacks: skipped
  // "7 ICD-9 to ICD-10 and 5 ICD-10 to ICD-9 GEM crosswalks (GEM entries without a map: 2,
  // naming codes the release lacks: 4)", for the code set's summary.
  std::string summary() const;
};

// The ICD-9-CM crosswalks of the General Equivalence Mappings of code_set (icd10cm or
// icd10pcs), added to records (the code set's codes in options.release) as kGemForwardAttribute
// and kGemBackwardAttribute attributes. The GEMs are the optional roles gem-forward and
// gem-backward, the newest of the release's fiscal year or earlier (FY2018, the last GEMs);
// without them nothing is added and the counts are 0. Each file read is a source of the
// report, with its malformed lines skipped; entries naming a code that records lack are
// skipped and reported under a "gem merge" source. Errors: those of select (sha256) and of
// read_gem_file (kDataError for a file that is not a GEM).
Result<GemCrosswalks> attach_gem_crosswalks(BuildContext& context, const std::string& code_set,
                                            std::vector<CodeRecord>& records);

// "I10" -> {"I10"}; "N18.1-N18.6" -> the codes of cm_codes from N181 to N186 of that
// length; "A00-B99" -> the categories from A00 to B99. At most kMaxLinksPerMention.
inline constexpr std::size_t kMaxLinksPerMention = 400;
std::vector<std::string> linked_codes(const std::string& mention, const std::set<std::string>& cm_codes);

}  // namespace medcode::indexer
