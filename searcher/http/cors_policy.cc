#include "searcher/http/cors_policy.h"

#include <algorithm>
#include <cctype>

#include "common/utf8.h"

namespace medcode::searcher {
namespace {

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return text;
}

// A DNS name or IPv4 address (lowercase), or a bracketed IPv6 address.
bool is_host(const std::string& host) {
  if (host.empty()) return false;
  if (host.front() == '[') return host.size() > 2 && host.back() == ']';
  return host.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789.-") == std::string::npos;
}

// An origin as a browser serializes it: scheme "://" host [":" port], no path, no user.
// Returns it lowercased, the scheme's default port dropped (browsers omit it), or the
// reason it is not one.
Result<std::string> parse_origin(const std::string& given) {
  const std::string quoted = "--cors-origin " + quote_for_message(given);
  const std::string example = "; give scheme://host[:port], e.g. https://ehr.example.org";
  const std::string origin = lowercase(given);
  if (origin == "null") {
    return Status::invalid_argument(
        quoted + ": the \"null\" origin (files, sandboxed frames) cannot be allowed" + example);
  }
  const bool https = origin.rfind("https://", 0) == 0;
  if (!https && origin.rfind("http://", 0) != 0) {
    return Status::invalid_argument(quoted + ": an origin starts with http:// or https://" +
                                    example);
  }
  const std::string authority = origin.substr(https ? 8 : 7);
  if (authority.find_first_of("/?#") != std::string::npos) {
    return Status::invalid_argument(quoted + ": an origin has no path" + example);
  }
  // A bracketed IPv6 host holds colons; the port follows the closing bracket.
  const std::size_t host_end = authority.rfind(']');
  const std::size_t colon = authority.find(':', host_end == std::string::npos ? 0 : host_end);
  const std::string host = authority.substr(0, colon);
  const std::string port = colon == std::string::npos ? "" : authority.substr(colon + 1);
  if (!is_host(host)) {
    return Status::invalid_argument(quoted + ": " + quote_for_message(host) +
                                    " is not a host name" + example);
  }
  if (colon != std::string::npos && (port.empty() || port.size() > 5 ||
                                     port.find_first_not_of("0123456789") != std::string::npos ||
                                     std::stoul(port) == 0 || std::stoul(port) > 65535)) {
    return Status::invalid_argument(quoted + ": port must be 1-65535" + example);
  }
  if ((https && port == "443") || (!https && port == "80")) {
    return origin.substr(0, origin.size() - port.size() - 1);
  }
  return origin;
}

}  // namespace

Result<CorsPolicy> CorsPolicy::from_origins(const std::vector<std::string>& origins) {
  CorsPolicy policy;
  for (const std::string& given : origins) {
    if (given == "*") {
      if (origins.size() > 1) {
        return Status::invalid_argument(
            "--cors-origin \"*\": \"*\" allows every origin; give it alone, without other "
            "--cors-origin values");
      }
      policy.any_origin_ = true;
      continue;
    }
    auto origin = parse_origin(given);
    if (!origin.is_ok()) return origin.status();
    policy.origins_.push_back(std::move(origin).value());
  }
  return policy;
}

bool CorsPolicy::allows(const std::string& origin) const {
  if (origin.empty()) return false;
  return any_origin_ || std::find(origins_.begin(), origins_.end(), origin) != origins_.end();
}

std::optional<HttpResponse> CorsPolicy::preflight(const HttpRequest& request) const {
  if (request.method != "OPTIONS" || request.preflight_method.empty() || !allows(request.origin))
    return std::nullopt;
  HttpResponse response;
  response.status = 204;
  response.content_type = "";  // no body to describe
  response.headers.emplace_back("Access-Control-Allow-Methods", kAllowMethods);
  response.headers.emplace_back("Access-Control-Allow-Headers", kAllowHeaders);
  response.headers.emplace_back("Access-Control-Max-Age", std::to_string(kMaxAgeSeconds));
  return response;
}

void CorsPolicy::add_headers(const HttpRequest& request, HttpResponse& response) const {
  if (any_origin_) {
    response.headers.emplace_back("Access-Control-Allow-Origin", "*");
    return;
  }
  if (origins_.empty()) return;
  response.headers.emplace_back("Vary", "Origin");
  if (allows(request.origin))
    response.headers.emplace_back("Access-Control-Allow-Origin", request.origin);
}

}  // namespace medcode::searcher
