#include "text/wast.hpp"

#include <gtest/gtest.h>

namespace weft::text {
namespace {

Script parse(std::string_view src) {
  auto s = parse_wast(src);
  EXPECT_TRUE(s.has_value()) << s.error().to_string();
  return s ? std::move(*s) : Script{};
}

TEST(Wast, ModulesKeepTheirSourceForLazyParsing) {
  const std::string src =
      "(module $M (func (export \"f\")))\n"
      "  (module binary \"\\00asm\" \"\\01\\00\\00\\00\")\n"
      "(module quote \"(func\" \" (i32.const 0x))\")";
  Script s = parse(src);
  ASSERT_EQ(s.commands.size(), 3u);
  const ScriptModule& text = *s.commands[0].module;
  EXPECT_EQ(text.kind, ScriptModuleKind::Text);
  EXPECT_EQ(text.id, "M");
  EXPECT_EQ(text.text, "(module $M (func (export \"f\")))");
  EXPECT_EQ(text.pos.line, 1u);
  EXPECT_TRUE(parse_wat(text.text, text.pos).has_value());
  const ScriptModule& bin = *s.commands[1].module;
  EXPECT_EQ(bin.kind, ScriptModuleKind::Binary);
  EXPECT_EQ(bin.bytes, (std::vector<uint8_t>{0, 'a', 's', 'm', 1, 0, 0, 0}));
  EXPECT_EQ(s.commands[1].pos.line, 2u);
  EXPECT_EQ(s.commands[1].pos.column, 3u);
  const ScriptModule& quote = *s.commands[2].module;
  EXPECT_EQ(quote.kind, ScriptModuleKind::Quote);
  EXPECT_EQ(quote.text, "(func (i32.const 0x))");
  // The module is malformed, but only parsing it says so.
  EXPECT_FALSE(parse_wat(quote.text).has_value());
}

TEST(Wast, ModuleErrorsUseScriptCoordinates) {
  Script s = parse("\n\n   (module\n  (func (i32.const 0x)))");
  const ScriptModule& m = *s.commands[0].module;
  auto r = parse_wat(m.text, m.pos);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().line, 4u);
  EXPECT_EQ(r.error().column, 20u);
}

TEST(Wast, ActionsAndArguments) {
  Script s = parse(
      "(invoke \"f\" (i32.const -1) (i64.const 0x10) (f32.const 1.5) (f64.const -nan:0x1)"
      "  (v128.const i8x16 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 -1) (ref.null func)"
      "  (ref.extern 7) (ref.null extern))\n"
      "(get $M \"g\")\n"
      "(register \"lib\" $M)\n"
      "(register \"latest\")");
  ASSERT_EQ(s.commands.size(), 4u);
  const Action& a = *s.commands[0].action;
  EXPECT_EQ(s.commands[0].kind, CommandKind::Action);
  EXPECT_EQ(a.kind, ActionKind::Invoke);
  EXPECT_FALSE(a.module_id.has_value());
  EXPECT_EQ(a.name, "f");
  ASSERT_EQ(a.args.size(), 8u);
  EXPECT_EQ(a.args[0].kind, ValueKind::I32);
  EXPECT_EQ(a.args[0].bits, 0xffffffffu);
  EXPECT_EQ(a.args[1].bits, 16u);
  EXPECT_EQ(a.args[2].bits, 0x3fc00000u);
  EXPECT_EQ(a.args[3].bits, 0xfff0000000000001u);
  EXPECT_EQ(a.args[4].kind, ValueKind::V128);
  EXPECT_EQ(a.args[4].v128[0], 1);
  EXPECT_EQ(a.args[4].v128[15], 0xff);
  EXPECT_EQ(a.args[5].kind, ValueKind::RefNull);
  EXPECT_EQ(a.args[5].heap, ir::HeapType::abstract(ir::AbsHeap::Func));
  EXPECT_EQ(a.args[6].kind, ValueKind::RefExtern);
  EXPECT_EQ(a.args[6].bits, 7u);
  EXPECT_EQ(a.args[7].heap, ir::HeapType::abstract(ir::AbsHeap::Extern));
  EXPECT_EQ(s.commands[1].action->kind, ActionKind::Get);
  EXPECT_EQ(s.commands[1].action->module_id, "M");
  EXPECT_EQ(s.commands[2].kind, CommandKind::Register);
  EXPECT_EQ(s.commands[2].register_name, "lib");
  EXPECT_EQ(s.commands[2].register_id, "M");
  EXPECT_FALSE(s.commands[3].register_id.has_value());
}

TEST(Wast, AssertReturnResults) {
  Script s = parse(
      "(assert_return (invoke \"f\") (i32.const 1) (f32.const nan:canonical)"
      "  (f64.const nan:arithmetic) (f64.const -0x1p-1)"
      "  (v128.const f32x4 nan:canonical 1.0 nan:arithmetic -0)"
      "  (ref.extern) (ref.func) (ref.null extern) (ref.extern 3))");
  const Command& c = s.commands[0];
  EXPECT_EQ(c.kind, CommandKind::AssertReturn);
  ASSERT_EQ(c.expected.size(), 9u);
  EXPECT_EQ(c.expected[0].kind, ExpectedKind::I32);
  EXPECT_EQ(c.expected[1].nan, NanPattern::Canonical);
  EXPECT_EQ(c.expected[2].nan, NanPattern::Arithmetic);
  EXPECT_EQ(c.expected[3].nan, NanPattern::None);
  EXPECT_EQ(c.expected[3].bits, 0xbfe0000000000000u);
  const Expected& v = c.expected[4];
  EXPECT_EQ(v.shape, V128Shape::F32x4);
  EXPECT_EQ(v.lane_nan[0], NanPattern::Canonical);
  EXPECT_EQ(v.lane_nan[1], NanPattern::None);
  EXPECT_EQ(v.v128[7], 0x3f);
  EXPECT_EQ(v.lane_nan[2], NanPattern::Arithmetic);
  EXPECT_EQ(v.v128[15], 0x80);
  EXPECT_EQ(c.expected[5].kind, ExpectedKind::RefExtern);
  EXPECT_FALSE(c.expected[5].has_value);
  EXPECT_EQ(c.expected[6].kind, ExpectedKind::RefFunc);
  EXPECT_EQ(c.expected[7].kind, ExpectedKind::RefNull);
  EXPECT_TRUE(c.expected[8].has_value);
  EXPECT_EQ(c.expected[8].bits, 3u);
}

TEST(Wast, Assertions) {
  Script s = parse(
      "(assert_trap (invoke \"f\") \"unreachable\")\n"
      "(assert_trap (module (start 0) (func unreachable)) \"unreachable\")\n"
      "(assert_exhaustion (invoke $M \"loop\" (i32.const 1)) \"call stack exhausted\")\n"
      "(assert_invalid (module (func (result i32))) \"type mismatch\")\n"
      "(assert_malformed (module quote \"(func\") \"unexpected end\")\n"
      "(assert_unlinkable (module (import \"x\" \"y\" (func))) \"unknown import\")\n"
      "(assert_uninstantiable (module binary \"\") \"out of bounds\")");
  ASSERT_EQ(s.commands.size(), 7u);
  EXPECT_EQ(s.commands[0].kind, CommandKind::AssertTrap);
  EXPECT_TRUE(s.commands[0].action.has_value());
  EXPECT_EQ(s.commands[0].message, "unreachable");
  EXPECT_EQ(s.commands[1].kind, CommandKind::AssertTrap);
  EXPECT_TRUE(s.commands[1].module.has_value());
  EXPECT_FALSE(s.commands[1].action.has_value());
  EXPECT_EQ(s.commands[2].kind, CommandKind::AssertExhaustion);
  EXPECT_EQ(s.commands[2].action->module_id, "M");
  EXPECT_EQ(s.commands[3].kind, CommandKind::AssertInvalid);
  EXPECT_EQ(s.commands[3].message, "type mismatch");
  EXPECT_EQ(s.commands[4].kind, CommandKind::AssertMalformed);
  EXPECT_EQ(s.commands[4].module->kind, ScriptModuleKind::Quote);
  EXPECT_EQ(s.commands[5].kind, CommandKind::AssertUnlinkable);
  EXPECT_EQ(s.commands[6].kind, CommandKind::AssertUninstantiable);
  EXPECT_EQ(s.commands[6].module->kind, ScriptModuleKind::Binary);
  EXPECT_EQ(s.commands[6].pos.line, 7u);
}

TEST(Wast, BareFieldsAreOneInlineModule) {
  Script s = parse("(func) (memory 0)");
  ASSERT_EQ(s.commands.size(), 1u);
  EXPECT_EQ(s.commands[0].kind, CommandKind::Module);
  EXPECT_TRUE(parse_wat(s.commands[0].module->text).has_value());
}

TEST(Wast, UnknownCommandsAndBadSyntaxAreErrorsWithPosition) {
  auto r = parse_wast("(module)\n  (assert_exception (invoke \"f\"))");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, ErrorKind::Malformed);
  EXPECT_EQ(r.error().line, 2u);
  EXPECT_EQ(r.error().column, 4u);
  EXPECT_FALSE(parse_wast("(assert_return (invoke \"f\") (i32.const nan:canonical))").has_value());
  EXPECT_FALSE(parse_wast("(invoke \"f\" (f32.const nan:canonical))").has_value());
  EXPECT_FALSE(parse_wast("(module (func)").has_value());
  EXPECT_FALSE(parse_wast("(register)").has_value());
  EXPECT_FALSE(parse_wast("(assert_invalid (module) )").has_value());
}

}  // namespace
}  // namespace weft::text
