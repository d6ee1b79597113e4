// The WAT module parser's state, shared by the files that implement it:
//   module_scan.cpp   – first pass: type definitions and the identifiers of every index space
//   module_fields.cpp – second pass: each module field into ir::Module
//   type_parser.cpp   – value types, function types, type uses, limits, block types
//   instr_parser.cpp  – instruction sequences (flat and folded) encoded to binary
//   instr_immediates.cpp – the immediates of each instruction, driven by the opcode table
// Two passes because identifiers may be used before their definition.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/result.hpp"
#include "base/writer.hpp"
#include "ir/module.hpp"
#include "ir/opcodes.hpp"
#include "text/literals.hpp"
#include "text/token_cursor.hpp"

namespace weft::text {

// The identifiers of one index space and how many entries it has so far.
struct IndexSpace {
  std::unordered_map<std::string_view, uint32_t> ids;
  uint32_t count = 0;
};

// `(type x)? (param ...)* (result ...)*` as written, before it is resolved to a type index.
struct TypeUse {
  std::optional<uint32_t> index;
  const Token* index_token = nullptr;
  bool has_inline = false;  // any (param) or (result) was written
  ir::FuncType inline_type;
  std::vector<std::string_view> param_ids;  // one per inline param; empty view when unnamed
};

class ModuleParser {
 public:
  ModuleParser(TokenCursor& cursor, ir::Module& module) : cur_(cursor), m_(module) {}

  // Parses `(module $id? field*)` or a bare field sequence, up to the end of input.
  Result<void> parse();

 private:
  // --- module_scan.cpp
  Result<void> scan_fields(size_t first);
  Result<void> define(IndexSpace& space, const Token* id, const char* what);
  Result<void> note_import(const Token& at);
  void note_definition(const char* kind);

  // --- module_fields.cpp
  Result<void> parse_fields(size_t first);
  Result<void> parse_field();
  Result<void> parse_func();
  Result<void> parse_table();
  Result<void> parse_memory();
  Result<void> parse_global();
  Result<void> parse_import();
  Result<void> parse_export();
  Result<void> parse_start();
  Result<void> parse_elem();
  Result<void> parse_data();
  Result<void> parse_inline_exports(ir::ExternKind kind, uint32_t index);
  Result<bool> parse_inline_import(std::string& module, std::string& name);
  // From `(table`, `(memory` or `(global` through its id, inline exports and inline import:
  // numbers the field from `counter` into `index` and says whether it is an inline import
  // (whose names it sets in `import`).
  Result<bool> parse_field_head(ir::ExternKind kind, uint32_t& counter, uint32_t& index,
                                ir::Import& import);
  Result<std::string> parse_name();  // a string that must be valid UTF-8
  Result<void> parse_locals(ir::Function& func, uint32_t func_index);
  void name_function(uint32_t index, const Token* id);
  Result<ir::ConstExpr> parse_offset();
  Result<void> parse_elem_list(ir::ElemSegment& seg, bool allow_bare_funcs);
  Result<ir::ConstExpr> parse_elem_item();
  Result<ir::ByteRange> parse_data_strings();
  const Token* take_id();

  // --- type_parser.cpp
  Result<void> parse_type_def();
  Result<ir::ValType> parse_valtype();
  Result<ir::ValType> parse_reftype();
  Result<ir::HeapType> parse_heaptype();
  bool at_valtype() const;
  Result<ir::GlobalType> parse_globaltype();
  Result<ir::Limits> parse_limits();
  Result<ir::TableType> parse_tabletype();
  Result<TypeUse> parse_typeuse(bool allow_param_ids);
  Result<uint32_t> resolve_typeuse(const TypeUse& use);
  uint32_t find_or_add_type(const ir::FuncType& type);
  Result<void> parse_params(ir::FuncType& type, std::vector<std::string_view>* ids);
  Result<void> parse_results(ir::FuncType& type);

  // --- instr_parser.cpp
  // Parses instructions up to the `)` that closes the enclosing form (not consumed).
  // With `single_folded`, parses exactly one folded instruction instead (an offset or element
  // expression abbreviation).
  Result<void> parse_instrs(bool single_folded = false);
  Result<ir::ConstExpr> parse_const_expr(bool single_folded = false);
  // Block header after `block`/`loop`/`if`: optional label (pushed) and block type.
  Result<void> parse_block_header(Writer& w, std::string_view& label);
  void push_label(std::string_view label);
  void note_location(const Token& t, uint32_t offset);

  // --- instr_immediates.cpp
  Result<void> parse_plain(const Token& op_token, Writer& w);
  Result<void> parse_immediates(ir::Opcode op, const Token& op_token, Writer& w);
  Result<uint32_t> parse_index(const IndexSpace& space, const char* what);
  std::optional<Result<uint32_t>> parse_optional_index(const IndexSpace& space, const char* what);
  Result<uint32_t> parse_label();
  Result<void> parse_memarg(ir::Opcode op, Writer& w);
  Result<void> parse_v128_const(Writer& w);
  Result<void> parse_shuffle(Writer& w);
  // A lane index: a nat below 256. `any_literal`: any numeric literal is read (and rejected as
  // "malformed lane index" when it is not such a nat), as i8x16.shuffle's lanes are.
  Result<uint8_t> parse_lane_index(bool any_literal = false);
  bool at_index() const;
  Error literal_error(const Token& t, LiteralStatus status) const;

  TokenCursor& cur_;
  ir::Module& m_;

  IndexSpace types_, funcs_, tables_, memories_, globals_, elems_, datas_;
  std::unordered_map<std::string, uint32_t> type_by_signature_;
  const char* first_definition_ = nullptr;  // kind of the first non-imported definition
  bool has_start_ = false;
  // Second pass: the index the next func/table/memory/global (imported or defined) gets.
  uint32_t next_func_ = 0, next_table_ = 0, next_memory_ = 0, next_global_ = 0;

  // Per function.
  IndexSpace locals_;
  std::vector<std::string_view> labels_;  // innermost last; empty view for unnamed blocks
  // Bytes of folded instructions waiting for their operands, innermost last.
  std::vector<uint8_t> pending_;
};

}  // namespace weft::text
