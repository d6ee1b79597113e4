// Builds small ir::Modules by hand for the validator tests: types, imports, functions with
// hand-encoded bodies, and the other components, without the binary decoder or text parser.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "base/result.hpp"
#include "base/writer.hpp"
#include "ir/module.hpp"
#include "ir/opcodes.hpp"
#include "validate/validator.hpp"

namespace weft::validate::testing {

using ir::Opcode;
using ir::ValType;

// Instruction bytes, written with the opcode table's encodings.
class Code {
 public:
  Code& op(Opcode o) {
    const ir::OpcodeInfo& info = ir::opcode_info(o);
    if (info.prefix != 0) {
      w().u8(info.prefix);
      w().u32(info.code);
    } else {
      w().u8(static_cast<uint8_t>(info.code));
    }
    return *this;
  }
  Code& u8(uint8_t b) { return w().u8(b), *this; }
  Code& u32(uint32_t v) { return w().u32(v), *this; }
  Code& s32(int32_t v) { return w().s32(v), *this; }
  Code& s64(int64_t v) { return w().s64(v), *this; }
  Code& raw(std::initializer_list<uint8_t> bytes) {
    for (uint8_t b : bytes) w().u8(b);
    return *this;
  }
  Code& op_u32(Opcode o, uint32_t v) { return op(o).u32(v); }
  Code& i32_const(int32_t v) { return op(Opcode::I32Const).s32(v); }
  Code& i64_const(int64_t v) { return op(Opcode::I64Const).s64(v); }
  Code& f32_const() { return op(Opcode::F32Const).raw({0, 0, 0, 0}); }
  Code& f64_const() { return op(Opcode::F64Const).raw({0, 0, 0, 0, 0, 0, 0, 0}); }
  Code& v128_const() {
    op(Opcode::V128Const);
    for (int i = 0; i < 16; ++i) w().u8(0);
    return *this;
  }
  // memarg: alignment exponent and offset (memory 0).
  Code& mem(Opcode o, uint32_t align, uint32_t offset = 0) { return op(o).u32(align).u32(offset); }
  Code& end() { return op(Opcode::End); }

  std::vector<uint8_t> bytes;

 private:
  // Made on each use, so that copies of a Code write to their own bytes.
  Writer w() { return Writer(bytes); }
};

// Block type bytes.
inline constexpr uint8_t kVoid = 0x40, kI32 = 0x7f, kI64 = 0x7e, kF32 = 0x7d, kF64 = 0x7c,
                         kV128 = 0x7b, kFuncRef = 0x70, kExternRef = 0x6f;

class TestModule {
 public:
  ir::Module m;

  uint32_t type(std::vector<ValType> params, std::vector<ValType> results) {
    ir::SubType t;
    t.composite.func = {std::move(params), std::move(results)};
    m.types.push_back(std::move(t));
    m.rec_groups.push_back({uint32_t(m.types.size() - 1), 1});
    return uint32_t(m.types.size() - 1);
  }

  // A defined function; returns its index in the function index space.
  uint32_t func(uint32_t type_index, const Code& body, std::vector<ir::LocalDecl> locals = {}) {
    ir::Function f;
    f.type_index = type_index;
    for (const auto& d : locals) f.num_locals += d.count;
    f.locals = std::move(locals);
    f.body = m.append_bytes(body.bytes.data(), body.bytes.size());
    m.functions.push_back(std::move(f));
    return m.total_funcs() - 1;
  }
  // A function of type [] -> [] (a new type each time, which is fine for tests).
  uint32_t func(const Code& body, std::vector<ValType> results = {},
                std::vector<ValType> params = {}, std::vector<ir::LocalDecl> locals = {}) {
    return func(type(std::move(params), std::move(results)), body, std::move(locals));
  }

  // Replaces the body of defined function `defined_index`.
  void set_body(uint32_t defined_index, const Code& body) {
    m.functions[defined_index].body = m.append_bytes(body.bytes.data(), body.bytes.size());
  }

  void import(ir::Import i) {
    m.imports.push_back(std::move(i));
    m.count_imports();
  }
  void import_func(uint32_t type_index) {
    ir::Import i;
    i.module = "env";
    i.name = "f" + std::to_string(m.imports.size());
    i.kind = ir::ExternKind::Func;
    i.func_type = type_index;
    import(std::move(i));
  }
  void import_global(ValType t, bool mut) {
    ir::Import i;
    i.module = "env";
    i.name = "g" + std::to_string(m.imports.size());
    i.kind = ir::ExternKind::Global;
    i.global = {t, mut};
    import(std::move(i));
  }

  ir::ConstExpr expr(const Code& code) {
    return ir::ConstExpr{m.append_bytes(code.bytes.data(), code.bytes.size())};
  }
  uint32_t global(ValType t, bool mut, const Code& init) {
    m.globals.push_back({{t, mut}, expr(init)});
    return m.total_globals() - 1;
  }
  uint32_t memory(uint64_t min = 1, std::optional<uint64_t> max = std::nullopt) {
    ir::Memory mem;
    mem.type.limits.min = min;
    mem.type.limits.max = max;
    m.memories.push_back(mem);
    return m.total_memories() - 1;
  }
  uint32_t table(ValType element = ValType::funcref(), uint64_t min = 1) {
    ir::Table t;
    t.type.element = element;
    t.type.limits.min = min;
    m.tables.push_back(t);
    return m.total_tables() - 1;
  }
  void export_(std::string name, ir::ExternKind kind, uint32_t index) {
    m.exports.push_back({std::move(name), kind, index});
  }
  // A passive data segment (and the data count section, which code referring to data needs).
  void passive_data(bool with_count = true) {
    ir::DataSegment d;
    m.datas.push_back(d);
    if (with_count) m.data_count = uint32_t(m.datas.size());
  }
  // A declarative element segment listing `funcs`.
  void declare(std::vector<uint32_t> funcs) {
    ir::ElemSegment e;
    e.mode = ir::SegmentMode::Declarative;
    e.func_indices = std::move(funcs);
    m.elems.push_back(std::move(e));
  }

  Result<void> validate(const ir::Features& f = ir::Features::wasm2()) const {
    return validate_module(m, f);
  }
};

}  // namespace weft::validate::testing
