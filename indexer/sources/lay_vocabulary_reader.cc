#include "indexer/sources/lay_vocabulary_reader.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <unordered_map>
#include <vector>

#include "common/text_trim.h"
#include "common/utf8.h"
#include "indexer/sources/source_bytes.h"

namespace medcode::indexer {
namespace {

// Walks bytes line by line; a line excludes its '\n' and a '\r' before it.
class LineCursor {
 public:
  explicit LineCursor(std::string_view bytes) : bytes_(bytes) {}

  bool next(std::string_view& line) {
    if (next_offset_ >= bytes_.size()) return false;
    offset_ = next_offset_;
    const std::size_t end = std::min(bytes_.find('\n', offset_), bytes_.size());
    line = bytes_.substr(offset_, end - offset_);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    next_offset_ = end + 1;
    ++number_;
    return true;
  }
  std::size_t number() const { return number_; }  // 1-based, of the last line returned
  std::size_t offset() const { return offset_; }  // byte offset of the last line returned

 private:
  std::string_view bytes_;
  std::size_t offset_ = 0;
  std::size_t next_offset_ = 0;
  std::size_t number_ = 0;
};

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equal_ignoring_ascii_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return ascii_lower(x) == ascii_lower(y);
         });
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

struct Quoted {
  std::string value;   // trimmed, escapes undone
  std::size_t length;  // bytes taken, both quotes included
};

// Reads the double-quoted string that text starts with. Both SPARQL literals and OBO strings
// escape with a backslash; whitespace escapes (\t \n \r, OBO's \W) become a space, since a
// synonym is one line, and any other escaped character stands for itself (\" \\ \!).
std::optional<Quoted> read_quoted(std::string_view text) {
  if (text.empty() || text.front() != '"') return std::nullopt;
  std::string value;
  for (std::size_t i = 1; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') return Quoted{std::string(trim_whitespace(value)), i + 1};
    if (c == '\\' && i + 1 < text.size()) {
      c = text[++i];
      if (c == 't' || c == 'n' || c == 'r' || c == 'W') c = ' ';
    }
    value += c;
  }
  return std::nullopt;
}

// A SPARQL TSV literal: "text", "text"@en or "text"^^<datatype>.
std::optional<std::string> read_literal(std::string_view cell) {
  auto quoted = read_quoted(cell);
  if (!quoted) return std::nullopt;
  const std::string_view tail = cell.substr(quoted->length);
  const bool language_tag = tail.size() > 1 && tail.front() == '@' &&
                            std::all_of(tail.begin() + 1, tail.end(), [](char c) {
                              return c == '-' || (c >= '0' && c <= '9') ||
                                     (ascii_lower(c) >= 'a' && ascii_lower(c) <= 'z');
                            });
  const bool datatype = tail.size() > 4 && tail.substr(0, 3) == "^^<" && tail.back() == '>';
  if (!tail.empty() && !language_tag && !datatype) return std::nullopt;
  return std::move(quoted->value);
}

std::string location_of(const std::string& source_name, std::size_t line) {
  return source_name + ":" + std::to_string(line);
}

}  // namespace

Result<SynonymList> read_hpo_layperson_synonyms(std::string_view bytes,
                                                const std::string& source_name) {
  if (Status utf8 = check_utf8(bytes, source_name); !utf8.is_ok()) return utf8;
  SynonymList list;
  LineCursor lines(bytes);
  std::string_view line;
  while (lines.next(line)) {
    // The first line is the SPARQL header: ?term ?term_label ?layperson.
    if (trim_whitespace(line).empty() || (lines.number() == 1 && line.front() == '?')) continue;
    const std::string location = location_of(source_name, lines.number());
    const std::vector<std::string_view> cells = split(line, '\t');
    if (cells.size() != 3) {
      list.skipped.add(location,
                       "expected 3 tab-separated columns (term, label, layperson), found " +
                           std::to_string(cells.size()));
      continue;
    }
    const std::string_view term = trim_whitespace(cells[0]);
    if (term.size() < 3 || term.front() != '<' || term.back() != '>') {
      list.skipped.add(location, "term is not an IRI in <...>: " + quote_for_message(term));
      continue;
    }
    const std::optional<std::string> label = read_literal(trim_whitespace(cells[1]));
    const std::optional<std::string> layperson = read_literal(trim_whitespace(cells[2]));
    if (!label || !layperson) {
      list.skipped.add(location, std::string(label ? "layperson synonym" : "label") +
                                     " is not a quoted literal: " +
                                     quote_for_message(trim_whitespace(cells[label ? 2 : 1])));
    } else if (label->empty() || layperson->empty()) {
      list.skipped.add(location,
                       std::string(label->empty() ? "label" : "layperson synonym") + " is empty");
    } else if (equal_ignoring_ascii_case(*label, *layperson)) {
      list.skipped.add(location,
                       "layperson synonym " + quote_for_message(*layperson) + " equals the label");
    } else {
      list.rows.push_back(SynonymRow{*layperson, {*label}, location});
    }
  }
  return list;
}

