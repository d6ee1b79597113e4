// Malformed modules: each check of the decoder, with the spec suite's wording and the byte offset
// of the fault.
#include <gtest/gtest.h>

#include <string>

#include "binary/decoder.hpp"
#include "module_bytes.hpp"

namespace weft::binary {
namespace {

using testing::Bytes;
using testing::cat;
using testing::module_of;
using testing::name;
using testing::section;

struct Failure {
  std::string message;
  uint64_t offset;
};

Failure decode_failure(const Bytes& bytes) {
  auto result = decode_module(bytes);
  EXPECT_FALSE(result.has_value());
  if (result) return {"<decoded>", 0};
  EXPECT_EQ(result.error().kind, ErrorKind::Malformed);
  return {result.error().message, result.error().offset};
}

#define EXPECT_MALFORMED(bytes, msg, off)     \
  do {                                        \
    const Failure f_ = decode_failure(bytes); \
    EXPECT_EQ(f_.message, msg);               \
    EXPECT_EQ(f_.offset, uint64_t{off});      \
  } while (0)

TEST(DecoderHeader, EmptyInputIsUnexpectedEnd) {
  EXPECT_MALFORMED(Bytes{}, "unexpected end", 0);
}

TEST(DecoderHeader, TruncatedMagicIsUnexpectedEnd) {
  EXPECT_MALFORMED((Bytes{0x00, 0x61, 0x73}), "unexpected end", 3);
}

TEST(DecoderHeader, WrongMagicIsDetected) {
  EXPECT_MALFORMED((Bytes{'a', 's', 'm', 0x00}), "magic header not detected", 0);
  EXPECT_MALFORMED((Bytes{0x00, 'A', 'S', 'M', 1, 0, 0, 0}), "magic header not detected", 0);
}

TEST(DecoderHeader, TruncatedVersionIsUnexpectedEnd) {
  EXPECT_MALFORMED((Bytes{0x00, 'a', 's', 'm', 0x01, 0x00}), "unexpected end", 6);
}

TEST(DecoderHeader, OtherVersionIsUnknown) {
  EXPECT_MALFORMED((Bytes{0x00, 'a', 's', 'm', 0x02, 0, 0, 0}), "unknown binary version", 4);
  EXPECT_MALFORMED((Bytes{0x00, 'a', 's', 'm', 0x00, 0x01, 0, 0}), "unknown binary version", 4);
}

TEST(DecoderSections, UnknownSectionIdIsMalformed) {
  EXPECT_MALFORMED(module_of({Bytes{0x0e, 0x01, 0x00}}), "malformed section id", 8);
  // The id is a byte, not a LEB128 number.
  EXPECT_MALFORMED(module_of({Bytes{0x80, 0x01, 0x00, 0x01, 0x01, 0x00}}), "malformed section id",
                   8);
}

TEST(DecoderSections, TagSectionNeedsExceptions) {
  EXPECT_MALFORMED(module_of({section(13, {0x00})}), "malformed section id", 8);
}

TEST(DecoderSections, SectionOutOfOrderIsUnexpectedContent) {
  const Bytes bytes =
      module_of({testing::function_section(0), testing::type_section_void_to_void()});
  EXPECT_MALFORMED(bytes, "unexpected content after last section", 11);
}

TEST(DecoderSections, DuplicateSectionIsUnexpectedContent) {
  const Bytes start = section(8, {0x00});
  const Bytes bytes = module_of({testing::type_section_void_to_void(), testing::function_section(1),
                                 start, start, testing::code_section_empty_bodies(1)});
  EXPECT_MALFORMED(bytes, "unexpected content after last section", 8 + 6 + 4 + 3);
}

TEST(DecoderSections, DataCountGoesBeforeCode) {
  // Data count (id 12) after code (id 10) is out of order despite its larger id.
  const Bytes bytes = module_of({section(10, {0x00}), section(12, {0x00})});
  EXPECT_MALFORMED(bytes, "unexpected content after last section", 11);
}

TEST(DecoderSections, SectionSizeBeyondFileIsLengthOutOfBounds) {
  // Type section claims 7 bytes where 4 remain.
  EXPECT_MALFORMED(module_of({Bytes{0x01, 0x07, 0x02, 0x60, 0x00, 0x00}}), "length out of bounds",
                   9);
}

TEST(DecoderSections, ContentsShorterThanSizeIsSizeMismatch) {
  // One type declared, two given: the section's size covers both.
  EXPECT_MALFORMED(module_of({Bytes{0x01, 0x07, 0x01, 0x60, 0x00, 0x00, 0x60, 0x00, 0x00}}),
                   "section size mismatch", 10);
}

TEST(DecoderSections, CountBeyondDataIsUnexpectedEnd) {
  // Two globals declared, one given, at the end of the file.
  EXPECT_MALFORMED(module_of({Bytes{0x06, 0x06, 0x02, 0x7f, 0x00, 0x41, 0x00, 0x0b}}),
                   "unexpected end of section or function", 16);
}

TEST(DecoderSections, LengthRunningPastTheFileIsOutOfBounds) {
  // Two exports declared, one given: the second name's length is the next section's id (10),
  // more than the bytes left.
  const Bytes bytes = module_of({testing::type_section_void_to_void(), testing::function_section(2),
                                 Bytes{0x07, 0x06, 0x02, 0x02, 'f', '1', 0x00, 0x00},
                                 testing::code_section_empty_bodies(2)});
  EXPECT_MALFORMED(bytes, "length out of bounds", 8 + 6 + 5 + 8);
}

TEST(DecoderCustom, TruncatedCustomSectionIsUnexpectedEnd) {
  EXPECT_MALFORMED(module_of({Bytes{0x00}}), "unexpected end of section or function", 9);
  // The name's length is missing: the section is empty.
  EXPECT_MALFORMED(module_of({Bytes{0x00, 0x00}}), "unexpected end of section or function", 10);
}

TEST(DecoderCustom, NameLongerThanSectionIsUnexpectedEnd) {
  // Size 1 holds only the name's length; the name itself lies beyond the section.
  const Bytes bytes = module_of({Bytes{0x00, 0x01, 0x02, 'a', 'b'}});
  EXPECT_MALFORMED(bytes, "unexpected end of section or function", 11);
}

TEST(DecoderCustom, NameMustBeUtf8) {
  EXPECT_MALFORMED(module_of({section(0, {0x01, 0xff})}), "malformed UTF-8 encoding", 11);
  // An overlong encoding of '/'.
  EXPECT_MALFORMED(module_of({section(0, {0x02, 0xc0, 0xaf})}), "malformed UTF-8 encoding", 11);
}

TEST(DecoderCustom, OversizedCustomSectionIsLengthOutOfBounds) {
  EXPECT_MALFORMED(module_of({Bytes{0x00, 0x26, 0x01, 'a'}}), "length out of bounds", 9);
}

TEST(DecoderLeb, OverlongU32IsRejected) {
  // Memory minimum encoded in six bytes.
  EXPECT_MALFORMED(module_of({section(5, {0x01, 0x00, 0x82, 0x80, 0x80, 0x80, 0x80, 0x00})}),
                   "integer representation too long", 16);
}

TEST(DecoderLeb, UnusedBitsOfU32MustBeZero) {
  EXPECT_MALFORMED(module_of({section(5, {0x01, 0x00, 0x82, 0x80, 0x80, 0x80, 0x10})}),
                   "integer too large", 16);
}

TEST(DecoderLeb, SignedLebTypeCodeIsOverlong) {
  // -0x20 (func) in two bytes.
  EXPECT_MALFORMED(module_of({section(1, {0x01, 0xe0, 0x7f, 0x00, 0x00})}),
                   "integer representation too long", 12);
}

TEST(DecoderImports, UnknownKindIsMalformed) {
  EXPECT_MALFORMED(module_of({section(2, {0x01, 0x00, 0x00, 0x04})}), "malformed import kind", 13);
  EXPECT_MALFORMED(module_of({section(2, {0x01, 0x00, 0x00, 0x80, 0x00})}), "malformed import kind",
                   13);
}

TEST(DecoderExports, UnknownKindIsMalformed) {
  EXPECT_MALFORMED(module_of({section(7, {0x01, 0x01, 'x', 0x05, 0x00})}), "malformed export kind",
                   13);
}

TEST(DecoderTypes, UnknownFormIsMalformed) {
  EXPECT_MALFORMED(module_of({section(1, {0x01, 0x5f, 0x00})}), "malformed function type", 11);
}

TEST(DecoderTypes, UnknownValueTypeIsMalformed) {
  EXPECT_MALFORMED(module_of({section(1, {0x01, 0x60, 0x01, 0x7a, 0x00})}), "malformed value type",
                   13);
}

TEST(DecoderTypes, SimdCanBeSwitchedOff) {
  const Bytes bytes = module_of({section(1, {0x01, 0x60, 0x01, 0x7b, 0x00})});
  EXPECT_TRUE(decode_module(bytes).has_value());
  ir::Features no_simd;
  no_simd.simd = false;
  auto result = decode_module(bytes, no_simd);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().message, "malformed value type");
}

TEST(DecoderTables, BadReferenceTypeIsMalformed) {
  EXPECT_MALFORMED(module_of({section(4, {0x01, 0x7f, 0x00, 0x00})}), "malformed reference type",
                   11);
}

TEST(DecoderLimits, FlagsAreAOneBitNumberInWasm2) {
  EXPECT_MALFORMED(module_of({section(5, {0x01, 0x02, 0x00})}), "integer too large", 11);
  EXPECT_MALFORMED(module_of({section(4, {0x01, 0x70, 0x02, 0x00})}), "integer too large", 12);
  EXPECT_MALFORMED(module_of({section(5, {0x01, 0x81, 0x00, 0x00, 0x00})}),
                   "integer representation too long", 12);
}

TEST(DecoderLimits, Memory64AndThreadsUseFlagBits) {
  ir::Features features;
  features.memory64 = true;
  features.threads = true;
  auto ok = decode_module(module_of({section(5, {0x01, 0x07, 0x01, 0x02})}), features);
  ASSERT_TRUE(ok.has_value()) << ok.error().to_string();
  const ir::Limits& limits = ok->memories[0].type.limits;
  EXPECT_TRUE(limits.is64);
  EXPECT_TRUE(limits.shared);
  EXPECT_EQ(limits.min, 1u);
  EXPECT_EQ(limits.max, std::optional<uint64_t>(2));
  auto bad = decode_module(module_of({section(5, {0x01, 0x08, 0x00})}), features);
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().message, "malformed limits flags");
}

