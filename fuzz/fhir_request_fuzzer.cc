// libFuzzer target over the FHIR terminology service: the input's first line is the method,
// its second the path below /fhir with an optional query ("/ValueSet/$expand?url=..."), the
// rest the body (a Parameters resource, tx-resource CodeSystems and ValueSets included),
// answered over the fixture index. Every answer must be an OperationOutcome or a result with
// a status a client can read, never the last-resort 500.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>

#include "fuzz/fixture_index.h"
#include "searcher/fhir/fhir_service.h"
#include "searcher/fhir/resource_store.h"

namespace {

// A small store (medcode-server --fhir-resources), so the stored read and search routes and
// stored value sets are fuzzed too.
const medcode::searcher::fhir::ResourceStore* fixture_store() {
  static const std::shared_ptr<const medcode::searcher::fhir::ResourceStore> store = [] {
    char directory[] = "/tmp/medcode-fuzz-store-XXXXXX";
    if (mkdtemp(directory) == nullptr) std::abort();
    std::ofstream(std::string(directory) + "/cs.json")
        << R"({"resourceType":"CodeSystem","id":"fuzz-cs","url":"http://example.org/cs","version":"1","status":"active",
             "content":"complete","concept":[{"code":"a","display":"A","concept":[{"code":"b","display":"B"}]}]})";
    std::ofstream(std::string(directory) + "/vs.json")
        << R"({"resourceType":"ValueSet","id":"fuzz-vs","url":"http://example.org/vs","status":"active",
             "compose":{"include":[{"system":"http://example.org/cs"}]}})";
    auto loaded = medcode::searcher::fhir::ResourceStore::load_directory(directory);
    // The store holds what it read: the files can go.
    std::remove((std::string(directory) + "/cs.json").c_str());
    std::remove((std::string(directory) + "/vs.json").c_str());
    rmdir(directory);
    if (!loaded.is_ok()) std::abort();
    return std::move(loaded).value();
  }();
  return store.get();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const std::size_t first = input.find('\n');
  const std::size_t second = first == std::string::npos ? std::string::npos : input.find('\n', first + 1);
  medcode::searcher::fhir::FhirRequest request;
  request.method = first == std::string::npos ? "POST" : input.substr(0, first);
  std::string target = first == std::string::npos ? "/ValueSet/$expand" : input.substr(first + 1, second - first - 1);
  request.body = second == std::string::npos ? (first == std::string::npos ? input : "") : input.substr(second + 1);
  // The query as the HTTP layer hands it over: name=value pairs split at & (no %-decoding:
  // the HTTP fuzzer covers that).
  const std::size_t question = target.find('?');
  if (question != std::string::npos) {
    const std::string query = target.substr(question + 1);
    target.resize(question);
    std::size_t start = 0;
    while (start <= query.size()) {
      std::size_t end = query.find('&', start);
      if (end == std::string::npos) end = query.size();
      const std::string pair = query.substr(start, end - start);
      const std::size_t equals = pair.find('=');
      request.query.emplace_back(pair.substr(0, equals), equals == std::string::npos ? "" : pair.substr(equals + 1));
      start = end + 1;
    }
  }
  request.path = target;
  request.content_type = "application/fhir+json";
  const auto answer =
      medcode::searcher::fhir::handle_fhir_request(request, *medcode::fuzzing::fixture_searcher().current(), fixture_store());
  // 500 is the service's last-resort catch: an exception escaped an operation, a bug.
  if (answer.status < 200 || answer.status >= 600 || answer.status == 500 || answer.body.empty()) __builtin_trap();
  return 0;
}
