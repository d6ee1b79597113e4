#include "runtime/instance.hpp"

#include <cstring>
#include <string>

#include "runtime/const_eval.hpp"

namespace weft::runtime {
namespace {

Error trap_error(TrapCode code) {
  Error error{ErrorKind::Trap, trap_message(code)};
  error.trap = code;
  return error;
}

std::string describe_limits(const ir::Limits& l) {
  std::string s = std::to_string(l.min);
  if (l.max) s += " " + std::to_string(*l.max);
  return s;
}

std::string describe_import(const ir::Module& m, const ir::Import& import) {
  switch (import.kind) {
    case ir::ExternKind::Func:
      return "func " + ir::to_string(m.func_type(import.func_type));
    case ir::ExternKind::Table:
      return "(table " + describe_limits(import.table.limits) + " " +
             ir::to_string(import.table.element) + ")";
    case ir::ExternKind::Memory:
      return "(memory " + describe_limits(import.memory.limits) + ")";
    case ir::ExternKind::Global:
      return import.global.mut ? "(global (mut " + ir::to_string(import.global.type) + "))"
                               : "(global " + ir::to_string(import.global.type) + ")";
    case ir::ExternKind::Tag:
      return "(tag)";
  }
  return "?";
}

std::string describe_extern(TypeRegistry& types, const Extern& e) {
  switch (e.kind) {
    case ir::ExternKind::Func:
      return "func " + ir::to_string(types.type(e.func->type_index));
    case ir::ExternKind::Table: {
      const ir::TableType t = e.table->current_type();
      return "(table " + describe_limits(t.limits) + " " + ir::to_string(t.element) + ")";
    }
    case ir::ExternKind::Memory:
      return "(memory " + describe_limits(e.memory->current_type().limits) + ")";
    case ir::ExternKind::Global:
      return e.global->type.mut ? "(global (mut " + ir::to_string(e.global->type.type) + "))"
                                : "(global " + ir::to_string(e.global->type.type) + ")";
    case ir::ExternKind::Tag:
      return "(tag)";
  }
  return "?";
}

bool in_range(uint64_t start, uint64_t count, uint64_t size) {
  return start <= size && count <= size - start;
}

}  // namespace

Result<Instance*> Instance::instantiate(Store& store, std::shared_ptr<const ir::Module> module,
                                        std::shared_ptr<const compile::ModuleCode> code,
                                        std::span<const Extern> imports, ArrayCallFn wasm_entry) {
  if (imports.size() != module->imports.size()) {
    return Error{ErrorKind::Link, "wrong number of imports"};
  }
  for (size_t i = 0; i < imports.size(); ++i) {
    const ir::Import& import = module->imports[i];
    if (!extern_matches(store.types(), *module, import, imports[i])) {
      return Error{ErrorKind::Link, "incompatible import type for \"" + import.module + "\" \"" +
                                        import.name + "\": expected " +
                                        describe_import(*module, import) + ", found " +
                                        describe_extern(store.types(), imports[i])};
    }
  }
  auto owned = std::make_unique<Instance>(store);
  Instance* instance = owned.get();
  instance->module_ = std::move(module);
  instance->code_ = std::move(code);
  WEFT_TRY(instance->link(imports));
  store.adopt(std::move(owned));
  // Its trampolines may fill host funcref holes, this instance's imports among them.
  store.register_module(instance->code_, instance->type_ids_);
  WEFT_TRY(instance->create_entities(wasm_entry));
  WEFT_TRY(instance->initialize());
  return instance;
}

Result<void> Instance::link(std::span<const Extern> imports) {
  const ir::Module& m = *module_;
  for (const ir::SubType& t : m.types) {
    if (t.composite.kind != ir::CompositeKind::Func) {
      return Error{ErrorKind::Unsupported, "non-function types are not supported"};
    }
    Result<uint32_t> id = store_.types().intern(t.composite.func);
    if (!id) return std::move(id).error();
    type_ids_.push_back(*id);
  }
  for (const Extern& e : imports) {
    switch (e.kind) {
      case ir::ExternKind::Func:
        funcs_.push_back(e.func);
        break;
      case ir::ExternKind::Table:
        tables_.push_back(e.table);
        break;
      case ir::ExternKind::Memory:
        memories_.push_back(e.memory);
        break;
      case ir::ExternKind::Global:
        globals_.push_back(&e.global->cell);
        global_objects_.push_back(e.global);
        break;
      case ir::ExternKind::Tag:
        return Error{ErrorKind::Unsupported, "tags are not supported"};
    }
  }
  return {};
}

Result<void> Instance::create_entities(ArrayCallFn wasm_entry) {
  const ir::Module& m = *module_;
  // Function references first: global initializers and segments may name them.
  for (size_t i = 0; i < m.functions.size(); ++i) {
    Result<VMFuncRef*> ref = store_.funcrefs().allocate();
    if (!ref) return std::move(ref).error();
    (*ref)->array_call = wasm_entry;
    (*ref)->wasm_call = &code_->funcs[i];
    (*ref)->type_index = type_ids_[m.functions[i].type_index];
    (*ref)->vmctx = &vmctx_;
    funcs_.push_back(*ref);
  }
  vmctx_.funcs = funcs_.data();
  vmctx_.type_ids = type_ids_.data();
  vmctx_.instance = this;
  vmctx_.store = &store_;
  vmctx_.limits = &store_.limits();

  ConstEvaluator eval(m);
  for (const ir::Global& g : m.globals) {
    ConstEnv env{globals_.data(), funcs_.data()};
    Result<ValRaw> v = eval.evaluate(g.init, g.type.type, env);
    if (!v) return std::move(v).error();
    Result<Global*> global = store_.new_global(g.type, *v);
    if (!global) return std::move(global).error();
    globals_.push_back(&(*global)->cell);
    global_objects_.push_back(*global);
  }
  for (const ir::Memory& mem : m.memories) {
    Result<LinearMemory*> memory = store_.new_memory(mem.type);
    if (!memory) return std::move(memory).error();
    memories_.push_back(*memory);
  }
  for (const ir::Table& t : m.tables) {
    uint64_t init = 0;
    if (t.init) {
      ConstEnv env{globals_.data(), funcs_.data()};
      Result<ValRaw> v = eval.evaluate(*t.init, t.type.element, env);
      if (!v) return std::move(v).error();
      init = v->ref;
    }
    Result<Table*> table = store_.new_table(t.type, init);
    if (!table) return std::move(table).error();
    tables_.push_back(*table);
  }
  vmctx_.memories = memories_.data();
  vmctx_.tables = tables_.data();
  vmctx_.globals = globals_.data();
  if (!memories_.empty()) {
    vmctx_.memory0 = memories_[0];
    vmctx_.memory0_base = memories_[0]->base();
  }

  for (const ir::Export& e : m.exports) {
    Extern x;
    x.kind = e.kind;
    switch (e.kind) {
      case ir::ExternKind::Func:
        x.func = funcs_[e.index];
        break;
      case ir::ExternKind::Table:
        x.table = tables_[e.index];
        break;
      case ir::ExternKind::Memory:
        x.memory = memories_[e.index];
        break;
      case ir::ExternKind::Global:
        x.global = global_objects_[e.index];
        break;
      case ir::ExternKind::Tag:
        continue;
    }
    exports_.emplace_back(e.name, x);
  }
  for (size_t i = 0; i < exports_.size(); ++i) export_index_.emplace(exports_[i].first, i);

  // Element segments: evaluate every item now (the spec does it before applying any).
  elems_.resize(m.elems.size());
  for (size_t s = 0; s < m.elems.size(); ++s) {
    const ir::ElemSegment& seg = m.elems[s];
    std::vector<uint64_t>& items = elems_[s];
    items.reserve(seg.size());
    ConstEnv env{globals_.data(), funcs_.data()};
    if (seg.uses_exprs) {
      for (const ir::ConstExpr& e : seg.exprs) {
        Result<ValRaw> v = eval.evaluate(e, seg.type, env);
        if (!v) return std::move(v).error();
        items.push_back(v->ref);
      }
    } else {
      for (uint32_t f : seg.func_indices) items.push_back(reinterpret_cast<uintptr_t>(funcs_[f]));
    }
  }
  datas_.resize(m.datas.size());
  for (size_t d = 0; d < m.datas.size(); ++d) datas_[d] = m.span(m.datas[d].init);
  return {};
}

Result<void> Instance::initialize() {
  const ir::Module& m = *module_;
  ConstEvaluator eval(m);
  ConstEnv env{globals_.data(), funcs_.data()};
  for (size_t s = 0; s < m.elems.size(); ++s) {
    const ir::ElemSegment& seg = m.elems[s];
    if (seg.mode == ir::SegmentMode::Active) {
      const ir::ValType index_type =
          tables_[seg.table]->current_type().limits.is64 ? ir::ValType::i64() : ir::ValType::i32();
      Result<ValRaw> offset = eval.evaluate(seg.offset, index_type, env);
      if (!offset) return std::move(offset).error();
      const uint64_t dst = index_type == ir::ValType::i32() ? offset->i32 : offset->i64;
      const TrapCode trap =
          table_init(static_cast<uint32_t>(s), seg.table, dst, 0, elems_[s].size());
      if (trap != TrapCode::None) return trap_error(trap);
    }
    if (seg.mode != ir::SegmentMode::Passive) elem_drop(static_cast<uint32_t>(s));
  }
  for (size_t d = 0; d < m.datas.size(); ++d) {
    const ir::DataSegment& seg = m.datas[d];
    if (seg.mode != ir::SegmentMode::Active) continue;
    Result<ValRaw> offset = eval.evaluate(seg.offset, ir::ValType::i32(), env);
    if (!offset) return std::move(offset).error();
    const TrapCode trap =
        memory_init(static_cast<uint32_t>(d), seg.memory, offset->i32, 0, datas_[d].size());
    if (trap != TrapCode::None) return trap_error(trap);
    data_drop(static_cast<uint32_t>(d));
  }
  if (m.start) {
    const VMFuncRef* f = funcs_[*m.start];
    ValRaw values[1];
    const TrapCode trap = f->array_call(f, &vmctx_, values, 0);
    if (trap != TrapCode::None) return trap_error(trap);
  }
  return {};
}

const Extern* Instance::find_export(std::string_view name) const {
  auto it = export_index_.find(name);
  return it == export_index_.end() ? nullptr : &exports_[it->second].second;
}

TrapCode Instance::memory_init(uint32_t segment, uint32_t memory, uint64_t dst, uint64_t src,
                               uint64_t count) {
  LinearMemory& mem = *memories_[memory];
  const std::span<const uint8_t> data = datas_[segment];
  if (!in_range(src, count, data.size()) || !in_range(dst, count, mem.size_bytes())) {
    return TrapCode::MemoryOutOfBounds;
  }
  if (count != 0) std::memcpy(mem.base() + dst, data.data() + src, count);
  return TrapCode::None;
}

TrapCode Instance::table_init(uint32_t segment, uint32_t table, uint64_t dst, uint64_t src,
                              uint64_t count) {
  Table& t = *tables_[table];
  const std::vector<uint64_t>& items = elems_[segment];
  if (!in_range(src, count, items.size()) || !in_range(dst, count, t.size())) {
    return TrapCode::TableOutOfBounds;
  }
  for (uint64_t i = 0; i < count; ++i) t.set(static_cast<uint32_t>(dst + i), items[src + i]);
  return TrapCode::None;
}

TrapCode memory_fill(LinearMemory& memory, uint64_t dst, uint8_t value, uint64_t count) {
  if (!in_range(dst, count, memory.size_bytes())) return TrapCode::MemoryOutOfBounds;
  if (count != 0) std::memset(memory.base() + dst, value, count);
  return TrapCode::None;
}

TrapCode memory_copy(LinearMemory& dst_memory, LinearMemory& src_memory, uint64_t dst, uint64_t src,
                     uint64_t count) {
  if (!in_range(src, count, src_memory.size_bytes()) ||
      !in_range(dst, count, dst_memory.size_bytes())) {
    return TrapCode::MemoryOutOfBounds;
  }
  if (count != 0) std::memmove(dst_memory.base() + dst, src_memory.base() + src, count);
  return TrapCode::None;
}

TrapCode table_fill(Table& table, uint64_t dst, uint64_t value, uint64_t count) {
  if (!in_range(dst, count, table.size())) return TrapCode::TableOutOfBounds;
  for (uint64_t i = 0; i < count; ++i) table.set(static_cast<uint32_t>(dst + i), value);
  return TrapCode::None;
}

TrapCode table_copy(Table& dst_table, Table& src_table, uint64_t dst, uint64_t src,
                    uint64_t count) {
  if (!in_range(src, count, src_table.size()) || !in_range(dst, count, dst_table.size())) {
    return TrapCode::TableOutOfBounds;
  }
  if (count != 0) {
    std::memmove(dst_table.elements() + dst, src_table.elements() + src, count * sizeof(uint64_t));
  }
  return TrapCode::None;
}

}  // namespace weft::runtime