namespace {

struct OboSynonym {
  std::string text;
  std::string location;
};

struct OboTerm {
  std::string location;  // of its "[Term]" line
  std::string name;
  bool is_obsolete = false;
  std::vector<OboSynonym> exact_synonyms;
};

// An unquoted OBO value: up to an unescaped '!', which starts a comment, with escapes undone.
std::string obo_value(std::string_view raw) {
  std::string value;
  for (std::size_t i = 0; i < raw.size() && raw[i] != '!'; ++i) {
    if (raw[i] == '\\' && i + 1 < raw.size()) ++i;
    value += raw[i];
  }
  return std::string(trim_whitespace(value));
}

// Adds the EXACT synonyms of a finished, live [Term] both ways.
void add_term(const OboTerm& term, SynonymList& list) {
  if (term.is_obsolete) return;
  if (term.name.empty()) {
    list.skipped.add(term.location, "[Term] has no name");
    return;
  }
  for (const OboSynonym& synonym : term.exact_synonyms) {
    if (equal_ignoring_ascii_case(synonym.text, term.name)) {
      list.skipped.add(synonym.location,
                       "synonym " + quote_for_message(synonym.text) + " equals the name");
      continue;
    }
    list.rows.push_back(SynonymRow{synonym.text, {term.name}, synonym.location});
    list.rows.push_back(SynonymRow{term.name, {synonym.text}, synonym.location});
  }
}

// Reads `"text" SCOPE [TYPE] [xrefs]` into term when the scope is EXACT; logs malformed ones.
void add_synonym(std::string_view value, const std::string& location, OboTerm& term,
                 SkipLog& skipped) {
  value = trim_whitespace(value);
  const std::optional<Quoted> quoted = read_quoted(value);
  if (!quoted) {
    skipped.add(location, "synonym is not a quoted string: " + quote_for_message(value));
    return;
  }
  const std::string_view rest = trim_whitespace(value.substr(quoted->length));
  const std::string_view scope = rest.substr(0, rest.find_first_of(" \t["));
  if (scope.empty()) {
    skipped.add(location, "synonym has no scope (EXACT, RELATED, BROAD or NARROW)");
  } else if (scope != "EXACT" && scope != "RELATED" && scope != "BROAD" && scope != "NARROW") {
    skipped.add(location, "synonym scope " + quote_for_message(scope) +
                              " is not EXACT, RELATED, BROAD or NARROW");
  } else if (quoted->value.empty()) {
    skipped.add(location, "synonym is empty");
  } else if (scope == "EXACT") {
    term.exact_synonyms.push_back(OboSynonym{quoted->value, location});
  }
}

}  // namespace

Result<SynonymList> read_symptom_ontology_synonyms(std::string_view bytes,
                                                   const std::string& source_name) {
  if (Status utf8 = check_utf8(bytes, source_name); !utf8.is_ok()) return utf8;
  SynonymList list;
  std::optional<OboTerm> term;  // the [Term] stanza being read, if any
  LineCursor lines(bytes);
  std::string_view line;
  while (lines.next(line)) {
    const std::string_view text = trim_whitespace(line);
    const std::string location = location_of(source_name, lines.number());
    if (!text.empty() && text.front() == '[') {
      if (term) add_term(*term, list);
      term.reset();
      if (text == "[Term]") term = OboTerm{location, "", false, {}};
      continue;
    }
    const std::size_t colon = text.find(':');
    if (!term || colon == std::string_view::npos) continue;
    const std::string_view tag = text.substr(0, colon);
    const std::string_view value = text.substr(colon + 1);
    if (tag == "name") {
      term->name = obo_value(value);
    } else if (tag == "is_obsolete") {
      term->is_obsolete = obo_value(value) == "true";
    } else if (tag == "synonym") {
      add_synonym(value, location, *term, list.skipped);
    }
  }
  if (term) add_term(*term, list);
  return list;
}

