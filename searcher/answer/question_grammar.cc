// The question grammar: the words are tokenized, the code-shaped ones picked out, and the
// first shape whose cue words are present decides the type. The shapes are tried from the
// most specific cue (an out-of-scope subject, a crosswalk, validity, two codes) to the most
// general (a code with a question word, "code for <phrase>").
#include <algorithm>
#include <cctype>
#include <set>

#include "common/code_format.h"
#include "searcher/answer/question.h"

namespace medcode::searcher {
namespace {

using Words = std::set<std::string, std::less<>>;

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

// "401.9", "250.00", "486", "V45.81", "E880.9": an ICD-9-CM diagnosis code's shape.
bool is_icd9_diagnosis_shape(std::string_view word) {
  std::string_view head = word.substr(0, word.find('.'));
  const std::string_view tail = word.find('.') == std::string_view::npos ? "" : word.substr(word.find('.') + 1);
  if (word.find('.') != std::string_view::npos && (tail.empty() || tail.size() > 2 || !all_digits(tail))) return false;
  if (head.size() == 3 && all_digits(head)) return true;
  if (head.size() == 3 && head[0] == 'v' && all_digits(head.substr(1))) return true;
  // E codes only dotted ("E880.9"): undotted "e119" is ICD-10-CM E11.9.
  return head.size() == 4 && head[0] == 'e' && all_digits(head.substr(1)) && tail.size() == 1;
}

// "47.01", "81.54": an ICD-9-CM procedure code's shape (volume 3).
bool is_icd9_procedure_shape(std::string_view word) {
  const std::size_t dot = word.find('.');
  if (dot != 2) return false;
  const std::string_view tail = word.substr(3);
  return all_digits(word.substr(0, 2)) && !tail.empty() && tail.size() <= 2 && all_digits(tail);
}

// "99213", "0001F", "0042T": a CPT code's shape.
bool is_cpt_shape(std::string_view word) {
  if (word.size() != 5) return false;
  if (all_digits(word)) return true;
  return all_digits(word.substr(0, 4)) && (word[4] == 'f' || word[4] == 't' || word[4] == 'u');
}

// "fy2019", "fy19" -> "fy2019"; "" otherwise.
std::string release_of(std::string_view word) {
  if (word.size() == 6 && word.substr(0, 4) == "fy20" && all_digits(word.substr(2))) return std::string(word);
  if (word.size() == 4 && word.substr(0, 2) == "fy" && all_digits(word.substr(2))) return "fy20" + std::string(word.substr(2));
  return "";
}

// "7th", "2nd", "1st".
bool is_ordinal(std::string_view word) {
  if (word.size() < 3) return false;
  const std::string_view suffix = word.substr(word.size() - 2);
  return all_digits(word.substr(0, word.size() - 2)) &&
         (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th");
}

// "500mg", "5ml", "10units": a dose or size.
bool is_dose(std::string_view word) {
  std::size_t digits = 0;
  while (digits < word.size() && (std::isdigit(static_cast<unsigned char>(word[digits])) || word[digits] == '.')) ++digits;
  if (digits == 0 || digits == word.size()) return false;
  static const std::set<std::string_view> kUnits = {"mg", "mcg", "g", "kg", "ml", "l", "mm", "cm", "units", "iu", "meq", "mmol", "hr", "hrs", "h", "min", "mmhg", "lb", "lbs", "oz", "x"};
  return kUnits.count(word.substr(digits)) > 0;
}

bool is_year(std::string_view word) { return word.size() == 4 && word.substr(0, 2) == "20" && all_digits(word); }

// Lower-cased words; punctuation other than the dots, hyphens and apostrophes inside a word
// separates words. "ICD-10", "icd 10" and "icd10" become "icd10"; "FY 2019" "fy2019".
std::vector<std::string> tokenize(std::string_view text) {
  std::vector<std::string> raw;
  std::string word;
  auto flush = [&] {
    while (!word.empty() && (word.back() == '.' || word.back() == '-' || word.back() == '\'')) word.pop_back();
    while (!word.empty() && (word.front() == '\'' || word.front() == '-')) word.erase(word.begin());
    if (!word.empty()) raw.push_back(word);
    word.clear();
  };
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '.' || c == '-' || c == '\'' || u >= 0x80) {
      word += static_cast<char>(std::tolower(u));
    } else {
      flush();
    }
  }
  flush();
  std::vector<std::string> words;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    std::string w = raw[i];
    if (w.rfind("icd", 0) == 0) w.erase(std::remove(w.begin(), w.end(), '-'), w.end());
    if (w == "icd" && i + 1 < raw.size() && (raw[i + 1] == "10" || raw[i + 1] == "9")) w += raw[++i];
    if ((w == "icd10" || w == "icd9") && i + 1 < raw.size() && (raw[i + 1] == "cm" || raw[i + 1] == "pcs")) {
      w += raw[++i];
    }
    if (w == "fy" && i + 1 < raw.size() && (is_year(raw[i + 1]) || (raw[i + 1].size() == 2 && all_digits(raw[i + 1])))) {
      w += raw[++i];
    }
    if (!release_of(w).empty()) w = release_of(w);
    if (w == "vs") w = "versus";
    words.push_back(std::move(w));
  }
  return words;
}

