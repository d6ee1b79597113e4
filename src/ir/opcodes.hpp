// Opcodes, generated from opcodes.def: the enumeration, each opcode's static facts, and lookups
// by encoding (for the binary decoder) and by name (for the text parser).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace weft::ir {

// Layout of an instruction's immediates in the binary format.
enum class Imm : uint8_t {
  None,
  BlockType,     // s33: empty (0x40), a value type, or a type index
  Label,         // u32 label depth
  BrTable,       // vec(u32) labels, then u32 default
  FuncIdx,       // u32
  CallIndirect,  // u32 type index, then u32 table index
  SelectT,       // vec(valtype)
  LocalIdx,      // u32
  GlobalIdx,     // u32
  TableIdx,      // u32
  MemArg,        // u32 align (bit 6 set: a memory index follows), [u32 memory], u32/u64 offset
  MemIdx,        // u32 memory index (a byte 0x00 before multi-memory)
  I32,           // s32
  I64,           // s64
  F32,           // 4 bytes
  F64,           // 8 bytes
  HeapType,      // s33 heap type
  MemoryInit,    // u32 data index, then u32 memory index
  DataIdx,       // u32
  MemoryCopy,    // u32 destination memory, then u32 source memory
  TableInit,     // u32 element index, then u32 table index
  ElemIdx,       // u32
  TableCopy,     // u32 destination table, then u32 source table
  V128,          // 16 bytes
  Shuffle,       // 16 lane index bytes
  Lane,          // 1 lane index byte
  MemArgLane,    // memarg, then 1 lane index byte
};

enum class Opcode : uint16_t {
#define WEFT_OP(ident, name, prefix, code, imm, sig, arg) ident,
#include "ir/opcodes.def"
#undef WEFT_OP
  Count,
};

inline constexpr size_t kOpcodeCount = static_cast<size_t>(Opcode::Count);

struct OpcodeInfo {
  const char* name;  // text format name
  uint8_t prefix;    // 0, 0xfc or 0xfd
  uint32_t code;
  Imm imm;
  const char* signature;  // "params:results" or "*" for irregular typing
  uint8_t arg;            // natural alignment (log2) or lane count
};

const OpcodeInfo& opcode_info(Opcode op);
inline const char* opcode_name(Opcode op) { return opcode_info(op).name; }

// Decoding: the opcode with this encoding, or nullopt when none is defined.
std::optional<Opcode> opcode_from_byte(uint8_t byte);
std::optional<Opcode> opcode_from_prefixed(uint8_t prefix, uint32_t code);
inline bool is_prefix_byte(uint8_t b) { return b == 0xfc || b == 0xfd; }

// Text: the opcode named `name` ("i32.add"), or nullopt.
std::optional<Opcode> opcode_from_name(std::string_view name);

}  // namespace weft::ir