namespace {

// The roots of the medical senses, as sense keys lemma%1:lex_filenum:lex_id (wndb(5WN)),
// which stay put when byte offsets change between builds of the files.
struct SenseKey {
  std::string_view lemma;
  int lex_filenum;
  int lex_id;
};
// attack%1:26:00 ("a sudden occurrence of an uncontrollable condition") is not in the list
// of medical words but sits above stroke, seizure, thrombosis and embolism, which WordNet
// files under attack -> affliction (noun.event), outside every other root.
constexpr SenseKey kMedicalRoots[] = {
    {"disease", 26, 0}, {"illness", 26, 0},  {"disorder", 26, 3},  {"symptom", 26, 0},
    {"injury", 26, 0},  {"pain", 26, 0},     {"infection", 26, 0}, {"ill_health", 26, 0},
    {"attack", 26, 0},  {"body_part", 8, 0}, {"organ", 8, 0},
};
constexpr int kNounBody = 8;
constexpr int kNounProcess = 22;
constexpr int kNounState = 26;

struct Synset {
  int lex_filenum = 0;
  std::vector<std::pair<std::string_view, int>> words;  // as written, with lex_id
  std::vector<std::uint64_t> hypernyms;                 // @ and @i targets, data.noun offsets
  std::size_t line = 0;
};

std::optional<std::uint64_t> parse_number(std::string_view field, int base) {
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), value, base);
  if (field.empty() || error != std::errc() || end != field.data() + field.size())
    return std::nullopt;
  return value;
}

// Fills synset from the fields of one data.noun line (before its " | gloss"):
//   offset lex_filenum ss_type w_cnt (word lex_id)... p_cnt (symbol offset pos source/target)...
// Returns why the line does not parse, or nullopt.
std::optional<std::string> parse_synset(const std::vector<std::string_view>& fields,
                                        Synset& synset) {
  const auto lex_filenum = fields.size() > 3 ? parse_number(fields[1], 10) : std::nullopt;
  const auto word_count = fields.size() > 3 ? parse_number(fields[3], 16) : std::nullopt;
  if (!lex_filenum || fields[2] != "n" || !word_count)
    return "expected offset, lex_filenum, \"n\" and w_cnt";
  synset.lex_filenum = static_cast<int>(*lex_filenum);
  std::size_t at = 4;
  for (std::uint64_t i = 0; i < *word_count; ++i, at += 2) {
    const auto lex_id = at + 1 < fields.size() ? parse_number(fields[at + 1], 16) : std::nullopt;
    if (!lex_id)
      return "word " + std::to_string(i + 1) + " of " + std::to_string(*word_count) +
             " has no lex_id";
    synset.words.emplace_back(fields[at], static_cast<int>(*lex_id));
  }
  const auto pointer_count = at < fields.size() ? parse_number(fields[at], 10) : std::nullopt;
  if (!pointer_count || *pointer_count > fields.size() ||
      at + 1 + 4 * *pointer_count > fields.size()) {
    return "pointer count does not match the pointers";
  }
  for (std::uint64_t i = 0; i < *pointer_count; ++i) {
    const std::size_t pointer = at + 1 + 4 * i;
    const auto target = parse_number(fields[pointer + 1], 10);
    if (!target) return "pointer " + std::to_string(i + 1) + " has no target offset";
    const bool is_hypernym = fields[pointer] == "@" || fields[pointer] == "@i";
    if (is_hypernym && fields[pointer + 2] == "n") synset.hypernyms.push_back(*target);
  }
  return std::nullopt;
}

// "heart_attack" -> "heart attack"; data.adj's syntactic markers ("(p)", "(a)") are dropped.
std::string lemma_text(std::string_view word) {
  const std::size_t marker = word.rfind('(');
  if (!word.empty() && word.back() == ')' && marker != std::string_view::npos && marker > 0)
    word = word.substr(0, marker);
  std::string text(word);
  std::replace(text.begin(), text.end(), '_', ' ');
  return text;
}

// Usable lemmas of a synset, without case-insensitive repeats, one-character or digit-only ones.
std::vector<std::string> usable_lemmas(const Synset& synset) {
  std::vector<std::string> lemmas;
  for (const auto& [word, lex_id] : synset.words) {
    std::string text = lemma_text(word);
    const bool digits_only =
        std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    const bool repeated = std::any_of(lemmas.begin(), lemmas.end(), [&](const std::string& kept) {
      return equal_ignoring_ascii_case(kept, text);
    });
    if (text.size() > 1 && !digits_only && !repeated) lemmas.push_back(std::move(text));
  }
  return lemmas;
}

