#include "ir/opcodes.hpp"

#include <array>
#include <string>
#include <unordered_map>

namespace weft::ir {

static constexpr OpcodeInfo kInfos[] = {
#define WEFT_OP(ident, name, prefix, code, imm, sig, arg) {name, prefix, code, Imm::imm, sig, arg},
#include "ir/opcodes.def"
#undef WEFT_OP
};
static_assert(sizeof(kInfos) / sizeof(kInfos[0]) == kOpcodeCount);

const OpcodeInfo& opcode_info(Opcode op) { return kInfos[static_cast<size_t>(op)]; }

namespace {

constexpr uint16_t kNone = 0xffff;

// Index 0: single-byte opcodes; 1: after 0xfc; 2: after 0xfd. Prefixed codes below 256 only.
struct EncodingTables {
  std::array<std::array<uint16_t, 256>, 3> by_code;
  constexpr EncodingTables() : by_code() {
    for (auto& t : by_code) t.fill(kNone);
    for (size_t i = 0; i < kOpcodeCount; ++i) {
      const OpcodeInfo& info = kInfos[i];
      by_code[table_for(info.prefix)][info.code] = static_cast<uint16_t>(i);
    }
  }
  static constexpr int table_for(uint8_t prefix) {
    return prefix == 0 ? 0 : prefix == 0xfc ? 1 : 2;
  }
};

constexpr EncodingTables kEncodings;

}  // namespace

std::optional<Opcode> opcode_from_byte(uint8_t byte) {
  const uint16_t i = kEncodings.by_code[0][byte];
  if (i == kNone || is_prefix_byte(byte)) return std::nullopt;
  return static_cast<Opcode>(i);
}

std::optional<Opcode> opcode_from_prefixed(uint8_t prefix, uint32_t code) {
  if (!is_prefix_byte(prefix) || code > 255) return std::nullopt;
  const uint16_t i = kEncodings.by_code[EncodingTables::table_for(prefix)][code];
  if (i == kNone) return std::nullopt;
  return static_cast<Opcode>(i);
}

std::optional<Opcode> opcode_from_name(std::string_view name) {
  static const auto* const by_name = [] {
    auto* m = new std::unordered_map<std::string_view, Opcode>();
    for (size_t i = 0; i < kOpcodeCount; ++i) m->emplace(kInfos[i].name, static_cast<Opcode>(i));
    return m;
  }();
  auto it = by_name->find(name);
  if (it == by_name->end()) return std::nullopt;
  return it->second;
}

}  // namespace weft::ir