TEST(DecoderGlobals, MutabilityIsZeroOrOne) {
  EXPECT_MALFORMED(module_of({section(6, {0x01, 0x7f, 0x02, 0x41, 0x00, 0x0b})}),
                   "malformed mutability", 12);
}

TEST(DecoderGlobals, InitializerNeedsEnd) {
  EXPECT_MALFORMED(module_of({Bytes{0x06, 0x04, 0x01, 0x7f, 0x00, 0x41}}),
                   "unexpected end of section or function", 14);
}

TEST(DecoderGlobals, IllegalOpcodeInInitializer) {
  EXPECT_MALFORMED(module_of({section(6, {0x01, 0x7f, 0x00, 0xf3, 0x0b})}), "illegal opcode f3",
                   13);
  EXPECT_MALFORMED(module_of({section(6, {0x01, 0x7f, 0x00, 0xfc, 0x7f, 0x0b})}),
                   "illegal opcode fc 7f", 13);
}

TEST(DecoderElements, UnknownFlagsAreMalformed) {
  EXPECT_MALFORMED(module_of({section(9, {0x01, 0x08})}), "malformed elements segment kind", 11);
}

TEST(DecoderElements, ElementKindMustBeZero) {
  EXPECT_MALFORMED(module_of({section(9, {0x01, 0x01, 0x01, 0x00})}), "malformed element kind", 12);
}

