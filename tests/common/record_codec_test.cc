#include "common/record_codec.h"

#include <gtest/gtest.h>

namespace medcode {
namespace {

CodeRecord sample_record() {
  CodeRecord r;
  r.system = "icd10cm";
  r.code = "S52531A";
  r.title = "Colles' fracture of right radius, initial encounter for closed fracture";
  r.short_title = "Colles' fracture of right radius, init for clos fx";
  r.is_billable = true;
  r.sort_key = "S52531A";
  r.validity = {"fy2025", "2024-10-01", "fy2027", "2026-09-30", {"fy2026"}};
  r.parent = "S52531";
  r.chapter = "19";
  r.chapter_title = "Injury, poisoning (S00-T88)";
  r.section = "S50-S59";
  r.section_title = "Injuries to the elbow and forearm";
  r.inclusion_terms = {"Colles' fracture NOS"};
  r.inclusion_terms_year = 2021;
  r.notes = {{NoteKind::kExcludes1, "traumatic amputation (S58.-)", 2021}};
  r.seventh_characters = {{"A", "initial encounter for closed fracture", 2021}};
  r.index_entries = {{IndexSource::kAlphabeticIndex, {"Fracture, traumatic", "radius"}, "", 2017, true},
                     {IndexSource::kDrugTable, {"Acetaminophen"}, "Adverse effect", 2026, false}};
  r.attributes = {{"Body Part", "Radius, Right", "Includes: Ulnar notch"}};
  r.description = "A longer description.";
  r.referenced_codes = {"S52.-", "S52.5-S52.6"};
  return r;
}

TEST(RecordCodecTest, RoundTripsEveryField) {
  const CodeRecord original = sample_record();
  auto decoded = decode_record(encode_record(original));
  ASSERT_TRUE(decoded.is_ok()) << decoded.status().to_string();
  const CodeRecord& r = decoded.value();
  EXPECT_EQ(r.code, original.code);
  EXPECT_EQ(r.title, original.title);
  EXPECT_EQ(r.short_title, original.short_title);
  EXPECT_TRUE(r.is_billable);
  EXPECT_EQ(r.sort_key, "S52531A");
  EXPECT_EQ(r.validity.from_release, "fy2025");
  EXPECT_EQ(r.validity.from_date, "2024-10-01");
  EXPECT_EQ(r.validity.until_release, "fy2027");
  EXPECT_EQ(r.validity.through_date, "2026-09-30");
  EXPECT_EQ(r.validity.revised_in, std::vector<std::string>{"fy2026"});
  EXPECT_EQ(r.parent, "S52531");
  EXPECT_EQ(r.section_title, original.section_title);
  EXPECT_EQ(r.inclusion_terms, original.inclusion_terms);
  EXPECT_EQ(r.inclusion_terms_year, 2021);
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_EQ(r.notes[0].kind, NoteKind::kExcludes1);
  EXPECT_EQ(r.notes[0].release_year, 2021);
  ASSERT_EQ(r.seventh_characters.size(), 1u);
  EXPECT_EQ(r.seventh_characters[0].character, "A");
  ASSERT_EQ(r.index_entries.size(), 2u);
  EXPECT_EQ(r.index_entries[0].path, original.index_entries[0].path);
  EXPECT_TRUE(r.index_entries[0].attached_to_ancestor);
  EXPECT_EQ(r.index_entries[1].source, IndexSource::kDrugTable);
  EXPECT_EQ(r.index_entries[1].column, "Adverse effect");
  ASSERT_EQ(r.attributes.size(), 1u);
  EXPECT_EQ(r.attributes[0].name, "Body Part");
  EXPECT_EQ(r.attributes[0].value, "Radius, Right");
  EXPECT_EQ(r.attributes[0].detail, "Includes: Ulnar notch");
  EXPECT_EQ(r.description, original.description);
  EXPECT_EQ(r.referenced_codes, original.referenced_codes);
}

TEST(RecordCodecTest, RejectsTruncatedData) {
  const std::string bytes = encode_record(sample_record());
  auto decoded = decode_record(bytes.substr(0, bytes.size() / 2));
  ASSERT_FALSE(decoded.is_ok());
  EXPECT_EQ(decoded.status().code(), StatusCode::kDataError);
  EXPECT_EQ(decoded.status().message().rfind("record data is truncated at byte ", 0), 0u)
      << decoded.status().message();
}

TEST(RecordCodecTest, RejectsOtherCodecVersion) {
  std::string bytes = encode_record(sample_record());
  bytes[0] = 9;
  auto decoded = decode_record(bytes);
  ASSERT_FALSE(decoded.is_ok());
  EXPECT_EQ(decoded.status().message(),
            "record data has codec version 9, expected 5; rebuild the index with this "
            "medcode-indexer");
}

TEST(RecordCodecTest, RejectsTrailingBytes) {
  auto decoded = decode_record(encode_record(sample_record()) + "xx");
  ASSERT_FALSE(decoded.is_ok());
  EXPECT_EQ(decoded.status().message(), "record data has 2 unexpected trailing bytes");
}

}  // namespace
}  // namespace medcode
