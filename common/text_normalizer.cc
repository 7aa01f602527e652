#include "common/text_normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "common/utf8.h"

namespace medcode {
namespace {

// Maps one code point to its plain form; returns U_SENTINEL to drop it.
UChar32 plain_punctuation(UChar32 c) {
  switch (c) {
    case 0x2018: case 0x2019: case 0x02BC: case 0x0060: case 0x00B4:
      return '\'';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212:
      return '-';
    case 0x00AD:  // SOFT HYPHEN: invisible, ignore inside words
      return U_SENTINEL;
    default:
      return c;
  }
}

}  // namespace

Result<std::string> normalize_for_search(std::string_view text) {
  if (auto bad = find_invalid_utf8(text)) {
    return Status::invalid_argument("text is not valid UTF-8 at byte " + std::to_string(*bad));
  }
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(error);
  if (U_FAILURE(error)) {
    return Status::internal(std::string("ICU NFKD normalizer unavailable: ") + u_errorName(error));
  }
  const icu::UnicodeString source =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString decomposed = nfkd->normalize(source, error);
  if (U_FAILURE(error)) {
    return Status::internal(std::string("ICU normalization failed: ") + u_errorName(error));
  }
  decomposed.foldCase();

  icu::UnicodeString folded;
  bool pending_space = false;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;  // accents after NFKD
    if (u_isUWhiteSpace(c)) {
      pending_space = !folded.isEmpty();
      continue;
    }
    const UChar32 plain = plain_punctuation(c);
    if (plain == U_SENTINEL) continue;
    if (pending_space) folded.append(static_cast<UChar>(' '));
    pending_space = false;
    folded.append(plain);
  }
  std::string out;
  folded.toUTF8String(out);
  return out;
}

}  // namespace medcode
