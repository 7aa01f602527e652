// Request counts and latency histograms per route, rendered in the Prometheus text format
// (https://prometheus.io/docs/instrumenting/exposition_formats/). Thread-safe.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <string>

namespace medcode::searcher {

enum class Route {
  kSearch, kSuggest, kCode, kGuidelineSearch, kGuideline, kAnswer, kHealth, kMetrics, kPage, kAsset, kFhir, kOther
};
// kOther is last: every route has a slot.
inline constexpr std::size_t kRouteCount = static_cast<std::size_t>(Route::kOther) + 1;

// Name used as the route label: "search", "suggest", "code", ...
const char* route_name(Route route);

class ResponseCache;

class Metrics {
 public:
  // Upper bounds of the latency buckets, in seconds.
  static constexpr std::array<double, 11> kBucketSeconds = {0.0005, 0.001, 0.002, 0.005, 0.01, 0.025,
                                                           0.05,   0.1,   0.25,  0.5,   1.0};

  void record(Route route, int http_status, double seconds);

  // Reports this cache's hits, misses and size too (it must outlive the Metrics).
  void watch_cache(const ResponseCache* cache) { cache_ = cache; }

  // The text exposition: medcode_http_requests_total{route,code},
  // medcode_http_request_duration_seconds{route} histogram, medcode_index_info{release},
  // and with a cache, medcode_response_cache_{hits,misses}_total and _entries.
  std::string render(const std::string& index_release, const std::string& index_built_at) const;

 private:
  struct PerRoute {
    std::array<std::atomic<uint64_t>, 6> by_status_class{};  // 1xx..5xx, index 0 unused
    std::array<std::atomic<uint64_t>, kBucketSeconds.size() + 1> buckets{};
    std::atomic<uint64_t> count{0};
    std::atomic<uint64_t> sum_microseconds{0};
  };
  std::array<PerRoute, kRouteCount> routes_{};
  const ResponseCache* cache_ = nullptr;
};

}  // namespace medcode::searcher
