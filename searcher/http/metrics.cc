#include "searcher/http/metrics.h"

#include "searcher/http/response_cache.h"

#include <cstdio>

namespace medcode::searcher {

const char* route_name(Route route) {
  switch (route) {
    case Route::kSearch: return "search";
    case Route::kSuggest: return "suggest";
    case Route::kCode: return "code";
    case Route::kGuidelineSearch: return "guideline_search";
    case Route::kGuideline: return "guideline";
    case Route::kAnswer: return "answer";
    case Route::kHealth: return "healthz";
    case Route::kMetrics: return "metrics";
    case Route::kPage: return "page";
    case Route::kAsset: return "asset";
    case Route::kFhir: return "fhir";
    case Route::kOther: return "other";
  }
  return "other";
}

void Metrics::record(Route route, int http_status, double seconds) {
  PerRoute& r = routes_[static_cast<std::size_t>(route)];
  const int status_class = http_status / 100;
  if (status_class >= 1 && status_class <= 5) r.by_status_class[status_class].fetch_add(1);
  std::size_t bucket = 0;
  while (bucket < kBucketSeconds.size() && seconds > kBucketSeconds[bucket]) ++bucket;
  r.buckets[bucket].fetch_add(1);
  r.count.fetch_add(1);
  r.sum_microseconds.fetch_add(static_cast<uint64_t>(seconds * 1e6));
}

std::string Metrics::render(const std::string& index_release, const std::string& index_built_at) const {
  std::string out;
  char line[256];
  out += "# HELP medcode_http_requests_total HTTP requests by route and status class.\n";
  out += "# TYPE medcode_http_requests_total counter\n";
  for (std::size_t i = 0; i < kRouteCount; ++i) {
    for (int status_class = 1; status_class <= 5; ++status_class) {
      const uint64_t n = routes_[i].by_status_class[status_class].load();
      if (n == 0) continue;
      std::snprintf(line, sizeof line, "medcode_http_requests_total{route=\"%s\",code=\"%dxx\"} %llu\n",
                    route_name(static_cast<Route>(i)), status_class, static_cast<unsigned long long>(n));
      out += line;
    }
  }
  if (cache_ != nullptr) {
    out += "# HELP medcode_response_cache_hits_total API answers served from the response cache.\n";
    out += "# TYPE medcode_response_cache_hits_total counter\n";
    out += "medcode_response_cache_hits_total " + std::to_string(cache_->hits()) + "\n";
    out += "# TYPE medcode_response_cache_misses_total counter\n";
    out += "medcode_response_cache_misses_total " + std::to_string(cache_->misses()) + "\n";
    out += "# TYPE medcode_response_cache_entries gauge\n";
    out += "medcode_response_cache_entries " + std::to_string(cache_->size()) + "\n";
  }
  out += "# HELP medcode_http_request_duration_seconds Time to answer a request, by route.\n";
  out += "# TYPE medcode_http_request_duration_seconds histogram\n";
  for (std::size_t i = 0; i < kRouteCount; ++i) {
    const PerRoute& r = routes_[i];
    const char* name = route_name(static_cast<Route>(i));
    uint64_t cumulative = 0;
    for (std::size_t b = 0; b < kBucketSeconds.size(); ++b) {
      cumulative += r.buckets[b].load();
      std::snprintf(line, sizeof line,
                    "medcode_http_request_duration_seconds_bucket{route=\"%s\",le=\"%g\"} %llu\n", name,
                    kBucketSeconds[b], static_cast<unsigned long long>(cumulative));
      out += line;
    }
    cumulative += r.buckets[kBucketSeconds.size()].load();
    std::snprintf(line, sizeof line,
                  "medcode_http_request_duration_seconds_bucket{route=\"%s\",le=\"+Inf\"} %llu\n"
                  "medcode_http_request_duration_seconds_sum{route=\"%s\"} %.6f\n"
                  "medcode_http_request_duration_seconds_count{route=\"%s\"} %llu\n",
                  name, static_cast<unsigned long long>(cumulative), name,
                  static_cast<double>(r.sum_microseconds.load()) / 1e6, name,
                  static_cast<unsigned long long>(r.count.load()));
    out += line;
  }
  out += "# HELP medcode_index_info The index being served.\n# TYPE medcode_index_info gauge\n";
  out += "medcode_index_info{release=\"" + index_release + "\",built_at=\"" + index_built_at + "\"} 1\n";
  return out;
}

}  // namespace medcode::searcher
