#include "binary/types_writer.hpp"

namespace weft::binary {

using ir::AbsHeap;

uint8_t abs_heap_code(AbsHeap heap) {
  switch (heap) {
    case AbsHeap::Func:
      return 0x70;
    case AbsHeap::Extern:
      return 0x6f;
    case AbsHeap::Any:
      return 0x6e;
    case AbsHeap::Eq:
      return 0x6d;
    case AbsHeap::I31:
      return 0x6c;
    case AbsHeap::Struct:
      return 0x6b;
    case AbsHeap::Array:
      return 0x6a;
    case AbsHeap::Exn:
      return 0x69;
    case AbsHeap::NoExn:
      return 0x74;
    case AbsHeap::NoFunc:
      return 0x73;
    case AbsHeap::NoExtern:
      return 0x72;
    case AbsHeap::None:
      return 0x71;
  }
  return 0x70;
}

void write_heap_type(Writer& w, ir::HeapType heap) {
  if (heap.is_abstract()) {
    w.u8(abs_heap_code(heap.abs()));
  } else {
    w.s64(static_cast<int64_t>(heap.type_index()));  // s33: a non-negative index
  }
}

void write_val_type(Writer& w, ir::ValType type) {
  switch (type.kind()) {
    case ir::ValKind::I32:
      w.u8(0x7f);
      return;
    case ir::ValKind::I64:
      w.u8(0x7e);
      return;
    case ir::ValKind::F32:
      w.u8(0x7d);
      return;
    case ir::ValKind::F64:
      w.u8(0x7c);
      return;
    case ir::ValKind::V128:
      w.u8(0x7b);
      return;
    case ir::ValKind::Bot:
      w.u8(0x7f);
      return;  // never part of a module
    case ir::ValKind::Ref:
      break;
  }
  if (type.nullable() && type.heap().is_abstract()) {
    w.u8(abs_heap_code(type.heap().abs()));
    return;
  }
  w.u8(type.nullable() ? 0x63 : 0x64);
  write_heap_type(w, type.heap());
}

void write_limits(Writer& w, const ir::Limits& limits) {
  uint8_t flags = limits.max ? 0x01 : 0x00;
  if (limits.shared) flags |= 0x02;
  if (limits.is64) flags |= 0x04;
  w.u8(flags);
  w.u64(limits.min);
  if (limits.max) w.u64(*limits.max);
}

void write_table_type(Writer& w, const ir::TableType& type) {
  write_val_type(w, type.element);
  write_limits(w, type.limits);
}

void write_memory_type(Writer& w, const ir::MemoryType& type) {
  write_limits(w, type.limits);
}

void write_global_type(Writer& w, const ir::GlobalType& type) {
  write_val_type(w, type.type);
  w.u8(type.mut ? 1 : 0);
}

namespace {

void write_field_type(Writer& w, const ir::FieldType& field) {
  switch (field.storage.packed) {
    case ir::Packed::I8:
      w.u8(0x78);
      break;
    case ir::Packed::I16:
      w.u8(0x77);
      break;
    case ir::Packed::None:
      write_val_type(w, field.storage.type);
      break;
  }
  w.u8(field.mut ? 1 : 0);
}

void write_value_types(Writer& w, const std::vector<ir::ValType>& types) {
  w.u32(static_cast<uint32_t>(types.size()));
  for (ir::ValType t : types) write_val_type(w, t);
}

void write_composite_type(Writer& w, const ir::CompositeType& type) {
  switch (type.kind) {
    case ir::CompositeKind::Func:
      w.u8(0x60);
      write_value_types(w, type.func.params);
      write_value_types(w, type.func.results);
      return;
    case ir::CompositeKind::Struct:
      w.u8(0x5f);
      w.u32(static_cast<uint32_t>(type.struct_.fields.size()));
      for (const ir::FieldType& field : type.struct_.fields) write_field_type(w, field);
      return;
    case ir::CompositeKind::Array:
      w.u8(0x5e);
      write_field_type(w, type.array.element);
      return;
  }
}

void write_sub_type(Writer& w, const ir::SubType& type) {
  if (!type.final || !type.supertypes.empty()) {
    w.u8(type.final ? 0x4f : 0x50);
    w.u32(static_cast<uint32_t>(type.supertypes.size()));
    for (uint32_t super : type.supertypes) w.u32(super);
  }
  write_composite_type(w, type.composite);
}

}  // namespace

uint32_t type_entry_count(const ir::Module& module) {
  if (module.rec_groups.empty()) return static_cast<uint32_t>(module.types.size());
  return static_cast<uint32_t>(module.rec_groups.size());
}

void write_type_entries(Writer& w, const ir::Module& module) {
  if (module.rec_groups.empty()) {
    for (const ir::SubType& type : module.types) write_sub_type(w, type);
    return;
  }
  for (const ir::RecGroup& group : module.rec_groups) {
    if (group.count != 1) {
      w.u8(0x4e);
      w.u32(group.count);
    }
    for (uint32_t i = 0; i < group.count; ++i) write_sub_type(w, module.types[group.first + i]);
  }
}

}  // namespace weft::binary
