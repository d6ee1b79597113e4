// Well-formed modules: what the decoder makes of each section.
#include "binary/decoder.hpp"

#include <gtest/gtest.h>

#include "module_bytes.hpp"

namespace weft::binary {
namespace {

using testing::Bytes;
using testing::cat;
using testing::decode_ok;
using testing::module_of;
using testing::name;
using testing::section;

Bytes bytes_of(const ir::Module& m, ir::ByteRange r) {
  auto s = m.span(r);
  return Bytes(s.begin(), s.end());
}

TEST(Decoder, EmptyModule) {
  const ir::Module m = decode_ok(testing::kHeader);
  EXPECT_TRUE(m.types.empty());
  EXPECT_TRUE(m.functions.empty());
  EXPECT_EQ(m.bytes, testing::kHeader);
}

TEST(Decoder, EmptySectionsAreAllowed) {
  const ir::Module m =
      decode_ok(module_of({section(1, {0x00}), section(3, {0x00}), section(10, {0x00})}));
  EXPECT_TRUE(m.types.empty());
}

TEST(Decoder, FunctionTypesAreFinalAndAloneInTheirGroups) {
  const ir::Module m = decode_ok(module_of({section(
      1, {0x02, 0x60, 0x02, 0x7f, 0x7e, 0x01, 0x7d, 0x60, 0x01, 0x70, 0x02, 0x6f, 0x7b})}));
  ASSERT_EQ(m.types.size(), 2u);
  ASSERT_EQ(m.rec_groups.size(), 2u);
  EXPECT_EQ(m.rec_groups[1].first, 1u);
  EXPECT_EQ(m.rec_groups[1].count, 1u);
  EXPECT_TRUE(m.types[0].final);
  EXPECT_TRUE(m.types[0].supertypes.empty());
  EXPECT_EQ(m.func_type(0).params, (std::vector{ir::ValType::i32(), ir::ValType::i64()}));
  EXPECT_EQ(m.func_type(0).results, (std::vector{ir::ValType::f32()}));
  EXPECT_EQ(m.func_type(1).params, (std::vector{ir::ValType::funcref()}));
  EXPECT_EQ(m.func_type(1).results, (std::vector{ir::ValType::externref(), ir::ValType::v128()}));
}

TEST(Decoder, ImportsOfEveryKindAreCounted) {
  const Bytes imports =
      cat({Bytes{0x04}, name("m"), name("f"), Bytes{0x00, 0x00}, name("m"), name("t"),
           Bytes{0x01, 0x70, 0x01, 0x01, 0x02}, name("m"), name("mem"), Bytes{0x02, 0x00, 0x03},
           name("m"), name("g"), Bytes{0x03, 0x7e, 0x01}});
  const ir::Module m =
      decode_ok(module_of({testing::type_section_void_to_void(), section(2, imports)}));
  ASSERT_EQ(m.imports.size(), 4u);
  EXPECT_EQ(m.imports[0].module, "m");
  EXPECT_EQ(m.imports[0].name, "f");
  EXPECT_EQ(m.imports[0].kind, ir::ExternKind::Func);
  EXPECT_EQ(m.imports[1].table.limits.max, std::optional<uint64_t>(2));
  EXPECT_EQ(m.imports[2].memory.limits.min, 3u);
  EXPECT_FALSE(m.imports[2].memory.limits.max.has_value());
  EXPECT_EQ(m.imports[3].global.type, ir::ValType::i64());
  EXPECT_TRUE(m.imports[3].global.mut);
  EXPECT_EQ(m.num_imported_funcs, 1u);
  EXPECT_EQ(m.num_imported_tables, 1u);
  EXPECT_EQ(m.num_imported_memories, 1u);
  EXPECT_EQ(m.num_imported_globals, 1u);
  EXPECT_EQ(m.global_type(0).type, ir::ValType::i64());
}

TEST(Decoder, TablesMemoriesGlobalsExportsStart) {
  const Bytes bytes = module_of({
      testing::type_section_void_to_void(),
      testing::function_section(1),
      section(4, {0x02, 0x70, 0x00, 0x05, 0x6f, 0x01, 0x00, 0x80, 0x02}),
      section(5, {0x01, 0x01, 0x01, 0x10}),
      section(6, {0x02, 0x7f, 0x00, 0x41, 0x2a, 0x0b, 0x7c, 0x01, 0x44, 0, 0, 0, 0, 0, 0, 0xf0,
                  0x3f, 0x0b}),
      section(7,
              cat({Bytes{0x02}, name("run"), Bytes{0x00, 0x00}, name("mem"), Bytes{0x02, 0x00}})),
      section(8, {0x00}),
      testing::code_section_empty_bodies(1),
  });
  const ir::Module m = decode_ok(bytes);
  ASSERT_EQ(m.tables.size(), 2u);
  EXPECT_EQ(m.tables[0].type.element, ir::ValType::funcref());
  EXPECT_EQ(m.tables[0].type.limits.min, 5u);
  EXPECT_EQ(m.tables[1].type.element, ir::ValType::externref());
  EXPECT_EQ(m.tables[1].type.limits.max, std::optional<uint64_t>(256));
  ASSERT_EQ(m.memories.size(), 1u);
  EXPECT_EQ(m.memories[0].type.limits.max, std::optional<uint64_t>(16));
  ASSERT_EQ(m.globals.size(), 2u);
  EXPECT_EQ(bytes_of(m, m.globals[0].init.code), (Bytes{0x41, 0x2a, 0x0b}));
  EXPECT_EQ(m.globals[1].init.code.size, 10u);
  EXPECT_TRUE(m.globals[1].type.mut);
  ASSERT_EQ(m.exports.size(), 2u);
  EXPECT_EQ(m.exports[1].name, "mem");
  EXPECT_EQ(m.exports[1].kind, ir::ExternKind::Memory);
  EXPECT_EQ(m.start, std::optional<uint32_t>(0));
}

TEST(Decoder, GlobalInitializerSpansNestedBlocks) {
  // Not a constant expression (validation rejects it), but its extent is still found.
  const ir::Module m =
      decode_ok(module_of({section(6, {0x01, 0x7f, 0x00, 0x02, 0x40, 0x0b, 0x41, 0x00, 0x0b})}));
  EXPECT_EQ(bytes_of(m, m.globals[0].init.code), (Bytes{0x02, 0x40, 0x0b, 0x41, 0x00, 0x0b}));
}

TEST(Decoder, AllEightElementSegmentForms) {
  const Bytes elems = {
      0x08, 0x00, 0x41, 0x00, 0x0b, 0x01, 0x00,                    // active table 0, indices
      0x01, 0x00, 0x02, 0x00, 0x00,                                // passive, elemkind, indices
      0x02, 0x01, 0x41, 0x01, 0x0b, 0x00, 0x01, 0x00,              // active table 1, elemkind
      0x03, 0x00, 0x01, 0x00,                                      // declarative, indices
      0x04, 0x41, 0x02, 0x0b, 0x01, 0xd2, 0x00, 0x0b,              // active table 0, exprs
      0x05, 0x70, 0x02, 0xd0, 0x70, 0x0b, 0xd2, 0x00, 0x0b,        // passive, reftype, exprs
      0x06, 0x01, 0x41, 0x03, 0x0b, 0x6f, 0x01, 0xd0, 0x6f, 0x0b,  // active table 1, exprs
      0x07, 0x70, 0x00,                                            // declarative, no items
  };
  const ir::Module m = decode_ok(module_of({section(9, elems)}));
  ASSERT_EQ(m.elems.size(), 8u);
  using ir::SegmentMode;
  const SegmentMode modes[] = {
      SegmentMode::Active, SegmentMode::Passive, SegmentMode::Active, SegmentMode::Declarative,
      SegmentMode::Active, SegmentMode::Passive, SegmentMode::Active, SegmentMode::Declarative};
  for (size_t i = 0; i < 8; ++i) {
    EXPECT_EQ(m.elems[i].mode, modes[i]) << i;
    EXPECT_EQ(m.elems[i].uses_exprs, i >= 4) << i;
  }
  EXPECT_EQ(m.elems[0].func_indices, (std::vector<uint32_t>{0}));
  EXPECT_EQ(bytes_of(m, m.elems[0].offset.code), (Bytes{0x41, 0x00, 0x0b}));
  EXPECT_EQ(m.elems[1].func_indices, (std::vector<uint32_t>{0, 0}));
  EXPECT_EQ(m.elems[2].table, 1u);
  EXPECT_EQ(bytes_of(m, m.elems[4].exprs[0].code), (Bytes{0xd2, 0x00, 0x0b}));
  EXPECT_EQ(m.elems[5].size(), 2u);
  EXPECT_EQ(m.elems[6].type, ir::ValType::externref());
  EXPECT_EQ(m.elems[6].table, 1u);
  EXPECT_EQ(m.elems[7].size(), 0u);
}

TEST(Decoder, DataSegmentFormsAndCount) {
  const Bytes datas = {0x03, 0x00, 0x41, 0x00, 0x0b, 0x02, 'h', 'i',  // active memory 0
                       0x01, 0x01, 'x',                               // passive
                       0x02, 0x01, 0x41, 0x08, 0x0b, 0x00};           // active memory 1, empty
  const ir::Module m = decode_ok(module_of({section(12, {0x03}), section(11, datas)}));
  EXPECT_EQ(m.data_count, std::optional<uint32_t>(3));
  ASSERT_EQ(m.datas.size(), 3u);
  EXPECT_EQ(m.datas[0].mode, ir::SegmentMode::Active);
  EXPECT_EQ(bytes_of(m, m.datas[0].init), (Bytes{'h', 'i'}));
  EXPECT_EQ(m.datas[1].mode, ir::SegmentMode::Passive);
  EXPECT_EQ(bytes_of(m, m.datas[1].init), (Bytes{'x'}));
  EXPECT_EQ(m.datas[2].memory, 1u);
  EXPECT_EQ(bytes_of(m, m.datas[2].offset.code), (Bytes{0x41, 0x08, 0x0b}));
  EXPECT_EQ(m.datas[2].init.size, 0u);
}

TEST(Decoder, CodeKeepsLocalsAndBodyRange) {
  const Bytes body = {0x09, 0x03, 0x00, 0x7f, 0x02, 0x7e, 0x01, 0x7d, 0x01, 0x0b};
  const Bytes bytes = module_of({testing::type_section_void_to_void(), testing::function_section(1),
                                 section(10, cat({Bytes{0x01}, body}))});
  const ir::Module m = decode_ok(bytes);
  const ir::Function& fn = m.functions[0];
  EXPECT_EQ(fn.type_index, 0u);
  ASSERT_EQ(fn.locals.size(), 3u);
  EXPECT_EQ(fn.locals[1].count, 2u);
  EXPECT_EQ(fn.locals[1].type, ir::ValType::i64());
  EXPECT_EQ(fn.num_locals, 3u);
  EXPECT_EQ(bytes_of(m, fn.body), (Bytes{0x01, 0x0b}));
  EXPECT_EQ(fn.body.offset, bytes.size() - 2);  // ranges are file offsets
}

TEST(Decoder, CustomSectionsRememberTheirPlace) {
  const Bytes bytes =
      module_of({testing::custom_section("first", {1, 2}), testing::type_section_void_to_void(),
                 testing::custom_section("after-types", {}), section(12, {0x00}),
                 testing::custom_section("after-datacount", {3})});
  const ir::Module m = decode_ok(bytes);
  ASSERT_EQ(m.customs.size(), 3u);
  EXPECT_EQ(m.customs[0].name, "first");
  EXPECT_EQ(m.customs[0].after_section, 0);
  EXPECT_EQ(bytes_of(m, m.customs[0].content), (Bytes{1, 2}));
  EXPECT_EQ(m.customs[1].after_section, 1);
  EXPECT_EQ(m.customs[1].content.size, 0u);
  EXPECT_EQ(m.customs[2].after_section, 12);
}

Bytes name_section_content() {
  const Bytes module_name = section(0, name("mod"));
  const Bytes function_names =
      section(1, cat({Bytes{0x02, 0x00}, name("f0"), Bytes{0x01}, name("f1")}));
  const Bytes local_names =
      section(2, cat({Bytes{0x01, 0x01, 0x02, 0x00}, name("a"), Bytes{0x01}, name("b")}));
  return cat({module_name, function_names, local_names});
}

TEST(Decoder, NameSectionFillsNames) {
  const ir::Module m =
      decode_ok(module_of({testing::custom_section("name", name_section_content())}));
  EXPECT_EQ(m.names.module, std::optional<std::string>("mod"));
  EXPECT_EQ(m.names.functions.at(0), "f0");
  EXPECT_EQ(m.names.functions.at(1), "f1");
  EXPECT_EQ(m.names.locals.at(1).at(0), "a");
  EXPECT_EQ(m.names.locals.at(1).at(1), "b");
  ASSERT_EQ(m.customs.size(), 1u);  // the raw section is kept too
  EXPECT_EQ(m.customs[0].name, "name");
}

TEST(Decoder, MalformedNameSectionIsIgnored) {
  // A good module name, then function names whose second entry has invalid UTF-8.
  const Bytes content =
      cat({section(0, name("mod")), section(1, {0x02, 0x00, 0x01, 'a', 0x01, 0x01, 0xff})});
  const ir::Module m = decode_ok(module_of({testing::custom_section("name", content)}));
  EXPECT_EQ(m.names.module, std::optional<std::string>("mod"));
  EXPECT_TRUE(m.names.functions.empty());
}

TEST(Decoder, TruncatedNameSectionIsIgnored) {
  const ir::Module m = decode_ok(module_of({testing::custom_section("name", {0x01, 0x7f, 0x05})}));
  EXPECT_TRUE(m.names.functions.empty());
  EXPECT_FALSE(m.names.module.has_value());
}

TEST(Decoder, UnorderedNameSubsectionsStopReading) {
  const Bytes content =
      cat({section(1, cat({Bytes{0x01, 0x00}, name("f")})), section(0, name("mod"))});
  const ir::Module m = decode_ok(module_of({testing::custom_section("name", content)}));
  EXPECT_EQ(m.names.functions.at(0), "f");
  EXPECT_FALSE(m.names.module.has_value());
}

TEST(Decoder, LebPaddingIsAccepted) {
  const ir::Module m =
      decode_ok(module_of({Bytes{0x05, 0x84, 0x80, 0x80, 0x80, 0x00, 0x01, 0x00, 0x82, 0x00}}));
  EXPECT_EQ(m.memories[0].type.limits.min, 2u);
}

TEST(Decoder, HugeCountsDoNotAllocate) {
  // A type count of 2^32-1 in a tiny file is rejected before anything is reserved for it.
  auto result = decode_module(module_of({Bytes{0x01, 0x05, 0xff, 0xff, 0xff, 0xff, 0x0f}}));
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().message, "length out of bounds");
}

}  // namespace
}  // namespace weft::binary
