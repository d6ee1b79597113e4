#include "base/reader.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "base/utf8.hpp"
#include "base/writer.hpp"

namespace weft {
namespace {

Reader reader_of(const std::vector<uint8_t>& bytes) { return Reader(bytes.data(), bytes.size()); }

TEST(Reader, DecodesShortAndPaddedUnsigned) {
  std::vector<uint8_t> b{0x05, 0x85, 0x80, 0x80, 0x80, 0x00};
  Reader r = reader_of(b);
  EXPECT_EQ(r.u32(), 5u);
  EXPECT_EQ(r.u32(), 5u);  // padded to the maximum of five bytes is allowed
  EXPECT_TRUE(r.ok());
  EXPECT_TRUE(r.at_end());
}

TEST(Reader, RejectsOverlongUnsigned) {
  std::vector<uint8_t> b{0x85, 0x80, 0x80, 0x80, 0x80, 0x00};
  Reader r = reader_of(b);
  r.u32();
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.error_message(), "integer representation too long");
}

TEST(Reader, RejectsUnusedBitsInLastByte) {
  std::vector<uint8_t> b{0xff, 0xff, 0xff, 0xff, 0x1f};
  Reader r = reader_of(b);
  r.u32();
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.error_message(), "integer too large");
  std::vector<uint8_t> ok{0xff, 0xff, 0xff, 0xff, 0x0f};
  Reader r2 = reader_of(ok);
  EXPECT_EQ(r2.u32(), 0xffffffffu);
  EXPECT_TRUE(r2.ok());
}

TEST(Reader, SignedLastByteMustBeSignExtension) {
  // -1 as s32 in five bytes: the last byte's high bits must copy the sign.
  std::vector<uint8_t> good{0xff, 0xff, 0xff, 0xff, 0x7f};
  Reader r = reader_of(good);
  EXPECT_EQ(r.s32(), -1);
  EXPECT_TRUE(r.ok());
  std::vector<uint8_t> bad{0xff, 0xff, 0xff, 0xff, 0x4f};
  Reader r2 = reader_of(bad);
  r2.s32();
  EXPECT_EQ(r2.error_message(), "integer too large");
  std::vector<uint8_t> bad64{0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x02};
  Reader r3 = reader_of(bad64);
  r3.s64();
  EXPECT_EQ(r3.error_message(), "integer too large");
}

TEST(Reader, ErrorsAreStickyAndStopAtEnd) {
  std::vector<uint8_t> b{0x80};
  Reader r = reader_of(b);
  EXPECT_EQ(r.u32(), 0u);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.error_message(), "unexpected end");
  EXPECT_EQ(r.u8(), 0u);
  EXPECT_EQ(r.error_message(), "unexpected end");
}

TEST(Writer, RoundTripsThroughReader) {
  std::vector<uint8_t> out;
  Writer w(out);
  const int64_t values[] = {0, 1, -1, 63, 64, -64, -65, INT32_MAX, INT32_MIN, INT64_MIN, INT64_MAX};
  for (int64_t v : values) w.s64(v);
  w.u64(UINT64_MAX);
  Reader r = reader_of(out);
  for (int64_t v : values) EXPECT_EQ(r.s64(), v);
  EXPECT_EQ(r.u64(), UINT64_MAX);
  EXPECT_TRUE(r.ok());
}

TEST(Utf8, AcceptsScalarValuesOnly) {
  EXPECT_TRUE(is_valid_utf8(std::string("h\xc3\xa9llo \xf0\x9f\x98\x80")));
  EXPECT_FALSE(is_valid_utf8(std::string("\xc0\x80")));          // overlong NUL
  EXPECT_FALSE(is_valid_utf8(std::string("\xed\xa0\x80")));      // surrogate
  EXPECT_FALSE(is_valid_utf8(std::string("\xf4\x90\x80\x80")));  // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8(std::string("\xe2\x82")));          // truncated
}

}  // namespace
}  // namespace weft
