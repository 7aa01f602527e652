// The web page's files (searcher/http/web/), compiled into medcode-server so it serves
// them with no outside asset and no install step.
#pragma once

#include <string_view>

namespace medcode::searcher {

struct WebAsset {
  std::string_view name;          // "index.html", "app.js", "style.css"
  std::string_view content_type;  // "text/html; charset=utf-8", ...
  std::string_view content;
};

// The asset with that file name, or nullptr.
const WebAsset* find_web_asset(std::string_view name);

}  // namespace medcode::searcher
