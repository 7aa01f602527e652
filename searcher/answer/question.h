// Coding questions ("what is I10", "is R05 billable", "J45.909 vs J45.901", "guidelines for
// sepsis"): what kind of question a query is and what it names, decided by a fixed grammar
// of question shapes, never by a model. The answerer (answerer.h) then answers each kind
// from the index's own data only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace medcode::searcher {

enum class QuestionType {
  kNone,         // not a question: plain search
  kWhatIs,       // "what is I10", "define E0784", "modifier LT"
  kBillable,     // "is R05 billable", "can I bill S52.5"
  kCompare,      // "J45.909 vs J45.901", "difference between E11.9 and E11.65"
  kTogether,     // "can E11.9 be coded with E11.65", "code I10 with I12.9"
  kGuidelines,   // "guidelines for sepsis", "how to sequence hypertension with CKD"
  kHowToCode,    // "how do I code type 2 diabetes with CKD stage 3", "code for chest pain"
  kValidity,     // "is I21.A1 valid in FY2019", "when was E11.A added"
  kReplacement,  // "what replaced T78.07XA", "new code for S30.1XXD"
  kChanges,      // "what changed in FY2026 for diabetes"
  kCrosswalk,    // "ICD-9 250.00 to ICD-10", "I10 to ICD-9"
  kOutOfScope,   // NCCI edits, coverage, payment, CPT without a licensed file
};

// Stable lower-case name used in JSON and the question set: "what_is", "out_of_scope", ...
const char* question_type_name(QuestionType type);

// What the sources cannot answer, named for the user.
enum class OutOfScope {
  kNone,
  kNcci,      // NCCI procedure-to-procedure edits and MUEs
  kCoverage,  // Medicare / payer coverage: NCDs, LCDs, prior authorization
  kPayment,   // fee schedules, RVUs, reimbursement
  kCpt,       // CPT codes and modifiers: AMA content, only from a licensed file
};

struct Question {
  QuestionType type = QuestionType::kNone;
  // Code-shaped words in the order typed, upper-cased as written ("E11.9", "T78.07XA",
  // "LT" after "modifier"); whether each exists is the answerer's check.
  std::vector<std::string> codes;
  // The words naming the subject, question words removed: "sepsis", "type 2 diabetes with
  // ckd stage 3".
  std::string topic;
  // A release the question names, as the index names releases: "fy2019" for "FY2019",
  // "FY 2019" or "in 2019"; "" when none.
  std::string release;
  // A code set the question names ("hcpcs code for", "icd-10-pcs", "diagnosis code"): the
  // system to search; "" for every code set.
  std::string system;
  bool modifier = false;  // "modifier LT": the codes are HCPCS modifiers
  OutOfScope out_of_scope = OutOfScope::kNone;
  // Crosswalks: ICD-9-CM to ICD-10 (true) or back, and procedures (ICD-9-CM volume 3 and
  // ICD-10-PCS) rather than diagnoses.
  bool from_icd9 = true;
  bool procedures = false;
};

// Parses text (UTF-8, any case). Anything that is not one of the shapes is kNone.
Question parse_question(std::string_view text);

// What the result list under an answer searches for: the subject words of a question about
// a phrase ("sepsis" for "guidelines for sepsis"), or the first code a question names ("I10"
// for "can I10 be coded with N18.30"); "" to search the text as typed (not a question, a
// crosswalk, or nothing left).
std::string results_query(const Question& question);

}  // namespace medcode::searcher