TEST(DecoderElements, ExpressionTypeMustBeAReference) {
  EXPECT_MALFORMED(module_of({section(9, {0x01, 0x05, 0x7f, 0x01, 0xd2, 0x00, 0x0b})}),
                   "malformed reference type", 12);
}

TEST(DecoderData, UnknownFlagsAreMalformed) {
  EXPECT_MALFORMED(module_of({section(11, {0x01, 0x03})}), "malformed data segment kind", 11);
}

TEST(DecoderData, BytesBeyondTheFileAreUnexpectedEnd) {
  // 7 bytes declared, 6 given, at the end of the file: reported where the bytes start.
  const Bytes bytes =
      module_of({section(5, {0x01, 0x00, 0x01}), Bytes{0x0b, 0x0c, 0x01, 0x00, 0x41, 0x03, 0x0b,
                                                       0x07, 'a', 'b', 'c', 'd', 'e', 'f'}});
  EXPECT_MALFORMED(bytes, "unexpected end of section or function", 21);
}

TEST(DecoderCounts, FunctionsWithoutCode) {
  const Bytes bytes =
      module_of({testing::type_section_void_to_void(), testing::function_section(2)});
  EXPECT_MALFORMED(bytes, "function and code section have inconsistent lengths", bytes.size());
}

TEST(DecoderCounts, CodeWithoutFunctions) {
  const Bytes bytes = module_of({testing::code_section_empty_bodies(1)});
  EXPECT_MALFORMED(bytes, "function and code section have inconsistent lengths", 10);
}