const Words& question_words() {
  static const Words words = {
      "what", "whats", "what's", "is", "are", "the", "a", "an", "code", "codes", "coded", "coding", "for", "how",
      "do", "does", "did", "i", "you", "we", "to", "of", "icd", "icd10", "icd10cm", "icd10pcs", "icd9", "icd9cm",
      "cm", "pcs", "hcpcs", "diagnosis", "dx", "which", "should", "can", "could", "be", "used", "use", "bill",
      "billed", "billable", "guideline", "guidelines", "official", "rules", "rule", "when", "there", "it",
      "my", "me", "find", "get", "correct", "right", "proper", "please", "tell", "about", "changed", "changes",
      "change", "new", "updates", "updated", "added", "define", "definition", "meaning", "mean", "means",
      "describe", "explain", "sequence", "sequencing", "sequenced", "conventions", "convention", "level", "ii",
      "number", "give"};
  return words;
}

bool has_any(const std::vector<std::string>& words, const Words& cues) {
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return cues.count(w) > 0; });
}

bool has(const std::vector<std::string>& words, std::string_view cue) {
  return std::find(words.begin(), words.end(), cue) != words.end();
}

// "how to code", "when to use": cue followed (not necessarily at once) by another.
bool has_pair(const std::vector<std::string>& words, std::string_view first, const Words& then) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i] != first) continue;
    for (std::size_t j = i + 1; j < words.size() && j <= i + 3; ++j) {
      if (then.count(words[j])) return true;
    }
  }
  return false;
}

// The code-shaped words: ICD-10-CM, ICD-10-PCS, HCPCS shapes, a modifier after "modifier",
// and (for crosswalks) ICD-9-CM shapes. Releases and plain numbers are not codes.
struct Shapes {
  std::vector<std::string> codes;       // ICD-10-CM, PCS, HCPCS or modifier, as typed upper-cased
  std::vector<std::string> icd9;        // ICD-9-CM diagnosis or procedure shapes
  std::vector<std::size_t> code_at;     // word positions of codes
  std::vector<std::size_t> icd9_at;
  bool cpt = false;                     // a CPT-shaped code or CPT modifier
  std::vector<std::string> five_digits; // CPT-shaped numbers, which may be undotted ICD-9 codes
  bool modifier = false;
};

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

Shapes find_shapes(const std::vector<std::string>& words) {
  Shapes shapes;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    const bool after_modifier = i > 0 && words[i - 1] == "modifier";
    if (after_modifier && w.size() == 2 && std::all_of(w.begin(), w.end(), [](unsigned char c) { return std::isalnum(c); })) {
      if (all_digits(w)) {
        shapes.cpt = true;  // modifier 59, 25: CPT modifiers
      } else {
        shapes.codes.push_back(upper(w));
        shapes.code_at.push_back(i);
        shapes.modifier = true;
      }
      continue;
    }
    if (!release_of(w).empty() || question_words().count(w)) continue;
    if (is_cpt_shape(w)) {
      shapes.cpt = true;
      if (all_digits(w)) shapes.five_digits.push_back(w);
      continue;
    }
    if (is_icd9_diagnosis_shape(w) || is_icd9_procedure_shape(w)) {
      shapes.icd9.push_back(w);
      shapes.icd9_at.push_back(i);
      continue;
    }
    if (is_dose(w) || std::count(w.begin(), w.end(), '.') > 1) continue;  // "500mg"; "i.c.1.d"
    // A code has a letter and a digit ("2", "stage 3" and "7th" are not codes).
    const bool has_digit = std::any_of(w.begin(), w.end(), [](unsigned char c) { return std::isdigit(c); });
    const bool has_letter = std::any_of(w.begin(), w.end(), [](unsigned char c) { return std::isalpha(c); });
    if (has_digit && has_letter && w.size() >= 3 && !is_ordinal(w) && !code_candidates(w).empty()) {
      shapes.codes.push_back(w);
      shapes.code_at.push_back(i);
    }
  }
  return shapes;
}

