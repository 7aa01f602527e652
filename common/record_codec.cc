#include "common/record_codec.h"

#include <cstdint>

namespace medcode {
namespace {

class Encoder {
 public:
  void number(uint64_t value) {
    while (value >= 0x80) {
      out_ += static_cast<char>((value & 0x7F) | 0x80);
      value >>= 7;
    }
    out_ += static_cast<char>(value);
  }
  void text(std::string_view value) {
    number(value.size());
    out_.append(value);
  }
  void flag(bool value) { out_ += value ? '\1' : '\0'; }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

// Reads what Encoder wrote; after the first failure every read is a no-op and ok() is false.
class Decoder {
 public:
  explicit Decoder(std::string_view bytes) : bytes_(bytes) {}
  uint64_t number() {
    uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (!has(1)) return 0;
      const auto byte = static_cast<unsigned char>(bytes_[position_++]);
      value |= static_cast<uint64_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) return value;
    }
    failed_ = true;
    return 0;
  }
  int integer() { return static_cast<int>(number()); }
  std::string text() {
    const uint64_t size = number();
    if (!has(size)) return {};
    std::string value(bytes_.substr(position_, size));
    position_ += size;
    return value;
  }
  bool flag() {
    if (!has(1)) return false;
    return bytes_[position_++] != '\0';
  }
  // A count of items, refused when it could not possibly fit in what is left.
  std::size_t count() {
    const uint64_t n = number();
    if (n > bytes_.size() - position_) failed_ = true;
    return failed_ ? 0 : static_cast<std::size_t>(n);
  }
  bool ok() const { return !failed_; }
  std::size_t position() const { return position_; }
  bool at_end() const { return position_ == bytes_.size(); }

 private:
  bool has(uint64_t n) {
    if (failed_ || n > bytes_.size() - position_) {
      failed_ = true;
      return false;
    }
    return true;
  }
  std::string_view bytes_;
  std::size_t position_ = 0;
  bool failed_ = false;
};

}  // namespace

std::string encode_record(const CodeRecord& r) {
  Encoder e;
  e.number(kRecordCodecVersion);
  e.text(r.system);
  e.text(r.code);
  e.text(r.title);
  e.text(r.short_title);
  e.flag(r.is_billable);
  e.text(r.sort_key);
  e.text(r.validity.from_release);
  e.text(r.validity.from_date);
  e.text(r.validity.until_release);
  e.text(r.validity.through_date);
  e.number(r.validity.revised_in.size());
  for (const auto& release : r.validity.revised_in) e.text(release);
  e.text(r.parent);
  e.text(r.chapter);
  e.text(r.chapter_title);
  e.text(r.section);
  e.text(r.section_title);
  e.number(r.inclusion_terms.size());
  for (const auto& term : r.inclusion_terms) e.text(term);
  e.number(r.inclusion_terms_year);
  e.number(r.notes.size());
  for (const auto& note : r.notes) {
    e.number(static_cast<uint64_t>(note.kind));
    e.text(note.text);
    e.number(note.release_year);
  }
  e.number(r.seventh_characters.size());
  for (const auto& seventh : r.seventh_characters) {
    e.text(seventh.character);
    e.text(seventh.meaning);
    e.number(seventh.release_year);
  }
  e.number(r.index_entries.size());
  for (const auto& entry : r.index_entries) {
    e.number(static_cast<uint64_t>(entry.source));
    e.number(entry.path.size());
    for (const auto& step : entry.path) e.text(step);
    e.text(entry.column);
    e.number(entry.release_year);
    e.flag(entry.attached_to_ancestor);
  }
  e.number(r.attributes.size());
  for (const auto& attribute : r.attributes) {
    e.text(attribute.name);
    e.text(attribute.value);
    e.text(attribute.detail);
  }
  e.text(r.description);
  e.number(r.referenced_codes.size());
  for (const auto& code : r.referenced_codes) e.text(code);
  e.number(r.times_reported);
  // Millionths: the prior needs no more, and integers encode exactly.
  e.number(static_cast<uint64_t>(r.usage_prior * 1e6 + 0.5));
  return e.take();
}

Result<CodeRecord> decode_record(std::string_view bytes) {
  Decoder d(bytes);
  const uint64_t version = d.number();
  if (d.ok() && version != kRecordCodecVersion) {
    return Status::data_error("record data has codec version " + std::to_string(version) +
                              ", expected " + std::to_string(kRecordCodecVersion) +
                              "; rebuild the index with this medcode-indexer");
  }
  CodeRecord r;
  r.system = d.text();
  r.code = d.text();
  r.title = d.text();
  r.short_title = d.text();
  r.is_billable = d.flag();
  r.sort_key = d.text();
  r.validity.from_release = d.text();
  r.validity.from_date = d.text();
  r.validity.until_release = d.text();
  r.validity.through_date = d.text();
  r.validity.revised_in.resize(d.count());
  for (auto& release : r.validity.revised_in) release = d.text();
  r.parent = d.text();
  r.chapter = d.text();
  r.chapter_title = d.text();
  r.section = d.text();
  r.section_title = d.text();
  r.inclusion_terms.resize(d.count());
  for (auto& term : r.inclusion_terms) term = d.text();
  r.inclusion_terms_year = d.integer();
  r.notes.resize(d.count());
  for (auto& note : r.notes) {
    const uint64_t kind = d.number();
    if (kind > static_cast<uint64_t>(NoteKind::kSeventhCharNote)) {
      return Status::data_error("record data has unknown note kind " + std::to_string(kind));
    }
    note.kind = static_cast<NoteKind>(kind);
    note.text = d.text();
    note.release_year = d.integer();
  }
  r.seventh_characters.resize(d.count());
  for (auto& seventh : r.seventh_characters) {
    seventh.character = d.text();
    seventh.meaning = d.text();
    seventh.release_year = d.integer();
  }
  r.index_entries.resize(d.count());
  for (auto& entry : r.index_entries) {
    const uint64_t source = d.number();
    if (source > static_cast<uint64_t>(IndexSource::kPcsIndex)) {
      return Status::data_error("record data has unknown index source " + std::to_string(source));
    }
    entry.source = static_cast<IndexSource>(source);
    entry.path.resize(d.count());
    for (auto& step : entry.path) step = d.text();
    entry.column = d.text();
    entry.release_year = d.integer();
    entry.attached_to_ancestor = d.flag();
  }
  r.attributes.resize(d.count());
  for (auto& attribute : r.attributes) {
    attribute.name = d.text();
    attribute.value = d.text();
    attribute.detail = d.text();
  }
  r.description = d.text();
  r.referenced_codes.resize(d.count());
  for (auto& code : r.referenced_codes) code = d.text();
  r.times_reported = d.number();
  r.usage_prior = static_cast<double>(d.number()) / 1e6;
  if (!d.ok()) {
    return Status::data_error("record data is truncated at byte " + std::to_string(d.position()));
  }
  if (!d.at_end()) {
    return Status::data_error("record data has " + std::to_string(bytes.size() - d.position()) +
                              " unexpected trailing bytes");
  }
  return r;
}

}  // namespace medcode
