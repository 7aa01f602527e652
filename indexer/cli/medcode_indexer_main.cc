// medcode-indexer: builds a medcode index from the official release files.
//   medcode-indexer build [--corpus DIR] [--release fy2026] --index DIR [--strict]
//                         [--code-sets icd10cm,icd10pcs,hcpcs,guidelines] [--import SYSTEM=FILE]...
//   medcode-indexer build --root ROOT [--release fy2025] [--publish] [--keep N] ...
//   medcode-indexer update --root ROOT [--release fy2026] [--from VERSION] [--publish] ...
//     (the code sets the version it starts from was built with, unless --code-sets/--import)
//   medcode-indexer publish --root ROOT VERSION | list --root ROOT | rollback --root ROOT
//   medcode-indexer diff --from fy2025 --to fy2026 [--code-set icd10cm|icd10pcs] [--json]
#include <unistd.h>

#include <boost/program_options.hpp>
#include <cstdio>
#include <exception>
#include <iostream>
#include <optional>
#include <string>
#include <vector>
#include <algorithm>

#include "common/count_flag.h"
#include "common/edit_distance.h"
#include "common/index_path_check.h"
#include "common/status.h"
#include "common/utf8.h"
#include "indexer/build/index_build.h"
#include "indexer/lifecycle/built_code_sets.h"
#include "indexer/lifecycle/diff_releases.h"
#include "indexer/lifecycle/index_root.h"

namespace po = boost::program_options;
using medcode::indexer::BuildOptions;
using medcode::indexer::BuildProgress;
using medcode::indexer::BuildReport;
using medcode::Status;

