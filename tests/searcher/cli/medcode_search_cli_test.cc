// Runs the medcode-search program itself: flags, batch mode, exit codes.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <sys/wait.h>

#include "tests/support/fixture_corpus.h"

namespace medcode {
namespace {

struct ProgramRun {
  std::string output;
  int exit_code = -1;
};

ProgramRun run(const std::string& arguments, const std::string& input = "") {
  testing::TempDir dir;
  testing::write_file(dir / "stdin", input);
  const std::string command =
      std::string(MEDCODE_SEARCH_BIN) + " " + arguments + " < " + (dir / "stdin") + " 2>&1";
  ProgramRun result;
  FILE* pipe = ::popen(command.c_str(), "r");
  char buffer[4096];
  while (std::size_t got = std::fread(buffer, 1, sizeof buffer, pipe)) result.output.append(buffer, got);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

class SearchCliTest : public ::testing::Test {
 protected:
  static std::string index_flag() { return "--index " + testing::shared_fixture_index(); }
};

TEST_F(SearchCliTest, PrintsRankedResultsAsText) {
  const ProgramRun result = run(index_flag() + " --limit 2 I21");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.output,
            "I21       icd10cm  header   Acute myocardial infarction\n"
            "I21.0     icd10cm  header   ST elevation (STEMI) myocardial infarction of anterior wall\n");
}

// A code a release deleted says "deleted", not "header" (its billable flag is its old one).
TEST_F(SearchCliTest, SaysDeletedForADeletedCode) {
  const ProgramRun result = run(index_flag() + " S30.1XXA");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.output, "S30.1XXA  icd10cm  deleted  Contusion of abdominal wall, initial encounter\n");
}

// A coding question: the answer, its facts, codes and sources, then a rule and the results.
TEST_F(SearchCliTest, PrintsTheAnswerToAQuestionFirst) {
  const ProgramRun result = run(index_flag() + " --limit 1 is I21 billable");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.output.rfind("answer (billable): No. I21 \"Acute myocardial infarction\" is a header in FY2026.", 0), 0u)
      << result.output;
  EXPECT_NE(result.output.find("  I21.9     icd10cm  Acute myocardial infarction, unspecified [billable_code]\n"),
            std::string::npos) << result.output;
  EXPECT_NE(result.output.find("--\nI21 "), std::string::npos) << result.output;
  const ProgramRun json = run(index_flag() + " --json --limit 1 what is I10");
  EXPECT_NE(json.output.find("\"answer\":{\"type\":\"what_is\""), std::string::npos) << json.output;
  EXPECT_EQ(run(index_flag() + " --json --limit 1 colles fracture").output.find("\"answer\""), std::string::npos);
}

// Batch mode: one JSON object per input line, bad lines reported in place.
TEST_F(SearchCliTest, BatchModePrintsOneJsonObjectPerLine) {
  const ProgramRun result = run(index_flag() + " --json --limit 1", "i219\n\nhigh blood pressure\n");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.output,
            "{\"query\":\"i219\",\"results\":[{\"code\":\"I21.9\",\"system\":\"icd10cm\",\"title\":"
            "\"Acute myocardial infarction, unspecified\",\"billable\":true,\"status\":\"active\","
            "\"score\":100,\"match\":\"code\",\"hierarchy\":{\"chapter\":\"9\",\"section\":\"I20-I25\","
            "\"parent\":\"I21\"}}],\"total\":1}\n"
            "{\"query\":\"\",\"results\":[],\"error\":{\"code\":\"invalid_argument\",\"message\":"
            "\"parameter \\\"q\\\": query is empty\"}}\n"
            "{\"query\":\"high blood pressure\",\"results\":[{\"code\":\"I10\",\"system\":"
            "\"icd10cm\",\"title\":\"Essential (primary) hypertension\",\"billable\":true,"
            "\"status\":\"active\",\"score\":100,\"match\":\"text\",\"hierarchy\":{\"chapter\":\"9\",\"section\":\"I10-I16\",\"parent\":\"\"}}],"
            "\"total\":1}\n");
}

TEST_F(SearchCliTest, SuggestPrintsCompletionsThenCodes) {
  const ProgramRun result = run(index_flag() + " --suggest --limit 1 hypert");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.output, "hypertension\n--\nI10       icd10cm  Essential (primary) hypertension\n");
}