// The subject words: every word but question words, codes, releases and the cues given.
std::string topic_of(const std::vector<std::string>& words, const Shapes& shapes, const Words& also_drop) {
  std::vector<std::string> kept;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (std::find(shapes.code_at.begin(), shapes.code_at.end(), i) != shapes.code_at.end()) continue;
    if (question_words().count(w) || also_drop.count(w) || !release_of(w).empty() || is_year(w) || w == "modifier") continue;
    kept.push_back(w);
  }
  // Connectors left at either end say nothing: "for sepsis with" -> "sepsis".
  static const Words kEdges = {"with", "and", "or", "for", "of", "in", "on", "to", "versus", "between"};
  while (!kept.empty() && kEdges.count(kept.front())) kept.erase(kept.begin());
  while (!kept.empty() && kEdges.count(kept.back())) kept.pop_back();
  std::string topic;
  for (const auto& w : kept) topic += (topic.empty() ? "" : " ") + w;
  return topic;
}

std::string release_in(const std::vector<std::string>& words, bool years_too) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!release_of(words[i]).empty()) return words[i];
    if (years_too && is_year(words[i])) return "fy" + words[i];
  }
  return "";
}

std::string system_named(const std::vector<std::string>& words) {
  if (has(words, "hcpcs") || has(words, "dme") || has(words, "supply") || has(words, "supplies")) return "hcpcs";
  if (has(words, "icd10pcs") || has(words, "pcs") || (has(words, "procedure") && has(words, "icd10"))) return "icd10pcs";
  if (has(words, "icd10cm") || has(words, "diagnosis") || has(words, "dx")) return "icd10cm";
  return "";
}

}  // namespace

const char* question_type_name(QuestionType type) {
  switch (type) {
    case QuestionType::kNone: return "none";
    case QuestionType::kWhatIs: return "what_is";
    case QuestionType::kBillable: return "billable";
    case QuestionType::kCompare: return "compare";
    case QuestionType::kTogether: return "together";
    case QuestionType::kGuidelines: return "guidelines";
    case QuestionType::kHowToCode: return "how_to_code";
    case QuestionType::kValidity: return "validity";
    case QuestionType::kReplacement: return "replacement";
    case QuestionType::kChanges: return "changes";
    case QuestionType::kCrosswalk: return "crosswalk";
    case QuestionType::kOutOfScope: return "out_of_scope";
  }
  return "none";
}

