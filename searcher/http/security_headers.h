// The headers every medcode-server response carries so a browser treats it safely: a
// Content-Security-Policy (https://www.w3.org/TR/CSP3/) allowing the page only its own
// assets, no MIME sniffing, no Referer sent on, and no framing by other sites.
#pragma once

#include "searcher/http/http_exchange.h"

namespace medcode::searcher {

// The web page's policy: script, style, images and fetches from this server only, no inline
// script or style, no plugins, forms submit only here, no framing. The page must not need more.
inline constexpr const char* kPageContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src "
    "'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

// Everything else (JSON, metrics, assets): nothing may load or run, should a browser ever
// render it as a document.
inline constexpr const char* kApiContentSecurityPolicy =
    "default-src 'none'; frame-ancestors 'none'";

// Adds to response: Content-Security-Policy (the page's for text/html, the API's otherwise),
// X-Content-Type-Options: nosniff, Referrer-Policy: no-referrer (search terms in our URLs
// can describe a patient; they go nowhere, not even as an origin), and X-Frame-Options: DENY
// (frame-ancestors for browsers without CSP 2).
void add_security_headers(HttpResponse& response);

}  // namespace medcode::searcher
