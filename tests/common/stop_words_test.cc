#include "common/stop_words.h"

#include <gtest/gtest.h>

namespace medcode {
namespace {

TEST(StopWordsTest, StopsFunctionWordsButKeepsWordsTitlesTurnOn) {
  for (const char* word : {"a", "of", "the", "by", "and", "were"}) EXPECT_TRUE(is_stop_word(word)) << word;
  for (const char* word : {"with", "without", "not", "no", "other", "left", "fracture", ""}) {
    EXPECT_FALSE(is_stop_word(word)) << word;
  }
}

}  // namespace
}  // namespace medcode
