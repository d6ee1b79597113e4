#include "binary/instruction_reader.hpp"

#include <cstdio>
#include <string>

namespace weft::binary {

void fail_illegal_opcode(Reader& r, uint64_t at, uint8_t byte) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "illegal opcode %02x", byte);
  r.fail_at(at, buf);
}

void fail_illegal_opcode(Reader& r, uint64_t at, uint8_t prefix, uint32_t code) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "illegal opcode %02x %02x", prefix, code);
  r.fail_at(at, buf);
}

bool read_prefixed_opcode(Reader& r, const ir::Features& features, uint64_t at, uint8_t prefix,
                          ir::Opcode& op) {
  if (!r.ok()) return false;
  if (!ir::is_prefix_byte(prefix)) {
    fail_illegal_opcode(r, at, prefix);
    return false;
  }
  const uint32_t code = r.u32();
  if (!r.ok()) return false;
  const bool enabled = prefix != 0xfd || features.simd;
  if (enabled && code <= 255) {
    const uint16_t index =
        prefix == 0xfc ? kOpcodeDecodeTables.prefix_fc[code] : kOpcodeDecodeTables.prefix_fd[code];
    if (index != kNoOpcode) {
      op = static_cast<ir::Opcode>(index);
      return true;
    }
  }
  fail_illegal_opcode(r, at, prefix, code);
  return false;
}

bool read_immediates(Reader& r, ir::Imm imm, const ir::Features& features, Immediates& out) {
  const bool memory64 = features.memory64;
  return read_immediates(
      r, imm, features, [memory64](uint32_t) { return memory64; }, CountCheck::Length, out);
}

bool skip_const_expr(Reader& r, const ir::Features& features) {
  // Depth of blocks opened inside the expression: only invalid expressions have any, but they
  // must still be delimited correctly for the validator to report them.
  uint64_t depth = 0;
  Immediates imm;
  for (;;) {
    const uint64_t at = r.offset();
    ir::Opcode op;
    if (!read_opcode(r, features, at, op)) return false;
    switch (op) {
      case ir::Opcode::Block:
      case ir::Opcode::Loop:
      case ir::Opcode::If:
        ++depth;
        break;
      case ir::Opcode::Else:
        if (depth == 0) {
          r.fail_at(at, "END opcode expected");
          return false;
        }
        break;
      case ir::Opcode::End:
        if (depth == 0) return true;
        --depth;
        break;
      default:
        break;
    }
    if (!read_immediates(r, ir::opcode_info(op).imm, features, imm)) return false;
  }
}

}  // namespace weft::binary
