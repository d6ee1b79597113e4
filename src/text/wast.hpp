// WebAssembly script (.wast) → a list of commands, as the spec test suite writes them.
//
// Modules inside a script are not parsed here: a command keeps the module's text (or bytes) and
// the runner parses it when it runs the command, so a malformed module fails only its own command
// (assert_malformed, assert_invalid) instead of the whole script.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "ir/types.hpp"
#include "text/v128_literal.hpp"
#include "text/wat_parser.hpp"

namespace weft::text {

enum class ScriptModuleKind : uint8_t {
  Text,    // `(module ...)`: `text` is the exact source of the whole form, for parse_wat
  Binary,  // `(module binary "..." ...)`: `bytes` holds the concatenated strings
  Quote,   // `(module quote "..." ...)`: `text` holds the concatenated strings, for parse_wat
};

struct ScriptModule {
  ScriptModuleKind kind = ScriptModuleKind::Text;
  std::optional<std::string> id;  // `$name` after `module`, without the `$`
  std::string text;               // Text and Quote
  std::vector<uint8_t> bytes;     // Binary
  // Where `text` starts in the script: pass it to parse_wat(text, pos) for Text modules. For
  // Quote modules it is the position of the `(module` form (the strings are not contiguous).
  SourcePos pos;
};

// A constant argument of an action.
enum class ValueKind : uint8_t {
  I32,
  I64,
  F32,
  F64,
  V128,
  RefNull,    // ref.null <heaptype>
  RefExtern,  // ref.extern N
  RefFunc,    // ref.func [index]
};

struct Value {
  ValueKind kind = ValueKind::I32;
  uint64_t bits = 0;       // I32/I64/F32/F64 raw bits (low bits), RefExtern N, RefFunc index
  bool has_index = false;  // RefFunc: whether an index was given
  std::array<uint8_t, 16> v128{};      // V128: little-endian bytes
  V128Shape shape = V128Shape::I32x4;  // V128: the shape it was written in
  ir::HeapType heap;                   // RefNull
};

enum class NanPattern : uint8_t { None, Canonical, Arithmetic };

// An expected result of assert_return.
enum class ExpectedKind : uint8_t {
  I32,
  I64,
  F32,  // exact bits, or a NaN pattern
  F64,
  V128,       // per lane: exact bits, or (float shapes) a NaN pattern
  RefNull,    // any null reference of `heap`'s hierarchy
  RefExtern,  // ref.extern N (has_value), or any non-null extern reference
  RefFunc,    // ref.func [index] (has_value), or any non-null function reference
};

struct Expected {
  ExpectedKind kind = ExpectedKind::I32;
  uint64_t bits = 0;       // I32/I64/F32/F64 when nan == None; RefExtern N; RefFunc index
  bool has_value = false;  // RefExtern/RefFunc: whether a number was given
  NanPattern nan = NanPattern::None;      // F32/F64
  V128Shape shape = V128Shape::I32x4;     // V128
  std::array<uint8_t, 16> v128{};         // V128: the lanes' exact bits (little-endian)
  std::array<NanPattern, 16> lane_nan{};  // V128: per lane; None means compare the lane's bits
  ir::HeapType heap;                      // RefNull
};

enum class ActionKind : uint8_t { Invoke, Get };

struct Action {
  ActionKind kind = ActionKind::Invoke;
  std::optional<std::string> module_id;  // without the `$`; nullopt: the most recent module
  std::string name;                      // export name (raw bytes of the string)
  std::vector<Value> args;               // Invoke only
  SourcePos pos;
};

enum class CommandKind : uint8_t {
  Module,                // module
  Register,              // register_name, register_id
  Action,                // a bare invoke/get
  AssertReturn,          // action, expected
  AssertTrap,            // action or module, message
  AssertExhaustion,      // action, message
  AssertInvalid,         // module, message
  AssertMalformed,       // module, message
  AssertUnlinkable,      // module, message
  AssertUninstantiable,  // module, message
};

struct Command {
  CommandKind kind = CommandKind::Module;
  SourcePos pos;  // of the command's opening parenthesis
  std::optional<ScriptModule> module;
  std::optional<Action> action;
  std::vector<Expected> expected;
  std::string message;                     // the expected failure text of an assertion
  std::string register_name;               // Register: the name the module is registered as
  std::optional<std::string> register_id;  // Register: `$id` of the module (nullopt: latest)
};

struct Script {
  std::vector<Command> commands;
};

// Parses a whole script. Syntax errors (including unknown commands) are ErrorKind::Malformed
// with line:column; modules are only checked for balanced parentheses and their header.
Result<Script> parse_wast(std::string_view source);

}  // namespace weft::text