TEST_F(SearchCliTest, ExplainPrintsTheQueryBeforeTheResults) {
  const ProgramRun result = run(index_flag() + " --explain --limit 1 high blood pressure");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.output.rfind("xapian query: Query(", 0), 0u) << result.output;
  EXPECT_NE(result.output.find("AND_MAYBE PostingSource(CodePriorSource("), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("\nI10       icd10cm  billable Essential (primary) hypertension\n"), std::string::npos)
      << result.output;
}

TEST_F(SearchCliTest, OffsetShowsTheNextResults) {
  const ProgramRun first = run(index_flag() + " --system icd10cm --limit 4 fracture");
  const ProgramRun second = run(index_flag() + " --system icd10cm --limit 2 --offset 2 fracture");
  EXPECT_EQ(second.exit_code, 0);
  const std::size_t third_line = first.output.find('\n', first.output.find('\n') + 1) + 1;
  ASSERT_GT(third_line, 0u) << first.output;
  EXPECT_EQ(second.output, first.output.substr(third_line)) << first.output;
}

TEST_F(SearchCliTest, ExitCodesFollowSysexits) {
  EXPECT_EQ(run("--limit 2 I10").exit_code, 64);                   // no --index
  EXPECT_EQ(run(index_flag() + " --limit 900 I10").exit_code, 64);  // bad parameter
  EXPECT_EQ(run(index_flag() + " --bogus I10").exit_code, 64);
  const ProgramRun missing = run("--index /no/such/index I10");
  EXPECT_EQ(missing.exit_code, 69);
  EXPECT_EQ(missing.output,
            "medcode-search: index /no/such/index not found: build it with medcode-indexer build "
            "--index /no/such/index\n");
}

// Counts are read as typed ("-1" is not 18446744073709551615), an unserved system is
// refused once, before any query, and a misspelled flag gets the one meant: exit 64 each.
TEST_F(SearchCliTest, RefusesBadCountsSystemsAndFlagsInWords) {
  const struct {
    std::string arguments;
    std::string output;
  } rows[] = {
      {" --offset -1 I10", "medcode-search: --offset \"-1\": must be 0 or more\n"},
      {" --offset ten I10", "medcode-search: --offset \"ten\": must be a whole number, 0 or more\n"},
      {" --offset 10001 I10", "medcode-search: --offset \"10001\": must be at most 10000\n"},
      {" --limit -1 I10", "medcode-search: --limit \"-1\": must be between 1 and 200\n"},
      {" --limit 0 I10", "medcode-search: --limit \"0\": must be between 1 and 200\n"},
      {" --limit 900 I10", "medcode-search: --limit \"900\": must be between 1 and 200\n"},
      {" --limit many I10", "medcode-search: --limit \"many\": must be a whole number between 1 and 200\n"},
      {" --system icd9 250.00",
       "medcode-search: parameter \"system\": \"icd9\" is not served by this index; it serves icd10cm, icd10pcs, "
       "hcpcs, guidelines\n"},
  };
  for (const auto& row : rows) {
    const ProgramRun result = run(index_flag() + row.arguments);
    EXPECT_EQ(result.exit_code, 64) << row.arguments;
    EXPECT_EQ(result.output, row.output);
  }
  // In batch mode too: one message, not one failure per line.
  const ProgramRun batch = run(index_flag() + " --system icd9 --json", "250.00\ndiabetes\n");
  EXPECT_EQ(batch.exit_code, 64);
  EXPECT_EQ(batch.output.find("\"query\""), std::string::npos) << batch.output;
  const ProgramRun flag = run(index_flag() + " --limt 2 I10");
  EXPECT_EQ(flag.exit_code, 64);
  EXPECT_EQ(flag.output.rfind("medcode-search: unrecognised option '--limt'; did you mean --limit?\n", 0), 0u)
      << flag.output;
}

