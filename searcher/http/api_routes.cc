#include "searcher/http/api_routes.h"

#include "common/code_format.h"
#include "common/utf8.h"

#include <algorithm>
#include <exception>
#include <functional>
#include <vector>

#include "searcher/fhir/fhir_service.h"
#include "searcher/http/http_errors.h"
#include "searcher/http/query_params.h"
#include "searcher/http/web_assets.h"
#include "searcher/answer/answer.h"
#include "searcher/answer/answered_search.h"
#include "searcher/json/answer_json.h"
#include "searcher/json/search_json.h"

namespace medcode::searcher {
namespace {

using Handler = std::function<HttpResponse(const ParsedTarget&, const std::vector<std::string>&,
                                           const Searcher&, const Metrics&)>;

HttpResponse json(std::string body) {
  HttpResponse response;
  response.body = std::move(body);
  return response;
}

Result<bool> flag_param(const ParsedTarget& target, const std::string& name) {
  const std::string value = text_param(target, name);
  if (value.empty() || value == "false" || value == "0") return false;
  if (value == "true" || value == "1") return true;
  return Status::invalid_argument("parameter \"" + name + "\": " + quote_for_message(value) +
                                  " must be true or false");
}

Result<BillableFilter> billable_param(const ParsedTarget& target) {
  const std::string value = text_param(target, "billable");
  if (value.empty()) return BillableFilter::kAny;
  if (value == "true" || value == "1") return BillableFilter::kBillableOnly;
  if (value == "false" || value == "0") return BillableFilter::kHeadersOnly;
  return Status::invalid_argument("parameter \"billable\": \"" + value.substr(0, 20) +
                                  "\" must be true or false");
}

HttpResponse search(const ParsedTarget& target, const std::vector<std::string>&,
                    const Searcher& searcher, const Metrics&) {
  SearchRequest request;
  request.query = text_param(target, "q");
  request.system = text_param(target, "system");
  request.release = text_param(target, "release");
  request.changed_in = text_param(target, "changed_in");
  auto billable = billable_param(target);
  auto include_deleted = flag_param(target, "include_deleted");
  auto limit = count_param(target, "limit", request.limit);
  auto offset = count_param(target, "offset", 0);
  for (const Status* status : {&billable.status(), &include_deleted.status(), &limit.status(), &offset.status()}) {
    if (!status->is_ok()) return error_response(*status);
  }
  request.billable = billable.value();
  request.include_deleted = include_deleted.value();
  request.limit = limit.value();
  request.offset = offset.value();
  request.with_snippets = true;  // the page and API clients show what matched
  // A coding question gets its answer too (answered_search.h).
  auto searched = search_with_answer(searcher, request);
  if (!searched.is_ok()) return error_response(searched.status());
  const auto& answer = searched.value().answer;
  return json(search_response_to_json(searched.value().response, answer ? answer_to_json(*answer) : ""));
}

HttpResponse answer(const ParsedTarget& target, const std::vector<std::string>&, const Searcher& searcher,
                    const Metrics&) {
  auto answered = answer_question(searcher, text_param(target, "q"));
  return answered.is_ok() ? json(answer_to_json(answered.value())) : error_response(answered.status());
}

HttpResponse suggest(const ParsedTarget& target, const std::vector<std::string>&,
                     const Searcher& searcher, const Metrics&) {
  SuggestRequest request;
  request.query = text_param(target, "q");
  request.system = text_param(target, "system");
  request.release = text_param(target, "release");
  auto limit = count_param(target, "limit", request.limit);
  if (!limit.is_ok()) return error_response(limit.status());
  request.limit = limit.value();
  auto response = searcher.suggest(request);
  return response.is_ok() ? json(suggest_response_to_json(response.value())) : error_response(response.status());
}

HttpResponse code(const ParsedTarget&, const std::vector<std::string>& parts, const Searcher& searcher,
                  const Metrics&) {
  auto detail = searcher.code_detail(parts[0], parts[1]);
  return detail.is_ok() ? json(code_detail_to_json(detail.value())) : error_response(detail.status());
}

HttpResponse guideline_search(const ParsedTarget& target, const std::vector<std::string>&,
                              const Searcher& searcher, const Metrics&) {
  SearchRequest request;
  request.query = text_param(target, "q");
  request.system = std::string(kGuidelines);
  auto limit = count_param(target, "limit", request.limit);
  auto offset = count_param(target, "offset", 0);
  for (const Status* status : {&limit.status(), &offset.status()}) {
    if (!status->is_ok()) return error_response(*status);
  }
  request.limit = limit.value();
  request.offset = offset.value();
  request.with_snippets = true;
  // The route names the code set, so an index without it has nothing here: not a bad parameter.
  if (!searcher.check_system(request.system).is_ok()) {
    return error_response(404, "not_found", "this index has no Official Guidelines; build it with the guidelines code set");
  }
  auto response = searcher.search(request);
  return response.is_ok() ? json(search_response_to_json(response.value())) : error_response(response.status());
}

HttpResponse guideline(const ParsedTarget&, const std::vector<std::string>& parts, const Searcher& searcher,
                       const Metrics&) {
  auto detail = searcher.code_detail(std::string(kGuidelines), parts[0]);
  if (!detail.is_ok() && detail.status().code() == StatusCode::kNotFound) {
    return error_response(404, "not_found", "guideline section \"" + parts[0].substr(0, 40) +
                                                "\" not found; sections are numbered like I.C.9.a.1");
  }
  return detail.is_ok() ? json(code_detail_to_json(detail.value())) : error_response(detail.status());
}

HttpResponse health(const ParsedTarget&, const std::vector<std::string>&, const Searcher& searcher,
                    const Metrics&) {
  return json(index_info_to_json(searcher.info()));
}

HttpResponse metrics(const ParsedTarget&, const std::vector<std::string>&, const Searcher& searcher,
                     const Metrics& metrics) {
  const IndexInfo info = searcher.info();
  HttpResponse response;
  response.content_type = "text/plain; version=0.0.4";
  response.body = metrics.render(info.release, info.built_at);
  return response;
}

HttpResponse asset(const std::string& name) {
  const WebAsset* found = find_web_asset(name);
  if (found == nullptr) return error_response(404, "not_found", "no asset " + name.substr(0, 60));
  HttpResponse response;
  response.content_type = std::string(found->content_type);
  response.body = std::string(found->content);
  response.headers.emplace_back("Cache-Control", "no-cache");
  return response;
}

HttpResponse page(const ParsedTarget&, const std::vector<std::string>&, const Searcher&, const Metrics&) {
  return asset("index.html");
}

HttpResponse page_asset(const ParsedTarget&, const std::vector<std::string>& parts, const Searcher&,
                        const Metrics&) {
  return asset(parts[0]);
}

// Everything under /fhir goes to the FHIR terminology service (searcher/fhir/).
HttpResponse fhir_route(const HttpRequest& request, const ParsedTarget& target, const Searcher& searcher,
                        const fhir::ResourceStore* store) {
  fhir::FhirRequest fhir_request;
  fhir_request.method = request.method;
  fhir_request.path = target.path.substr(5);  // after "/fhir"
  fhir_request.query = target.ordered;
  fhir_request.body = request.body;
  fhir_request.content_type = request.content_type;
  fhir_request.accept_language = request.accept_language;
  const fhir::FhirResponse answer = fhir::handle_fhir_request(fhir_request, searcher, store);
  HttpResponse response;
  response.status = answer.status;
  response.content_type = answer.content_type;
  response.body = answer.body;
  return response;
}

// One row per route: path pattern ("*" matches one segment, captured), route label, the
// query parameters it accepts, handler.
struct RouteRow {
  std::vector<std::string> pattern;
  Route route;
  std::vector<std::string> params;
  Handler handler;
};

// A parameter the route does not know is refused rather than ignored: "lmit" would
// otherwise silently give 10 results.
Status check_params(const ParsedTarget& target, const RouteRow& row) {
  if (row.params.size() == 1 && row.params[0] == "*") return Status::ok();
  for (const auto& [name, value] : target.params) {
    if (std::find(row.params.begin(), row.params.end(), name) != row.params.end()) continue;
    std::string accepted;
    for (const auto& known : row.params) accepted += (accepted.empty() ? "" : ", ") + known;
    return Status::invalid_argument("unknown parameter " + quote_for_message(name) + " for " + target.path.substr(0, 60) +
                                    (accepted.empty() ? "; it takes no parameters" : "; it accepts " + accepted));
  }
  return Status::ok();
}

// The page keeps its state in its URL and reads it in app.js; links shared from elsewhere
// carry tracking parameters, so the page takes any.
const std::vector<std::string> kPageParams = {"*"};

const std::vector<RouteRow>& route_table() {
  static const std::vector<RouteRow> table = {
      {{}, Route::kPage, kPageParams, page},
      {{"code", "*", "*"}, Route::kPage, kPageParams, page},
      {{"guideline", "*"}, Route::kPage, kPageParams, page},
      {{"assets", "*"}, Route::kAsset, {}, page_asset},
      {{"v1", "search"}, Route::kSearch,
       {"q", "system", "release", "changed_in", "billable", "include_deleted", "limit", "offset"}, search},
      {{"v1", "suggest"}, Route::kSuggest, {"q", "system", "release", "limit"}, suggest},
      {{"v1", "answer"}, Route::kAnswer, {"q"}, answer},
      {{"v1", "codes", "*", "*"}, Route::kCode, {}, code},
      {{"v1", "guidelines", "search"}, Route::kGuidelineSearch, {"q", "limit", "offset"}, guideline_search},
      {{"v1", "guidelines", "*"}, Route::kGuideline, {}, guideline},
      {{"healthz"}, Route::kHealth, {}, health},
      {{"metrics"}, Route::kMetrics, {}, metrics},
  };
  return table;
}

std::vector<std::string> segments(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start < path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    if (end > start) parts.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

// Answers that depend only on the target and the index.
bool is_cacheable(Route route) {
  return route == Route::kSearch || route == Route::kSuggest || route == Route::kCode ||
         route == Route::kGuidelineSearch || route == Route::kGuideline || route == Route::kAnswer;
}

}  // namespace

HttpResponse handle_request(const HttpRequest& request, ReloadingSearcher& searcher,
                            const Metrics& metrics_in, Route& route, ResponseCache* cache,
                            const CorsPolicy* cors, const fhir::ResourceStore* fhir_store) {
  route = Route::kOther;
  try {
    auto target = parse_target(request.target);
    if (!target.is_ok()) return error_response(target.status());
    const std::vector<std::string> parts = segments(target.value().path);
    if (!parts.empty() && parts[0] == "fhir") {
      route = Route::kFhir;
      if (cors != nullptr) {
        if (auto preflight = cors->preflight(request)) return std::move(*preflight);
      }
      return fhir_route(request, target.value(), *searcher.current(), fhir_store);
    }
    for (const RouteRow& row : route_table()) {
      if (row.pattern.size() != parts.size()) continue;
      std::vector<std::string> captured;
      bool matches = true;
      for (std::size_t i = 0; i < parts.size() && matches; ++i) {
        if (row.pattern[i] == "*") {
          captured.push_back(parts[i]);
        } else {
          matches = row.pattern[i] == parts[i];
        }
      }
      if (!matches) continue;
      route = row.route;
      if (cors != nullptr) {
        if (auto preflight = cors->preflight(request)) return std::move(*preflight);
      }
      if (request.method != "GET" && request.method != "HEAD") {
        HttpResponse refused = error_response(405, "method_not_allowed",
                                              "method " + request.method.substr(0, 16) +
                                                  " not allowed; use GET");
        refused.headers.emplace_back("Allow", "GET, HEAD");
        return refused;
      }
      if (Status params = check_params(target.value(), row); !params.is_ok()) return error_response(params);
      const std::shared_ptr<const Searcher> current = searcher.current();
      const bool cached = cache != nullptr && is_cacheable(row.route);
      if (cached) {
        if (auto hit = cache->find(current->index_id(), request.target)) return std::move(*hit);
      }
      HttpResponse response = row.handler(target.value(), captured, *current, metrics_in);
      if (cached && response.status == 200) cache->store(current->index_id(), request.target, response);
      return response;
    }
    return error_response(404, "not_found", "no route for " + target.value().path.substr(0, 100));
  } catch (const std::exception& error) {
    return error_response(Status::internal(std::string("request failed: ") + error.what()));
  }
}

}  // namespace medcode::searcher
