// libFuzzer target over HTTP request handling: the first line of the input is the method,
// the rest the request target (path, query parameters, %-escapes), answered by every route
// on the fixture index, with and without the response cache.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "searcher/http/api_routes.h"
#include "fuzz/fixture_index.h"

namespace {

using namespace medcode;
using namespace medcode::searcher;
using medcode::fuzzing::fixture_searcher;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = input.find('\n');
  HttpRequest request;
  request.method = newline == std::string::npos ? "GET" : input.substr(0, newline);
  request.target = newline == std::string::npos ? input : input.substr(newline + 1);
  static Metrics metrics;
  static ResponseCache cache(64);
  Route route;
  const HttpResponse answered = handle_request(request, fixture_searcher(), metrics, route);
  if (answered.status < 200 || answered.status >= 600) __builtin_trap();
  (void)handle_request(request, fixture_searcher(), metrics, route, &cache);
  return 0;
}