// --index at a file or at a directory of other things is said in our words, not Xapian's.
TEST_F(SearchCliTest, IndexThatIsNoIndexIsSaidSo) {
  testing::TempDir dir;
  testing::write_file(dir / "notes.txt", "x");
  const ProgramRun folder = run("--index " + dir.path() + " I10");
  EXPECT_EQ(folder.exit_code, 64);
  EXPECT_EQ(folder.output, "medcode-search: index " + dir.path() +
                               " is not a medcode index (no Xapian database in it; it holds \"notes.txt\"): give "
                               "--index a directory made by medcode-indexer build --index DIR or --root DIR\n");
  const ProgramRun file = run("--index " + (dir / "notes.txt") + " I10");
  EXPECT_EQ(file.exit_code, 64);
  EXPECT_EQ(file.output, "medcode-search: index " + (dir / "notes.txt") +
                             " is a file, not a directory: give --index the directory medcode-indexer build "
                             "--index made\n");
}

}  // namespace
}  // namespace medcode

namespace medcode {
namespace {

// The server program stops cleanly on SIGTERM and SIGINT, exit code 0.
TEST(ServerProgramTest, StopsCleanlyOnSignals) {
  for (const char* signal : {"TERM", "INT"}) {
    const std::string script =
        std::string("log=$(mktemp); ") + MEDCODE_SERVER_BIN + " --index " + testing::shared_fixture_index() +
        " --listen 127.0.0.1:0 > $log 2>&1 & pid=$!; "
        "for i in $(seq 100); do grep -q serving $log && break; sleep 0.05; done; "
        "kill -" + signal + " $pid; wait $pid; code=$?; cat $log; rm -f $log; echo exit=$code";
    FILE* pipe = ::popen(("bash -c '" + script + "'").c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    std::string output;
    char buffer[1024];
    while (std::size_t got = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, got);
    ::pclose(pipe);
    EXPECT_NE(output.find("medcode-server: serving"), std::string::npos) << output;
    EXPECT_NE(output.find("medcode-server: stopped\nexit=0"), std::string::npos) << signal << ": " << output;
  }
}

// Counts and flags are refused before anything starts: --threads -1 is not 4294967295 threads.
TEST(ServerProgramTest, RefusesBadCountsAndMisspelledFlags) {
  const auto run_server = [](const std::string& arguments) {
    const std::string command = std::string(MEDCODE_SERVER_BIN) + " " + arguments + " 2>&1; echo exit=$?";
    FILE* pipe = ::popen(command.c_str(), "r");
    std::string output;
    char buffer[1024];
    while (std::size_t got = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, got);
    ::pclose(pipe);
    return output;
  };
  const std::string index = " --index " + testing::shared_fixture_index();
  EXPECT_EQ(run_server(index + " --threads -1"), "medcode-server: --threads \"-1\": must be 0 or more\nexit=64\n");
  EXPECT_EQ(run_server(index + " --threads 5000"),
            "medcode-server: --threads \"5000\": must be at most 1024\nexit=64\n");
  EXPECT_EQ(run_server(index + " --cache-entries -5"),
            "medcode-server: --cache-entries \"-5\": must be 0 or more\nexit=64\n");
  EXPECT_EQ(run_server(index + " --max-connections 0"),
            "medcode-server: --max-connections \"0\": must be between 1 and 1000000\nexit=64\n");
  EXPECT_EQ(run_server(index + " --listen 127.0.0.1:0 --cors-origin https://ehr.example.org --cors-origin ehr.example.org"),
            "medcode-server: --cors-origin \"ehr.example.org\": an origin starts with http:// or https://; give "
            "scheme://host[:port], e.g. https://ehr.example.org\nexit=64\n");
  const std::string flag = run_server(index + " --lisen 127.0.0.1:0");
  EXPECT_EQ(flag.rfind("medcode-server: unrecognised option '--lisen'; did you mean --listen?\n", 0), 0u) << flag;
  EXPECT_NE(flag.find("exit=64"), std::string::npos) << flag;
}

// --help states the safe defaults and lists every flag with its default.
TEST(ServerProgramTest, HelpStatesTheSafeDefaults) {
  FILE* pipe = ::popen((std::string(MEDCODE_SERVER_BIN) + " --help 2>&1").c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string output;
  char buffer[1024];
  while (std::size_t got = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, got);
  EXPECT_EQ(::pclose(pipe), 0);
  for (const char* line : {"Serves the index read-only (it never writes to DIR) on loopback unless --listen names",
                           "--listen arg (=127.0.0.1:8080)", "--max-connections arg (=1024)", "--cors-origin ORIGIN",
                           "(default: none)"}) {
    EXPECT_NE(output.find(line), std::string::npos) << line << " in:\n" << output;
  }
}

}  // namespace
}  // namespace medcode