TEST(DecoderCounts, MoreFunctionsThanBodies) {
  const Bytes bytes = module_of({testing::type_section_void_to_void(), testing::function_section(2),
                                 testing::code_section_empty_bodies(1)});
  EXPECT_MALFORMED(bytes, "function and code section have inconsistent lengths", 8 + 6 + 5 + 2);
}

TEST(DecoderCounts, DataCountMustMatchSegments) {
  const Bytes bytes = module_of({section(12, {0x03}), section(11, {0x02, 0x01, 0x00, 0x01, 0x00})});
  EXPECT_MALFORMED(bytes, "data count and data section have inconsistent lengths", 13);
}

TEST(DecoderCode, TooManyLocals) {
  const Bytes body = {0x0a, 0x02, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x7f, 0x02, 0x7e, 0x0b};
  const Bytes bytes = module_of({testing::type_section_void_to_void(), testing::function_section(1),
                                 section(10, cat({Bytes{0x01}, body}))});
  EXPECT_MALFORMED(bytes, "too many locals", 8 + 6 + 4 + 2 + 1 + 2);
}

TEST(DecoderCode, LocalsUpToTheCapAreFine) {
  const Bytes body = {0x06, 0x01, 0xd0, 0x86, 0x03, 0x7f, 0x0b};  // 50000 i32
  const Bytes bytes = module_of({testing::type_section_void_to_void(), testing::function_section(1),
                                 section(10, cat({Bytes{0x01}, body}))});
  auto result = decode_module(bytes);
  ASSERT_TRUE(result.has_value()) << result.error().to_string();
  EXPECT_EQ(result->functions[0].num_locals, 50000u);
}

TEST(DecoderCode, LocalCountIsU32) {
  const Bytes body = {0x0a, 0x02, 0x80, 0x80, 0x80, 0x80, 0x10, 0x7f, 0x02, 0x7e, 0x0b};
  const Bytes bytes = module_of({testing::type_section_void_to_void(), testing::function_section(1),
                                 section(10, cat({Bytes{0x01}, body}))});
  EXPECT_MALFORMED(bytes, "integer too large", 8 + 6 + 4 + 2 + 1 + 2 + 4);
}

TEST(DecoderCode, BodyWithoutEndAtEndOfFile) {
  const Bytes bytes = module_of({testing::type_section_void_to_void(), testing::function_section(1),
                                 section(10, {0x01, 0x04, 0x00, 0x41, 0x01, 0x1a})});
  EXPECT_MALFORMED(bytes, "unexpected end of section or function", bytes.size());
}

TEST(DecoderCode, BodyWithoutEndBeforeAnotherBody) {
  const Bytes bytes = module_of(
      {testing::type_section_void_to_void(), testing::function_section(2),
       section(10, {0x02, 0x04, 0x00, 0x41, 0x01, 0x1a, 0x05, 0x00, 0x41, 0x01, 0x1a, 0x0b})});
  EXPECT_MALFORMED(bytes, "END opcode expected", 8 + 6 + 5 + 2 + 1 + 5);
}

TEST(DecoderCode, BodyWithoutEndBeforeEndByte) {
  const Bytes bytes = module_of({testing::type_section_void_to_void(), testing::function_section(1),
                                 section(10, {0x01, 0x04, 0x00, 0x41, 0x01, 0x1a}),
                                 section(11, {0x01, 0x01, 0x00})});
  EXPECT_MALFORMED(bytes, "section size mismatch", 8 + 6 + 4 + 2 + 2);
}

TEST(DecoderCode, BodySizeBeyondFile) {
  const Bytes bytes = module_of({testing::type_section_void_to_void(), testing::function_section(1),
                                 Bytes{0x0a, 0x04, 0x01, 0x07, 0x00, 0x0b}});
  EXPECT_MALFORMED(bytes, "length out of bounds", 8 + 6 + 4 + 3);
}

}  // namespace
}  // namespace weft::binary