Question parse_question(std::string_view text) {
  const std::vector<std::string> words = tokenize(text);
  Question q;
  if (words.empty()) return q;
  Shapes shapes = find_shapes(words);
  // Each code once ("what is S72 S72 S72"), ICD-9 ones upper-cased like the rest ("V45.81").
  for (auto* list : {&shapes.codes, &shapes.icd9}) {
    std::vector<std::string> unique;
    for (auto& code : *list) {
      code = upper(code);
      if (std::find(unique.begin(), unique.end(), code) == unique.end()) unique.push_back(code);
    }
    *list = std::move(unique);
  }
  // A question is about a few codes; a list of hundreds is not one to look each up for.
  constexpr std::size_t kMaxCodes = 8;
  if (shapes.codes.size() > kMaxCodes) shapes.codes.resize(kMaxCodes);
  if (shapes.icd9.size() > kMaxCodes) shapes.icd9.resize(kMaxCodes);
  q.codes = shapes.codes;
  q.modifier = shapes.modifier;
  q.system = system_named(words);

  // What the official code sets do not hold.
  // Their words also name conditions ("mild ncd", "cpt ii deficiency", "cover test"), so they
  // count only in a question, beside a code, or with "for".
  static const Words kCues = {"what", "whats", "what's", "does", "do", "is", "are", "can", "how", "which", "will",
                              "should", "code", "codes", "for", "much"};
  const bool asks = has_any(words, kCues) || !shapes.codes.empty() || shapes.cpt;
  static const Words kNcci = {"ncci", "mue", "mues", "unbundling", "edit", "edits"};
  static const Words kCoverage = {"coverage", "cover", "covered", "covers", "lcd", "lcds", "ncd", "ncds",
                                  "authorization", "preauthorization", "precertification", "necessity"};
  static const Words kPayment = {"pay", "pays", "paid", "payment", "reimbursement", "reimburse", "reimbursed",
                                 "rvu", "rvus", "fee", "fees", "price", "allowable"};
  static const Words kIcd9 = {"icd9", "icd9cm", "gem", "gems", "crosswalk", "crosswalks"};
  const bool icd9_named = has_any(words, kIcd9);
  if (!asks) {
  } else if (has_any(words, kNcci)) {
    q.out_of_scope = OutOfScope::kNcci;
  } else if (has_any(words, kCoverage)) {
    q.out_of_scope = OutOfScope::kCoverage;
  } else if (has_any(words, kPayment)) {
    q.out_of_scope = OutOfScope::kPayment;
  } else if ((has(words, "cpt") && (has_any(words, {"code", "codes", "modifier"}) || shapes.cpt)) ||
             (shapes.cpt && shapes.codes.empty() && shapes.icd9.empty() && !icd9_named &&
              has_any(words, {"what", "whats", "what's", "is", "define", "code", "bill", "billable", "mean", "modifier"}))) {
    q.out_of_scope = OutOfScope::kCpt;
  }
  if (q.out_of_scope != OutOfScope::kNone) {
    q.type = QuestionType::kOutOfScope;
    q.topic = topic_of(words, shapes, kNcci);
    return q;
  }

  // Crosswalks between ICD-9-CM and ICD-10.
  static const Words kMapping = {"convert", "conversion", "map", "mapping", "maps", "translate", "equivalent"};
  // "ICD-9 25000": an undotted ICD-9-CM code.
  if (icd9_named && shapes.icd9.empty()) shapes.icd9 = shapes.five_digits;
  if ((icd9_named && (!shapes.icd9.empty() || !shapes.codes.empty())) || (has_any(words, kMapping) && !shapes.icd9.empty())) {
    q.type = QuestionType::kCrosswalk;
    // "I10 to ICD-9": an ICD-10 code and no ICD-9 one goes back to ICD-9.
    q.from_icd9 = !shapes.icd9.empty() || shapes.codes.empty();
    if (q.from_icd9) {
      q.codes = shapes.icd9;
      q.procedures = has(words, "procedure") || has(words, "procedures") || has(words, "icd10pcs") ||
                     has(words, "pcs") ||
                     std::all_of(shapes.icd9.begin(), shapes.icd9.end(), [](const std::string& c) { return is_icd9_procedure_shape(c); });
    } else {
      q.procedures = std::all_of(q.codes.begin(), q.codes.end(), [](const std::string& c) { return is_icd10pcs_shape(compact_code(c)); });
    }
    return q;
  }

  const std::size_t codes = shapes.codes.size();
  static const Words kChanges = {"changed", "changes", "change", "new", "added", "deleted", "updates",
                                 "updated", "revised", "revisions", "whats", "what's"};
  static const Words kChangeVerbs = {"changed", "changes", "change", "new", "added", "deleted", "updates",
                                     "updated", "revised", "revisions"};
  // "what changed in FY2026 for diabetes", "new codes in E11 for 2026": a code scopes it.
  if (has_any(words, kChangeVerbs) && !release_in(words, true).empty()) {
    q.type = QuestionType::kChanges;
    q.release = release_in(words, true);
    q.topic = codes > 0 ? shapes.codes.front() : topic_of(words, shapes, kChanges);
    return q;
  }
  static const Words kValidity = {"valid", "validity", "invalid", "active", "added", "introduced",
                                  "effective", "deleted", "expired", "retired", "exist", "exists", "still"};
  // "replacement" alone is a title word ("joint replacement"); asked, it is "replacement for".
  static const Words kReplacement = {"replaced", "replaces", "replace", "successor", "become", "became", "superseded"};
  const bool replacement_for = has_pair(words, "replacement", {"for", "of"}) || has_pair(words, "replacements", {"for", "of"});
  if (codes >= 1 && (has_any(words, kReplacement) || replacement_for || has_pair(words, "new", {"code", "codes"}))) {
    q.type = QuestionType::kReplacement;
    return q;
  }
  if (codes >= 1 && has_any(words, kValidity)) {
    q.type = QuestionType::kValidity;
    q.release = release_in(words, true);
    return q;
  }
  if (codes >= 2) {
    static const Words kCompare = {"versus", "difference", "differences", "different", "differ", "compare",
                                   "compared", "comparison", "or"};
    static const Words kTogether = {"with", "together", "and", "alongside", "along", "plus", "same", "both"};
    if (has_any(words, kCompare)) {
      q.type = QuestionType::kCompare;
    } else if (has_any(words, kTogether)) {
      q.type = QuestionType::kTogether;
    }
    return q;  // a pasted list of codes is not a question
  }

  static const Words kBillable = {"billable", "bill", "billed", "billing", "nonbillable", "non-billable", "header",
                                  "payable"};
  if (codes == 1 && has_any(words, kBillable)) {
    q.type = QuestionType::kBillable;
    return q;
  }

  // "sequence" and "rule" alone name conditions ("pierre robin sequence", "rule out mi").
  static const Words kGuideline = {"guideline", "guidelines", "sequencing", "sequenced", "convention", "conventions"};
  const bool when_to = has_pair(words, "when", {"use", "code", "assign", "report"});
  const bool how_to_sequence = has_pair(words, "how", {"sequence"});
  const bool rules_for = has_pair(words, "rules", {"for", "of", "on"}) || has_pair(words, "rule", {"for", "of", "on"});
  if (codes == 0 && (has_any(words, kGuideline) || when_to || how_to_sequence || rules_for)) {
    q.type = QuestionType::kGuidelines;
    q.topic = topic_of(words, shapes, {"combination", "how", "when", "should", "guide", "versus"});
    // "combination codes" is itself a guideline subject.
    if (has(words, "combination")) q.topic = q.topic.empty() ? "combination code" : "combination code " + q.topic;
    if (q.topic.empty()) q.topic = "general coding guidelines";
    return q;
  }

  static const Words kWhatIs = {"what", "whats", "what's", "define", "definition", "meaning", "mean", "means",
                                "describe", "description", "explain", "lookup", "stand", "stands", "is",
                                "about", "info", "information", "modifier"};
  if (codes == 1 && has_any(words, kWhatIs)) {
    q.type = QuestionType::kWhatIs;
    return q;
  }

  // "how do I code X", "code for X", "icd 10 for X", "which code for X".
  static const Words kCodeWords = {"code", "codes", "coded", "coding"};
  static const Words kMarkers = {"icd10", "icd10cm", "icd10pcs", "hcpcs"};
  const bool how = has_pair(words, "how", kCodeWords);
  const bool code_for = has_pair(words, "code", {"for", "of"}) || has_pair(words, "codes", {"for"});
  const bool marker_for = has_any(words, kMarkers) && has(words, "for");
  const bool which_code = has_pair(words, "which", kCodeWords) || has_pair(words, "what", kCodeWords);
  if (codes == 0 && (how || code_for || marker_for || which_code)) {
    q.topic = topic_of(words, shapes, {"how", "procedure"});
    if (!q.topic.empty()) q.type = QuestionType::kHowToCode;
    return q;
  }
  return q;
}

std::string results_query(const Question& question) {
  switch (question.type) {
    case QuestionType::kNone:
    case QuestionType::kCrosswalk:
      return "";
    case QuestionType::kGuidelines:
    case QuestionType::kHowToCode:
    case QuestionType::kChanges:
    case QuestionType::kOutOfScope:
      return question.topic;
    default:
      return question.codes.empty() ? "" : question.codes.front();
  }
}

}  // namespace medcode::searcher