bool is_medical_root(const Synset& synset) {
  for (const auto& [word, lex_id] : synset.words) {
    for (const SenseKey& root : kMedicalRoots) {
      if (synset.lex_filenum == root.lex_filenum && lex_id == root.lex_id &&
          equal_ignoring_ascii_case(word, root.lemma)) {
        return true;
      }
    }
  }
  return false;
}

// Marks every synset whose hypernym closure reaches a root, walking hyponym-wards from the
// roots; the walk visits each synset once, so cycles in a damaged file cannot loop.
std::vector<bool> medical_closure(const std::vector<Synset>& synsets,
                                  const std::unordered_map<std::uint64_t, std::size_t>& by_offset) {
  std::vector<std::vector<std::size_t>> hyponyms(synsets.size());
  std::vector<std::size_t> pending;
  for (std::size_t i = 0; i < synsets.size(); ++i) {
    for (std::uint64_t target : synsets[i].hypernyms) {
      if (auto found = by_offset.find(target); found != by_offset.end())
        hyponyms[found->second].push_back(i);
    }
    if (is_medical_root(synsets[i])) pending.push_back(i);
  }
  std::vector<bool> medical(synsets.size(), false);
  for (std::size_t i : pending) medical[i] = true;
  while (!pending.empty()) {
    const std::size_t next = pending.back();
    pending.pop_back();
    for (std::size_t hyponym : hyponyms[next]) {
      if (!medical[hyponym]) pending.push_back(hyponym);
      medical[hyponym] = true;
    }
  }
  return medical;
}

}  // namespace

Result<SynonymList> read_wordnet_medical_synonyms(const std::string& wordnet_dir) {
  const std::string path = (std::filesystem::path(wordnet_dir) / "data.noun").string();
  auto bytes = load_source_bytes(SourceLocation{path, ""});
  if (!bytes.is_ok() && bytes.status().code() == StatusCode::kNotFound) {
    return Status::not_found(path + ": no such file; install Debian's wordnet-base");
  }
  if (!bytes.is_ok()) return bytes.status();
  if (Status utf8 = check_utf8(bytes.value(), path); !utf8.is_ok()) return utf8;

  SynonymList list;
  std::vector<Synset> synsets;
  std::unordered_map<std::uint64_t, std::size_t> by_offset;
  LineCursor lines(bytes.value());
  std::string_view line;
  while (lines.next(line)) {
    // The licence lines at the top start with two spaces and their number.
    if (line.empty() || line.front() == ' ') continue;
    const std::string_view head = line.substr(0, line.find('|'));
    std::vector<std::string_view> fields;
    for (std::string_view field : split(head, ' ')) {
      if (!field.empty()) fields.push_back(field);
    }
    // Pointers name synsets by byte offset, so an offset that is not where its line starts
    // means every pointer may be wrong: refuse the file rather than mine it.
    const auto offset = fields.empty() ? std::nullopt : parse_number(fields[0], 10);
    if (offset && *offset != lines.offset()) {
      return Status::data_error(location_of(path, lines.number()) + ": synset offset " +
                                std::string(fields[0]) + " is not the line's byte offset " +
                                std::to_string(lines.offset()) +
                                " (file altered, e.g. CRLF line ends?); reinstall wordnet-base");
    }
    Synset synset;
    synset.line = lines.number();
    std::optional<std::string> problem =
        offset ? parse_synset(fields, synset) : "line does not start with a synset offset";
    if (problem) {
      list.skipped.add(location_of(path, lines.number()), *problem);
      continue;
    }
    by_offset.emplace(*offset, synsets.size());
    synsets.push_back(std::move(synset));
  }

  const std::vector<bool> medical = medical_closure(synsets, by_offset);
  if (std::find(medical.begin(), medical.end(), true) == medical.end()) {
    return Status::data_error(
        path +
        ": none of the medical root synsets (disease%1:26:00, ...) is present; "
        "is this WordNet 3.0's data.noun?");
  }
  for (std::size_t i = 0; i < synsets.size(); ++i) {
    const int lex_filenum = synsets[i].lex_filenum;
    if (!medical[i] ||
        (lex_filenum != kNounBody && lex_filenum != kNounProcess && lex_filenum != kNounState))
      continue;
    const std::vector<std::string> lemmas = usable_lemmas(synsets[i]);
    if (lemmas.size() < 2) continue;
    const std::string location = location_of(path, synsets[i].line);
    for (const std::string& lemma : lemmas) {
      SynonymRow row{lemma, {}, location};
      for (const std::string& other : lemmas) {
        if (&other != &lemma) row.expansions.push_back(other);
      }
      list.rows.push_back(std::move(row));
    }
  }
  return list;
}

}  // namespace medcode::indexer
