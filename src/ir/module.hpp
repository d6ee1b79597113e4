// The module model: what a binary or text module says, before validation and instantiation.
//
// Code (function bodies, constant expressions, data bytes) is not decoded into instruction
// objects: it stays as binary-format bytes in `Module::bytes`, referenced by ByteRange. A binary
// module keeps a copy of its file there, so ranges are file offsets and error positions need no
// translation; the text parser encodes the instructions it parses into the same buffer. The one
// reader of instruction bytes is validate/'s BodyDecoder.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "ir/types.hpp"

namespace weft::ir {

struct ByteRange {
  uint32_t offset = 0;
  uint32_t size = 0;
  bool operator==(const ByteRange&) const = default;
};

// A constant expression: instruction bytes ending with the `end` opcode (0x0b), which is included.
struct ConstExpr {
  ByteRange code;
};

struct Import {
  std::string module;
  std::string name;
  ExternKind kind = ExternKind::Func;
  uint32_t func_type = 0;  // kind == Func: type index
  TableType table;         // kind == Table
  MemoryType memory;       // kind == Memory
  GlobalType global;       // kind == Global
  TagType tag;             // kind == Tag
};

struct Export {
  std::string name;
  ExternKind kind = ExternKind::Func;
  uint32_t index = 0;
};

struct LocalDecl {
  uint32_t count = 0;
  ValType type;
};

struct Function {
  uint32_t type_index = 0;
  std::vector<LocalDecl> locals;  // declared locals, after the parameters
  uint32_t num_locals = 0;        // sum of the counts in `locals`
  // The instruction sequence, from the first instruction to the final `end` included.
  ByteRange body;
};

struct Table {
  TableType type;
  std::optional<ConstExpr> init;  // Wasm 3.0 table initializer
};

struct Memory {
  MemoryType type;
};

struct Global {
  GlobalType type;
  ConstExpr init;
};

struct Tag {
  TagType type;
};

enum class SegmentMode : uint8_t { Passive, Active, Declarative };

struct ElemSegment {
  SegmentMode mode = SegmentMode::Passive;
  uint32_t table = 0;             // active only
  ConstExpr offset;               // active only
  ValType type = ValType::funcref();
  // Items are either function indices (the compact binary forms) or expressions.
  bool uses_exprs = false;
  std::vector<uint32_t> func_indices;
  std::vector<ConstExpr> exprs;

  size_t size() const { return uses_exprs ? exprs.size() : func_indices.size(); }
};

struct DataSegment {
  SegmentMode mode = SegmentMode::Passive;  // Passive or Active
  uint32_t memory = 0;                      // active only
  ConstExpr offset;                         // active only
  ByteRange init;
};

struct CustomSection {
  std::string name;
  ByteRange content;
  // Id of the last known section before this one (0 when it precedes all), so the encoder can put
  // it back in place.
  uint8_t after_section = 0;
};

// The name section, where present (or names from text identifiers).
struct Names {
  std::optional<std::string> module;
  std::unordered_map<uint32_t, std::string> functions;
  std::unordered_map<uint32_t, std::unordered_map<uint32_t, std::string>> locals;
};

// Where the instruction encoded at `offset` in Module::bytes came from in a text source.
struct SourceLoc {
  uint32_t offset = 0;
  uint32_t line = 0;
  uint32_t column = 0;
};

struct Module {
  // Backing storage for every ByteRange in this module.
  std::vector<uint8_t> bytes;
  // For modules parsed from text: sorted by offset, one entry per encoded instruction, so that a
  // validation error at a byte offset can be reported as line:column. Empty for binary modules.
  std::vector<SourceLoc> source_map;

  std::vector<SubType> types;
  std::vector<RecGroup> rec_groups;
  std::vector<Import> imports;
  std::vector<Function> functions;  // defined functions only; imports come first in the index space
  std::vector<Table> tables;        // defined only
  std::vector<Memory> memories;     // defined only
  std::vector<Global> globals;      // defined only
  std::vector<Tag> tags;            // defined only
  std::vector<Export> exports;
  std::optional<uint32_t> start;
  std::vector<ElemSegment> elems;
  std::vector<DataSegment> datas;
  std::optional<uint32_t> data_count;
  std::vector<CustomSection> customs;
  Names names;

  // Imported entities of each kind, counted once the imports are known.
  uint32_t num_imported_funcs = 0;
  uint32_t num_imported_tables = 0;
  uint32_t num_imported_memories = 0;
  uint32_t num_imported_globals = 0;
  uint32_t num_imported_tags = 0;

  // Position in `imports` of the n-th import of each kind (indexed by ExternKind).
  std::vector<uint32_t> imports_by_kind[5];

  // Recounts the num_imported_* fields and imports_by_kind from `imports`. Producers of a Module
  // (decoder, text parser) call it once the imports are final.
  void count_imports();

  uint32_t total_funcs() const { return num_imported_funcs + uint32_t(functions.size()); }
  uint32_t total_tables() const { return num_imported_tables + uint32_t(tables.size()); }
  uint32_t total_memories() const { return num_imported_memories + uint32_t(memories.size()); }
  uint32_t total_globals() const { return num_imported_globals + uint32_t(globals.size()); }
  uint32_t total_tags() const { return num_imported_tags + uint32_t(tags.size()); }

  // Index-space queries over imports and definitions. The index must be in range.
  uint32_t func_type_index(uint32_t func_index) const;
  const TableType& table_type(uint32_t table_index) const;
  const MemoryType& memory_type(uint32_t memory_index) const;
  const GlobalType& global_type(uint32_t global_index) const;
  const TagType& tag_type(uint32_t tag_index) const;

  // The func type at `type_index`, which must exist and be a func type.
  const FuncType& func_type(uint32_t type_index) const {
    return types[type_index].composite.func;
  }
  bool is_func_type(uint32_t type_index) const {
    return type_index < types.size() && types[type_index].composite.kind == CompositeKind::Func;
  }

  std::span<const uint8_t> span(ByteRange r) const { return {bytes.data() + r.offset, r.size}; }

  // The text position of the instruction at byte `offset`, or nullptr when unknown.
  const SourceLoc* source_loc(uint64_t offset) const;

  // Appends bytes to `bytes` and returns their range.
  ByteRange append_bytes(const uint8_t* data, size_t size);
};

}  // namespace weft::ir
