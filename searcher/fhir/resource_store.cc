#include "searcher/fhir/resource_store.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "searcher/fhir/internal/operation_input.h"
#include "searcher/fhir/internal/resource_loading.h"

namespace medcode::searcher::fhir {
namespace {

constexpr std::uintmax_t kMaxFileBytes = 64ull << 20;

std::string compact(const JsonValue& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace

Result<std::shared_ptr<const ResourceStore>> ResourceStore::load_directory(const std::string& directory) {
  std::error_code error;
  if (!std::filesystem::is_directory(directory, error)) {
    return Status::invalid_argument("--fhir-resources \"" + directory + "\": not a directory of FHIR JSON files");
  }
  std::vector<std::filesystem::path> files;
  std::filesystem::directory_iterator it(directory, error);
  for (; !error && it != std::filesystem::directory_iterator(); it.increment(error)) {
    std::error_code type_error;
    if (it->is_regular_file(type_error) && it->path().extension() == ".json") files.push_back(it->path());
  }
  if (error) return Status::io_error(directory + ": " + error.message());
  std::sort(files.begin(), files.end());

  auto store = std::make_shared<ResourceStore>();
  // The parsed files stay alive until every resource in them is read.
  std::vector<std::unique_ptr<rapidjson::Document>> documents;
  std::vector<std::pair<const JsonValue*, std::string>> resources;
  std::set<std::string> ids;         // "type/id"
  std::set<std::string> canonicals;  // "type url|version"
  for (const std::filesystem::path& file : files) {
    const std::string name = file.string();
    const std::uintmax_t size = std::filesystem::file_size(file, error);
    if (error) return Status::io_error(name + ": " + error.message());
    if (size > kMaxFileBytes) return Status::data_error(name + ": larger than 64 MiB; split it into several files");
    std::ifstream in(file, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    if (!in || in.bad()) return Status::io_error(name + ": cannot be read");
    const std::string text = bytes.str();
    const std::string_view body = without_byte_order_mark(text);
    if (json_depth(body) > kMaxJsonDepth) {
      return Status::data_error(name + ": JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    }
    auto document = std::make_unique<rapidjson::Document>();
    document->Parse<rapidjson::kParseIterativeFlag>(body.data(), body.size());
    if (document->HasParseError() || !document->IsObject()) {
      return Status::data_error(name + ": not a JSON object (at byte " + std::to_string(document->GetErrorOffset()) +
                                "); each file must be one CodeSystem or ValueSet resource, or a Bundle of them");
    }
    std::vector<const JsonValue*> in_file;
    if (string_member(*document, "resourceType") == "Bundle") {
      if (const JsonValue* entries = array_member(*document, "entry")) {
        for (const JsonValue& entry : entries->GetArray()) {
          if (const JsonValue* resource = member(entry, "resource"); resource != nullptr && resource->IsObject()) {
            in_file.push_back(resource);
          }
        }
      }
    } else {
      in_file.push_back(document.get());
    }
    for (std::size_t i = 0; i < in_file.size(); ++i) {
      const std::string type = string_member(*in_file[i], "resourceType");
      if (type != "CodeSystem" && type != "ValueSet") continue;
      const std::string where = in_file.size() > 1 ? name + " entry " + std::to_string(i) : name;
      Stored stored{type, string_member(*in_file[i], "id"), string_member(*in_file[i], "url"),
                    string_member(*in_file[i], "version"), compact(*in_file[i])};
      if (stored.id.empty()) stored.id = file.stem().string() + (in_file.size() > 1 ? "-" + std::to_string(i) : "");
      if (!ids.insert(type + "/" + stored.id).second) {
        return Status::data_error(where + ": a second " + type + " with id \"" + stored.id + "\"; ids must be unique");
      }
      if (!stored.url.empty() && !canonicals.insert(type + " " + stored.url + "|" + stored.version).second) {
        return Status::data_error(where + ": a second " + type + " " + stored.url + "|" + stored.version +
                                  "; one url and version is one resource (give the copies different versions)");
      }
      store->stored_.push_back(std::move(stored));
      resources.emplace_back(in_file[i], where);
    }
    documents.push_back(std::move(document));
  }
  if (Status added = add_resources(resources, store->registry_); !added.is_ok()) return Status::data_error(added.message());
  return std::shared_ptr<const ResourceStore>(std::move(store));
}

const ResourceStore::Stored* ResourceStore::read(const std::string& type, const std::string& id) const {
  for (const Stored& stored : stored_) {
    if (stored.type == type && stored.id == id) return &stored;
  }
  return nullptr;
}

std::vector<const ResourceStore::Stored*> ResourceStore::search(const std::string& type, const std::string& url,
                                                                 const std::string& version) const {
  std::vector<const Stored*> found;
  for (const Stored& stored : stored_) {
    if (stored.type != type) continue;
    if (!url.empty() && stored.url != url) continue;
    if (!version.empty() && stored.version != version) continue;
    found.push_back(&stored);
  }
  return found;
}

}  // namespace medcode::searcher::fhir
