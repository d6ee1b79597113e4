// The opcode table (ir/opcodes.def) precomputed at compile time into the compact form the body
// decoder types instructions with: each regular instruction's signature ("ii:i") parsed once into
// value kinds. (Decoding opcodes from bytes is binary/instruction_reader.hpp's.)
#pragma once

#include <cstdint>

#include "ir/opcodes.hpp"
#include "ir/types.hpp"

namespace weft::validate {

// The typing of one opcode. Irregular instructions (signature "*") are typed by hand in
// BodyDecoder; for the others `params` are popped (last one on top) and `result` pushed.
struct OpTyping {
  ir::Imm imm = ir::Imm::None;
  uint8_t arg = 0;  // natural alignment (log2) or lane count, as in the opcode table
  bool irregular = false;
  uint8_t num_params = 0;
  uint8_t num_results = 0;
  ir::ValKind params[3] = {};
  ir::ValKind result = ir::ValKind::I32;
};

namespace detail {

constexpr ir::ValKind kind_from_letter(char c) {
  switch (c) {
    case 'i':
      return ir::ValKind::I32;
    case 'I':
      return ir::ValKind::I64;
    case 'f':
      return ir::ValKind::F32;
    case 'F':
      return ir::ValKind::F64;
    case 'v':
      return ir::ValKind::V128;
    default:
      break;
  }
  // Not a constant expression: an unknown letter in opcodes.def fails the build here.
  throw "opcodes.def: unknown value type letter in a signature";
}

constexpr OpTyping make_typing(ir::Imm imm, const char* sig, uint8_t arg) {
  OpTyping t;
  t.imm = imm;
  t.arg = arg;
  if (sig[0] == '*') {
    t.irregular = true;
    return t;
  }
  const char* p = sig;
  for (; *p != ':'; ++p) {
    if (t.num_params == 3) throw "opcodes.def: more than 3 parameters";
    t.params[t.num_params++] = kind_from_letter(*p);
  }
  for (++p; *p != '\0'; ++p) {
    if (t.num_results == 1) throw "opcodes.def: more than 1 result";
    t.result = kind_from_letter(*p);
    t.num_results = 1;
  }
  return t;
}

}  // namespace detail

inline constexpr OpTyping kOpTypings[] = {
#define WEFT_OP(ident, name, prefix, code, imm, sig, arg) \
  detail::make_typing(ir::Imm::imm, sig, arg),
#include "ir/opcodes.def"
#undef WEFT_OP
};
static_assert(sizeof(kOpTypings) / sizeof(kOpTypings[0]) == ir::kOpcodeCount);

inline constexpr const OpTyping& op_typing(ir::Opcode op) {
  return kOpTypings[static_cast<size_t>(op)];
}

}  // namespace weft::validate
