// The encoder on its own and in round trips with the decoder.
#include "binary/encoder.hpp"

#include <gtest/gtest.h>

#include "binary/decoder.hpp"
#include "module_bytes.hpp"
#include "module_difference.hpp"

namespace weft::binary {
namespace {

using testing::Bytes;
using testing::cat;
using testing::decode_ok;
using testing::module_of;
using testing::name;
using testing::section;

// A canonical module (shortest LEB128s, no empty sections) that uses every section.
Bytes everything_module() {
  const Bytes types = section(1, {0x02, 0x60, 0x00, 0x00, 0x60, 0x02, 0x7f, 0x7b, 0x01, 0x6f});
  const Bytes imports = section(2, cat({Bytes{0x02}, name("env"), name("f"), Bytes{0x00, 0x01},
                                        name("env"), name("g"), Bytes{0x03, 0x7f, 0x00}}));
  const Bytes functions = section(3, {0x02, 0x00, 0x00});
  const Bytes tables = section(4, {0x02, 0x70, 0x00, 0x04, 0x6f, 0x01, 0x01, 0x02});
  const Bytes memories = section(5, {0x01, 0x01, 0x01, 0x80, 0x01});
  const Bytes globals = section(6, {0x01, 0x7e, 0x01, 0x42, 0x7f, 0x0b});
  const Bytes exports = section(
      7, cat({Bytes{0x02}, name("main"), Bytes{0x00, 0x01}, name("tab"), Bytes{0x01, 0x00}}));
  const Bytes start = section(8, {0x02});
  const Bytes elems = section(9, {0x04, 0x00, 0x23, 0x00, 0x0b, 0x02, 0x01, 0x02,  // form 0
                                  0x01, 0x00, 0x01, 0x01,                          // form 1
                                  0x06, 0x01, 0x41, 0x00, 0x0b, 0x6f, 0x01, 0xd0, 0x6f,
                                  0x0b,                                  // form 6
                                  0x07, 0x70, 0x01, 0xd2, 0x02, 0x0b});  // form 7
  const Bytes datacount = section(12, {0x02});
  const Bytes code = section(10, {0x02, 0x02, 0x00, 0x0b,                            // f1
                                  0x07, 0x01, 0x03, 0x7c, 0x41, 0x01, 0x1a, 0x0b});  // f2
  const Bytes datas = section(11, {0x02, 0x00, 0x41, 0x10, 0x0b, 0x03, 'a', 'b', 'c', 0x01, 0x00});
  return module_of({testing::custom_section("leading", {0xaa}), types, imports,
                    testing::custom_section("after-imports", {}), functions, tables, memories,
                    globals, exports, start, elems, datacount,
                    testing::custom_section("after-datacount", {0x01, 0x02}), code, datas,
                    testing::custom_section("name", cat({section(0, name("everything"))})),
                    testing::custom_section("trailing", {0xbb})});
}

void expect_round_trip(const Bytes& bytes) {
  const ir::Module first = decode_ok(bytes);
  const Bytes encoded = encode_module(first);
  const ir::Module second = decode_ok(encoded);
  EXPECT_EQ(testing::module_difference(first, second), "");
  EXPECT_EQ(encode_module(second), encoded);
}

TEST(Encoder, EmptyModuleIsTheHeader) {
  EXPECT_EQ(encode_module(ir::Module{}), testing::kHeader);
}

TEST(Encoder, CanonicalModuleEncodesToTheSameBytes) {
  const Bytes bytes = everything_module();
  const ir::Module m = decode_ok(bytes);
  EXPECT_EQ(m.names.module, std::optional<std::string>("everything"));
  EXPECT_EQ(encode_module(m), bytes);
}

TEST(Encoder, RoundTripPreservesEverySection) {
  expect_round_trip(everything_module());
}

TEST(Encoder, RoundTripOfNonCanonicalInputIsStable) {
  // Padded LEB128s and empty sections come back in shortest form, with the same meaning.
  const Bytes bytes = module_of(
      {section(1, {0x00}), Bytes{0x05, 0x84, 0x80, 0x80, 0x80, 0x00, 0x01, 0x00, 0x82, 0x00}});
  expect_round_trip(bytes);
  const Bytes encoded = encode_module(decode_ok(bytes));
  EXPECT_EQ(encoded, module_of({section(5, {0x01, 0x00, 0x02})}));
}

TEST(Encoder, CustomSectionAfterEmptySectionKeepsItsPlace) {
  ir::Module m;
  const uint8_t payload[] = {7};
  ir::CustomSection custom;
  custom.name = "hint";
  custom.content = m.append_bytes(payload, 1);
  custom.after_section = 4;  // the table section, which this module does not have
  m.customs.push_back(custom);
  const Bytes encoded = encode_module(m);
  EXPECT_EQ(encoded, module_of({section(4, {0x00}), testing::custom_section("hint", {7})}));
  const ir::Module back = decode_ok(encoded);
  ASSERT_EQ(back.customs.size(), 1u);
  EXPECT_EQ(back.customs[0].after_section, 4);
}

TEST(Encoder, NamesWithoutRawSectionBecomeANameSection) {
  ir::Module m;
  m.types.push_back(ir::SubType{});
  m.functions.resize(2);
  const uint8_t end[] = {0x0b};
  for (ir::Function& fn : m.functions) fn.body = m.append_bytes(end, 1);
  m.functions[1].locals.push_back(ir::LocalDecl{2, ir::ValType::f64()});
  m.functions[1].num_locals = 2;
  m.names.module = "text";
  m.names.functions[1] = "second";
  m.names.functions[0] = "first";
  m.names.locals[1][1] = "y";
  m.names.locals[1][0] = "x";

  const Bytes encoded = encode_module(m);
  const ir::Module back = decode_ok(encoded);
  EXPECT_EQ(back.names.module, m.names.module);
  EXPECT_EQ(back.names.functions, m.names.functions);
  EXPECT_EQ(back.names.locals, m.names.locals);
  ASSERT_EQ(back.customs.size(), 1u);
  EXPECT_EQ(back.customs[0].name, "name");
  EXPECT_EQ(back.customs[0].after_section, 10);  // after the code section, the last one
  // Entries are in increasing index order, as the format asks.
  const Bytes function_names =
      section(1, cat({Bytes{0x02, 0x00}, name("first"), Bytes{0x01}, name("second")}));
  const Bytes content(encoded.end() - static_cast<long>(back.customs[0].content.size),
                      encoded.end());
  EXPECT_NE(
      std::search(content.begin(), content.end(), function_names.begin(), function_names.end()),
      content.end());
}

TEST(Encoder, RawNameSectionWinsOverNames) {
  ir::Module m = decode_ok(module_of({testing::custom_section("name", section(0, name("raw")))}));
  m.names.module = "changed";
  const ir::Module back = decode_ok(encode_module(m));
  EXPECT_EQ(back.names.module, std::optional<std::string>("raw"));
  EXPECT_EQ(back.customs.size(), 1u);
}

TEST(Encoder, FunctionIndicesOfNonFuncrefSegmentBecomeExpressions) {
  ir::Module m;
  ir::ElemSegment seg;
  seg.mode = ir::SegmentMode::Passive;
  seg.type = ir::ValType::ref(ir::HeapType::abstract(ir::AbsHeap::Func), false);
  seg.func_indices = {3};
  m.elems.push_back(seg);
  EXPECT_EQ(encode_module(m),
            module_of({section(9, {0x01, 0x05, 0x64, 0x70, 0x01, 0xd2, 0x03, 0x0b})}));
}

TEST(Encoder, ActiveSegmentsOnOtherTablesAndMemoriesUseExplicitForms) {
  ir::Module m;
  const uint8_t offset[] = {0x41, 0x00, 0x0b};
  ir::ElemSegment elem;
  elem.mode = ir::SegmentMode::Active;
  elem.table = 2;
  elem.offset.code = m.append_bytes(offset, 3);
  elem.func_indices = {0};
  m.elems.push_back(elem);
  ir::DataSegment data;
  data.mode = ir::SegmentMode::Active;
  data.memory = 1;
  data.offset.code = m.append_bytes(offset, 3);
  m.datas.push_back(data);
  EXPECT_EQ(encode_module(m),
            module_of({section(9, {0x01, 0x02, 0x02, 0x41, 0x00, 0x0b, 0x00, 0x01, 0x00}),
                       section(11, {0x01, 0x02, 0x01, 0x41, 0x00, 0x0b, 0x00})}));
}

TEST(Encoder, RecGroupsAndSubtypesUseTheirForms) {
  ir::Module m;
  ir::SubType open;
  open.final = false;
  ir::SubType child;
  child.supertypes = {0};
  child.composite.kind = ir::CompositeKind::Struct;
  child.composite.struct_.fields.push_back(
      ir::FieldType{ir::StorageType{ir::ValType::i32(), ir::Packed::I8}, true});
  m.types = {open, child};
  m.rec_groups = {{0, 2}};
  EXPECT_EQ(encode_module(m), module_of({section(1, {0x01, 0x4e, 0x02, 0x50, 0x00, 0x60, 0x00, 0x00,
                                                     0x4f, 0x01, 0x00, 0x5f, 0x01, 0x78, 0x01})}));
  ir::Features gc;
  gc.gc = true;
  gc.function_references = true;
  auto back = decode_module(encode_module(m), gc);
  ASSERT_TRUE(back.has_value()) << back.error().to_string();
  EXPECT_EQ(back->types, m.types);
  EXPECT_EQ(back->rec_groups.size(), 1u);
  EXPECT_EQ(back->rec_groups[0].count, 2u);
}

}  // namespace
}  // namespace weft::binary
