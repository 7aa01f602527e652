// Mines open lay-language vocabularies (shared/vocab/README.md) into synonym lists: HPO's
// layperson-synonym report (SPARQL TSV), the Symptom Ontology (OBO 1.2) and the medical
// senses of WordNet 3.0 (wndb(5WN) data.noun, Debian's wordnet-base).
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"
#include "indexer/sources/synonym_list_reader.h"

namespace medcode::indexer {

// Parses hpo/layperson-synonyms.tsv, a SPARQL TSV result whose header is
//   ?term <TAB> ?term_label <TAB> ?layperson
// and whose rows are an IRI in <...> and two quoted literals, the label sometimes with a
// language tag ("Open comedo"@en). Each row becomes
//   SynonymRow{"Low platelet count", {"Thrombocytopenia"}, "<source_name>:<line>"}
// with quotes, escapes and tags removed; trailing parentheticals are kept, since in this file
// they carry meaning ("Clubbing (hands)"). list.bidirectional stays false.
// Skipped and logged in list.skipped, with their location:
//   "expected 3 tab-separated columns (term, label, layperson), found 2"
//   "term is not an IRI in <...>: \"HP_1\""
//   "label is not a quoted literal: \"Thrombocytopenia\""  (likewise "layperson synonym")
//   "label is empty"                                      (likewise "layperson synonym")
//   "layperson synonym \"Stiff wrist\" equals the label"  (compared ignoring ASCII case)
// Fails with kDataError "<source_name>:<line>:<col>: invalid UTF-8 (byte 0xFF)".
Result<SynonymList> read_hpo_layperson_synonyms(std::string_view bytes,
                                                const std::string& source_name);

// Parses symptom-ontology/symp.obo (OBO 1.2). For every [Term] stanza without
// "is_obsolete: true", each `synonym: "text" EXACT [...]` line yields two rows at that
// line's location: {text, {name}} and the reverse {name, {text}}, because ICD titles use
// either wording. The reverse rows are written out, so list.bidirectional is false.
// RELATED, BROAD and NARROW synonyms are not equivalents and are ignored without a log
// entry; other stanzas ([Typedef], [Instance]) and the header are ignored.
// Skipped and logged, with their location:
//   "synonym is not a quoted string: ..."      "synonym has no scope (EXACT, RELATED, ...)"
//   "synonym is empty"
//   "synonym scope \"SAME\" is not EXACT, RELATED, BROAD or NARROW"
//   "[Term] has no name"                       (at the "[Term]" line; its synonyms are dropped)
//   "synonym \"Cough\" equals the name"        (compared ignoring ASCII case)
// Fails with kDataError "<source_name>:<line>:<col>: invalid UTF-8 (byte 0xFF)".
Result<SynonymList> read_symptom_ontology_synonyms(std::string_view bytes,
                                                   const std::string& source_name);

// Reads <wordnet_dir>/data.noun (WordNet 3.0 database format, wndb(5WN); Debian installs it
// in /usr/share/wordnet) and keeps only medical senses: noun synsets of the lexicographer
// files noun.body (08), noun.process (22) or noun.state (26) whose hypernym closure (@ and @i
// pointers, the synset itself included) reaches one of these roots, named by sense key so
// that they do not depend on byte offsets:
//   disease%1:26:00  illness%1:26:00 (unwellness)  disorder%1:26:03 (upset)  symptom%1:26:00
//   injury%1:26:00 (hurt, harm, trauma)  pain%1:26:00 (hurting)  infection%1:26:00
//   ill_health%1:26:00 (health problem: WordNet's "medical condition")
//   attack%1:26:00 (above stroke = apoplexy = CVA, seizure = ictus, thrombosis, embolism)
//   body_part%1:08:00  organ%1:08:00
// Each kept synset with two or more usable lemmas yields, per lemma, the row
//   {lemma, {every other lemma}, "<wordnet_dir>/data.noun:<line>"}
// e.g. "lockjaw" -> {"tetanus"} and "tetanus" -> {"lockjaw"}. Underscores become spaces,
// syntactic markers such as "(p)" are dropped, case is kept, and lemmas that are one
// character or only digits are left out. "cold" -> {"common cold"} comes out; the
// temperature sense of "cold" (noun.attribute) does not.
// Lines that do not parse are skipped and logged at "<wordnet_dir>/data.noun:<line>", e.g.
// "pointer count does not match the pointers" or "word 2 of 3 has no lex_id".
// Errors:
//   kNotFound  "<wordnet_dir>/data.noun: no such file; install Debian's wordnet-base"
//   kIOError   when the file cannot be read
//   kDataError "<path>:<line>: synset offset 00000062 is not the line's byte offset 63 (file
//              altered, e.g. CRLF line ends?); reinstall wordnet-base",
//              "<path>: none of the medical root synsets (disease%1:26:00, ...) is present; is
//              this WordNet 3.0's data.noun?", or invalid UTF-8 as above
//   where <path> is <wordnet_dir>/data.noun.
Result<SynonymList> read_wordnet_medical_synonyms(const std::string& wordnet_dir);

}  // namespace medcode::indexer