namespace {

constexpr const char* kUsage =
    "usage: medcode-indexer build [--corpus DIR] [--release fy2026] (--index DIR | --root ROOT [--publish])\n"
    "                             [--strict] [--keep N] [--leave-out FILE]\n"
    "                             [--code-sets icd10cm,icd10pcs,hcpcs,guidelines]\n"
    "                             [--import SYSTEM=FILE.tsv|FILE.jsonl|FILE.json]...\n"
    "       medcode-indexer update --root ROOT [--release fy2026] [--from VERSION] [--publish] ...\n"
    "       medcode-indexer publish --root ROOT VERSION [--keep N]\n"
    "       medcode-indexer list --root ROOT\n"
    "       medcode-indexer rollback --root ROOT [--keep N]\n"
    "       medcode-indexer diff --from fy2025 --to fy2026 [--code-set icd10cm|icd10pcs] [--json]\n"
    "                            [--corpus DIR] [--manifest FILE] [--list N]\n";

void print_progress(const BuildProgress& progress) {
  if (progress.total > 0) {
    std::fprintf(stderr, "\r\033[K%s %zu/%zu (%zu%%)", progress.stage.c_str(), progress.done,
                 progress.total, progress.done * 100 / progress.total);
  } else {
    std::fprintf(stderr, "\r\033[K%s...", progress.stage.c_str());
  }
  std::fflush(stderr);
}

void print_report(const BuildReport& report) {
  std::printf("corpus   %s (chosen by %s)\n", report.corpus_dir.c_str(),
              report.corpus_chosen_by.c_str());
  std::printf("release  %s\n", report.release.c_str());
  for (const auto& notice : report.notices) std::printf("notice   %s\n", notice.c_str());
  std::printf("%-10s %-11s %-12s %9s %8s  %s\n", "code set", "source", "release", "records", "skipped", "file");
  for (const auto& source : report.sources) {
    std::printf("%-10s %-11s %-12s %9zu %8zu  %s\n", source.code_set.c_str(), source.role.c_str(),
                source.release.c_str(), source.records, source.skipped.count(), source.file.c_str());
    for (const auto& example : source.skipped.examples()) std::printf("          skipped: %s\n", example.c_str());
  }
  std::printf("merged   %zu enrichment pieces attached to an ancestor of a retired code; "
              "%zu unattached\n", report.attached_to_ancestor, report.unattached.count());
  for (const auto& example : report.unattached.examples()) std::printf("          unattached: %s\n", example.c_str());
  std::printf("%-10s %-12s %9s %9s %8s  %s\n", "ingested", "release", "documents", "billable", "seconds",
              "detail");
  for (const auto& set : report.code_sets) {
    std::printf("%-10s %-12s %9zu %9zu %8.1f  %s\n", set.code_set.c_str(), set.release.c_str(), set.documents,
                set.billable, set.seconds, set.detail.c_str());
  }
  if (report.documents_unchanged > 0 || report.documents_deleted > 0) {
    std::printf("update   %zu documents written (new or changed), %zu unchanged, %zu deleted\n",
                report.documents_written, report.documents_unchanged, report.documents_deleted);
  }
  std::printf("index    %zu documents, %.1f MB, built in %.1f s\n", report.documents,
              static_cast<double>(report.index_bytes) / 1e6, report.seconds);
}

const std::vector<std::string> kSubcommands = {"build", "update", "publish", "list", "rollback", "diff"};

// Says what a first argument that is no subcommand should have been: the one meant, or
// them all and the usage.
void refuse_subcommand(const std::string& typed) {
  std::string all;
  for (const auto& name : kSubcommands) all += (all.empty() ? "" : ", ") + name;
  const std::string meant = typed.empty() || typed[0] == '-' ? "" : medcode::closest_name(typed, kSubcommands);
  if (!meant.empty()) {
    std::cerr << "medcode-indexer: unknown subcommand " << medcode::quote_for_message(typed) << "; did you mean "
              << meant << "?\n";
    return;
  }
  if (!typed.empty() && typed[0] == '-') {
    std::cerr << "medcode-indexer: give a subcommand first (" << all << "), then " << typed << "\n";
  } else {
    std::cerr << "medcode-indexer: unknown subcommand " << medcode::quote_for_message(typed)
              << "; the subcommands are " << all << "\n";
  }
  std::cerr << kUsage;
}

// "; did you mean --index?" for a misspelled flag, or "".
std::string flag_hint(const po::error& error, const po::options_description& flags) {
  const auto* unknown = dynamic_cast<const po::unknown_option*>(&error);
  std::vector<std::string> names;
  for (const auto& option : flags.options()) names.push_back(option->long_name());
  return unknown == nullptr ? "" : medcode::flag_suggestion(unknown->get_option_name(), names);
}

// Ok, or says why root is no index root (a file, a single index, nothing there); the exit code.
std::optional<int> refuse_unless_index_root(const std::string& root) {
  const Status checked = medcode::check_index_root(root);
  if (checked.is_ok()) return std::nullopt;
  std::cerr << "medcode-indexer: " << checked.message() << "\n";
  return medcode::exit_code(checked);
}

// Parses a subcommand's flags; returns the exit code when the command should stop here
// (--help, or a bad flag), nothing when it should go on.
std::optional<int> parse_flags(int argc, char** argv, const po::options_description& flags,
                               po::variables_map& values,
                               const po::positional_options_description* positional = nullptr) {
  try {
    auto parser = po::command_line_parser(argc - 1, argv + 1).options(flags);
    if (positional != nullptr) parser.positional(*positional);
    po::store(parser.run(), values);
    po::notify(values);
  } catch (const po::error& error) {
    std::cerr << "medcode-indexer: " << error.what() << flag_hint(error, flags) << "\n" << kUsage;
    return 64;
  }
  if (values.count("help")) {
    std::cout << kUsage << flags;
    return 0;
  }
  return std::nullopt;
}

// medcode-indexer diff: what changed between two releases, checked against the addenda.
int run_diff(int argc, char** argv) {
  medcode::indexer::DiffOptions options;
  bool json = false;
  std::string listed = "20";
  po::options_description flags("medcode-indexer diff");
  flags.add_options()("help,h", "show this help")("from", po::value(&options.from_release), "older release")(
      "to", po::value(&options.to_release), "newer release")(
      "code-set", po::value(&options.code_set)->default_value("icd10cm"), "icd10cm or icd10pcs")(
      "json", po::bool_switch(&json), "every change as one JSON object")(
      "list", po::value(&listed)->default_value(listed), "codes listed per kind in the text report")(
      "corpus", po::value(&options.corpus_dir), "corpus directory")(
      "manifest", po::value(&options.manifest_path), "manifest TSV (default: the built-in one)");
  po::variables_map values;
  if (auto stop = parse_flags(argc, argv, flags, values)) return *stop;
  if (options.from_release.empty() || options.to_release.empty()) {
    std::cerr << "medcode-indexer: diff needs --from and --to releases, e.g. --from fy2025 --to fy2026\n";
    return 64;
  }
  const auto list_count = medcode::parse_count_flag("--list", listed, 0, 100000);
  if (!list_count.is_ok()) {
    std::cerr << "medcode-indexer: " << list_count.status().message() << "\n";
    return 64;
  }
  auto result = medcode::indexer::diff_releases(options);
  if (!result.is_ok()) {
    std::cerr << "medcode-indexer: " << result.status().message() << "\n";
    return medcode::exit_code(result.status());
  }
  const auto& diff = result.value();
  if (json) {
    std::cout << medcode::indexer::release_diff_to_json(diff.diff, diff.checks) << "\n";
  } else {
    std::cout << medcode::indexer::release_diff_to_text(diff.diff, diff.checks, list_count.value());
    if (!diff.has_addenda) std::cout << "no order addenda for " << options.to_release << " in the manifest\n";
  }
  return 0;
}

// --keep must be a count: Boost would read -1 as a huge unsigned number and keep everything.
std::optional<std::size_t> keep_count(long long keep) {
  if (keep >= 0) return static_cast<std::size_t>(keep);
  std::cerr << "medcode-indexer: --keep " << keep << ": give the number of versions to keep, 0 or more\n";
  return std::nullopt;
}

// Makes version current and says so; the exit code.
int publish_and_report(const std::string& root, const std::string& version, std::size_t keep) {
  if (Status published = medcode::indexer::publish_version(root, version, keep); !published.is_ok()) {
    std::cerr << "medcode-indexer: " << published.message() << "\n";
    return medcode::exit_code(published);
  }
  std::printf("current  %s\n", version.c_str());
  return 0;
}

// publish, list and rollback: the versions under an index root.
int run_versions(const std::string& command, int argc, char** argv) {
  std::string root, version;
  long long keep = 3;
  po::options_description flags("medcode-indexer " + command);
  flags.add_options()("help,h", "show this help")("root", po::value(&root), "index root")(
      "keep", po::value(&keep)->default_value(3), "versions to keep (the current and previous always stay)")(
      "version", po::value(&version), "version to publish");
  po::positional_options_description positional;
  positional.add("version", 1);
  po::variables_map values;
  if (auto stop = parse_flags(argc, argv, flags, values, &positional)) return *stop;
  if (root.empty()) {
    std::cerr << "medcode-indexer: " << command << " needs --root ROOT\n" << kUsage;
    return 64;
  }
  const auto kept = keep_count(keep);
  if (!kept) return 64;
  if (auto refused = refuse_unless_index_root(root)) return *refused;
  if (command == "list") {
    auto versions = medcode::indexer::list_versions(root);
    if (!versions.is_ok()) {
      std::cerr << "medcode-indexer: " << versions.status().message() << "\n";
      return medcode::exit_code(versions.status());
    }
    std::printf("  %-30s %-8s %-20s %9s %9s\n", "version", "release", "built", "documents", "MB");
    for (const auto& v : versions.value()) {
      std::printf("%s %-30s %-8s %-20s %9zu %9.1f%s\n", v.current ? "*" : " ", v.name.c_str(), v.release.c_str(),
                  v.built_at.c_str(), v.documents, static_cast<double>(v.bytes) / 1e6,
                  v.error.empty() ? "" : ("  cannot be served: " + v.error).c_str());
    }
    for (const auto& scratch : medcode::indexer::list_scratch_directories(root)) {
      const std::string name =
          "releases/" + scratch.path.substr(scratch.path.find_last_of('/') + 1);
      const std::string state = scratch.in_progress
                                    ? "build in progress (pid " + std::to_string(scratch.pid) + ")"
                                    : "left by a killed build (pid " + std::to_string(scratch.pid) +
                                          "); the next build removes it";
      std::printf("scratch  %s  %.1f MB  %s\n", name.c_str(),
                  static_cast<double>(scratch.bytes) / 1e6, state.c_str());
    }
    return 0;
  }
  if (command == "rollback") {
    auto restored = medcode::indexer::rollback(root, *kept);
    if (!restored.is_ok()) {
      std::cerr << "medcode-indexer: " << restored.status().message() << "\n";
      return medcode::exit_code(restored.status());
    }
    std::printf("current  %s (rolled back)\n", restored.value().c_str());
    return 0;
  }
  if (version.empty()) {
    std::cerr << "medcode-indexer: publish needs a VERSION (see medcode-indexer list --root " << root << ")\n";
    return 64;
  }
  return publish_and_report(root, version, *kept);
}

// update: rebuilds the code sets the base version was built with, unless --code-sets or
// --import name others, and says which; the exit code when it cannot read the base.
std::optional<int> keep_code_sets_of_base(BuildOptions& options, const std::string& base_version,
                                          const po::variables_map& values) {
  auto built = medcode::indexer::read_built_code_sets(options.base_index_dir);
  if (!built.is_ok()) {
    std::cerr << "medcode-indexer: " << built.status().message() << "\n";
    return medcode::exit_code(built.status());
  }
  const bool sets_given = !values["code-sets"].defaulted();
  const bool imports_given = values.count("import") > 0;
  if (!sets_given) options.code_sets = built.value().code_sets;
  if (!imports_given) options.imports = built.value().imports;
  const std::string as_built =
      medcode::indexer::describe_code_sets(built.value().code_sets, built.value().imports);
  std::printf("update   from %s: %s", base_version.c_str(),
              medcode::indexer::describe_code_sets(options.code_sets, options.imports).c_str());
  if (sets_given || imports_given) {
    std::printf(" (as --code-sets/--import ask; it was built with %s)\n", as_built.c_str());
  } else {
    std::printf(" (the code sets it %s; --code-sets and --import choose others)\n",
                built.value().recorded ? "was built with" : "holds");
  }
  std::fflush(stdout);
  return std::nullopt;
}

int run(int argc, char** argv) {
  if (argc >= 2 && std::string(argv[1]) == "diff") return run_diff(argc, argv);
  const bool updating = argc >= 2 && std::string(argv[1]) == "update";
  for (const char* command : {"publish", "list", "rollback"}) {
    if (argc >= 2 && std::string(argv[1]) == command) return run_versions(command, argc, argv);
  }
  if (argc < 2 || (std::string(argv[1]) != "build" && !updating)) {
    const bool help = argc >= 2 && (std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h");
    if (argc < 2 || help) {
      std::cerr << kUsage;
      return help ? 0 : 64;
    }
    refuse_subcommand(argv[1]);
    return 64;
  }
  BuildOptions options;
  std::string root, from_version;
  bool publish = false;
  long long keep = 3;
  std::string code_sets;
  std::vector<std::string> imports;
  po::options_description flags("medcode-indexer build");
  flags.add_options()("help,h", "show this help")(
      "corpus", po::value(&options.corpus_dir),
      "corpus directory (default: $MEDCODE_CORPUS, ../shared/corpus, corpus/cache)")(
      "release", po::value(&options.release)->default_value("fy2026"), "ICD-10-CM release to build")(
      "index", po::value(&options.index_dir), "index directory to create or replace")(
      "root", po::value(&root), "index root: build a new version under ROOT/releases")(
      "publish", po::bool_switch(&publish), "with --root: make the new version current when built")(
      "keep", po::value(&keep)->default_value(3), "with --publish: versions to keep")(
      "from", po::value(&from_version), "update: the version to start from (default: the current one)")(
      "manifest", po::value(&options.manifest_path), "manifest TSV (default: the built-in one)")(
      "strict", po::bool_switch(&options.strict), "fail on the first skipped record")(
      "leave-out", po::value(&options.leave_out_path),
      "hold a fixed 10% of index entries and inclusion terms out, writing them to FILE as queries")(
      "code-sets", po::value<std::string>(&code_sets)->default_value("icd10cm,icd10pcs,hcpcs,guidelines"),
      "official code sets to include, comma-separated (update: those the version it starts from was built with)")(
      "import", po::value<std::vector<std::string>>(&imports),
      "add a licensed or local code set: SYSTEM=FILE (.tsv, .jsonl or a FHIR CodeSystem .json, see docs/IMPORT.md; update: the imports "
      "of the version it starts from)");
  po::variables_map values;
  if (auto stop = parse_flags(argc, argv, flags, values)) return *stop;
  if (updating && !options.index_dir.empty()) options.index_dir.clear();
  const auto kept = keep_count(keep);
  if (!kept) return 64;
  if (options.index_dir.empty() == root.empty()) {
    std::cerr << "medcode-indexer: give --index DIR or --root ROOT\n" << kUsage;
    return 64;
  }
  if (updating) {
    if (root.empty()) {
      std::cerr << "medcode-indexer: update needs --root ROOT (it starts from a published version)\n";
      return 64;
    }
    if (auto refused = refuse_unless_index_root(root)) return *refused;
    if (from_version.empty()) from_version = medcode::indexer::current_version(root);
    if (from_version.empty()) {
      std::cerr << "medcode-indexer: " << root << " has no current version to update; build one first\n";
      return 66;
    }
    options.base_index_dir = medcode::indexer::version_path(root, from_version);
  }
  options.code_sets.clear();
  std::size_t start = 0;
  while (start <= code_sets.size()) {
    const std::size_t comma = std::min(code_sets.find(',', start), code_sets.size());
    if (comma > start) options.code_sets.push_back(code_sets.substr(start, comma - start));
    start = comma + 1;
  }
  for (const auto& import : imports) {
    const auto equals = import.find('=');
    if (equals == std::string::npos || equals == 0 || equals + 1 == import.size()) {
      std::cerr << "medcode-indexer: --import " << import << ": expected SYSTEM=FILE, e.g. cpt=cpt.tsv\n";
      return 64;
    }
    options.imports.push_back({import.substr(0, equals), import.substr(equals + 1)});
  }
  if (updating) {
    if (auto stop = keep_code_sets_of_base(options, from_version, values)) return *stop;
  }
  std::string version;
  if (!root.empty()) {
    auto made = medcode::indexer::new_version(root, options.release);
    if (!made.is_ok()) {
      std::cerr << "medcode-indexer: " << made.status().message() << "\n";
      return medcode::exit_code(made.status());
    }
    version = made.value();
    options.index_dir = medcode::indexer::version_path(root, version);
  }
  const bool terminal = ::isatty(STDERR_FILENO) == 1;
  if (terminal) options.on_progress = print_progress;
  auto report = medcode::indexer::build_index(options);
  if (terminal) std::fprintf(stderr, "\r\033[K");
  if (!report.is_ok()) {
    std::cerr << "medcode-indexer: " << report.status().message() << "\n";
    return medcode::exit_code(report.status());
  }
  print_report(report.value());
  if (!version.empty()) {
    if (!publish) {
      std::printf("version  %s (serve it with: medcode-indexer publish --root %s %s)\n", version.c_str(), root.c_str(),
                  version.c_str());
      return 0;
    }
    return publish_and_report(root, version, *kept);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& error) {
    std::cerr << "medcode-indexer: internal error: " << error.what() << "\n";
    return 70;
  }
}
