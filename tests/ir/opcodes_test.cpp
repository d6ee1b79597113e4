#include "ir/opcodes.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace weft::ir {
namespace {

TEST(Opcodes, EncodingsAndNamesAreUniqueAndRoundTrip) {
  std::set<std::pair<int, uint32_t>> encodings;
  std::set<std::string> names;
  for (size_t i = 0; i < kOpcodeCount; ++i) {
    const auto op = static_cast<Opcode>(i);
    const OpcodeInfo& info = opcode_info(op);
    EXPECT_TRUE(encodings.insert({info.prefix, info.code}).second) << info.name;
    EXPECT_TRUE(names.insert(info.name).second) << info.name;
    EXPECT_EQ(opcode_from_name(info.name), op);
    if (info.prefix == 0) EXPECT_EQ(opcode_from_byte(static_cast<uint8_t>(info.code)), op);
    else EXPECT_EQ(opcode_from_prefixed(info.prefix, info.code), op);
  }
}

TEST(Opcodes, KnowsTheWasm2Set) {
  EXPECT_EQ(opcode_from_byte(0x6a), Opcode::I32Add);
  EXPECT_EQ(opcode_from_prefixed(0xfc, 17), Opcode::TableFill);
  EXPECT_EQ(opcode_from_prefixed(0xfd, 255), Opcode::F64x2ConvertLowI32x4U);
  EXPECT_EQ(opcode_from_prefixed(0xfd, 154), std::nullopt);  // reserved
  EXPECT_EQ(opcode_from_byte(0x06), std::nullopt);
  EXPECT_EQ(opcode_info(Opcode::I64Load32U).arg, 2);
  EXPECT_STREQ(opcode_info(Opcode::F32Copysign).signature, "ff:f");
  EXPECT_EQ(opcode_info(Opcode::V128Load16Lane).imm, Imm::MemArgLane);
}

}  // namespace
}  // namespace weft::ir
