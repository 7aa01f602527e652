#include "searcher/engine/internal/text_query.h"

namespace medcode::searcher {
namespace {

// English function words that carry no meaning in a code title. "with", "without", "not",
// "no" and "other" are kept on purpose: ICD-10-CM titles turn on them.
constexpr const char* kStopWords[] = {"a",  "an",  "the", "of",   "by",   "to",  "for", "in",
                                      "on", "at",  "is",  "and",  "or",   "from", "as",  "its",
                                      "my", "me",  "i",   "have", "has",  "had", "be",  "was"};

// Plain text only: no boolean operators, so "pain and swelling" is never "pain AND swelling".
constexpr unsigned kParseFlags = Xapian::QueryParser::FLAG_PHRASE |
                                 Xapian::QueryParser::FLAG_SPELLING_CORRECTION;

// How much a document that has every query word gains over one that has only some.
constexpr double kAllTermsBoost = 1.0;

Xapian::Query parse(Xapian::QueryParser& parser, const std::string& text, Xapian::Query::op op) {
  parser.set_default_op(op);
  try {
    return parser.parse_query(text, kParseFlags);
  } catch (const Xapian::QueryParserError&) {
    // Odd punctuation can still upset the parser; fall back to bare words.
    return parser.parse_query(text, 0);
  }
}

}  // namespace

TextQueryBuilder::TextQueryBuilder(const Xapian::Database& database) {
  static const Xapian::SimpleStopper* const stopper =
      new Xapian::SimpleStopper(std::begin(kStopWords), std::end(kStopWords));
  parser_.set_database(database);
  parser_.set_stemmer(Xapian::Stem("english"));
  parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser_.set_stopper(stopper);
}

TextQuery TextQueryBuilder::build(const std::string& normalized) const {
  TextQuery result;
  const Xapian::Query any_term = parse(parser_, normalized, Xapian::Query::OP_OR);
  result.corrected_text = parser_.get_corrected_query_string();
  const Xapian::Query all_terms = parse(parser_, normalized, Xapian::Query::OP_AND);
  // Every document matching any word is a candidate; matching all of them adds the AND
  // query's weight again, so complete matches rank first.
  result.query = Xapian::Query(Xapian::Query::OP_OR, any_term,
                               Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, all_terms,
                                             kAllTermsBoost));
  return result;
}

}  // namespace medcode::searcher
