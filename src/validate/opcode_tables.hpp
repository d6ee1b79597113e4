// The opcode table (ir/opcodes.def) precomputed at compile time into the compact forms the body
// decoder needs on its hot path: byte → opcode lookups without std::optional or a function call,
// and each regular instruction's signature ("ii:i") parsed once into value kinds.
#pragma once

#include <array>
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

// Encoding → opcode. kNoOpcode marks undefined encodings (and the prefix bytes themselves in
// the single-byte table). Prefixed codes above 255 are undefined in every supported proposal.
inline constexpr uint16_t kNoOpcode = 0xffff;

struct OpcodeDecodeTables {
  std::array<uint16_t, 256> single{};
  std::array<uint16_t, 256> prefix_fc{};
  std::array<uint16_t, 256> prefix_fd{};

  constexpr OpcodeDecodeTables() {
    single.fill(kNoOpcode);
    prefix_fc.fill(kNoOpcode);
    prefix_fd.fill(kNoOpcode);
    uint16_t index = 0;
#define WEFT_OP(ident, name, prefix, code, imm, sig, arg) add(prefix, code, index++);
#include "ir/opcodes.def"
#undef WEFT_OP
  }

 private:
  constexpr void add(uint8_t prefix, uint32_t code, uint16_t index) {
    if (code > 255) throw "opcodes.def: prefixed code above 255 needs a wider table";
    if (prefix == 0)
      single[code] = index;
    else if (prefix == 0xfc)
      prefix_fc[code] = index;
    else
      prefix_fd[code] = index;
  }
};

inline constexpr OpcodeDecodeTables kOpcodeDecodeTables{};

}  // namespace weft::validate
