// Writing value, reference, heap, table, memory and global types and type section entries: the
// inverse of types_reader.hpp, in the shortest encodings.
#pragma once

#include <cstdint>

#include "base/writer.hpp"
#include "ir/module.hpp"
#include "ir/types.hpp"

namespace weft::binary {

// The one-byte code of an abstract heap type (0x70 for func, 0x6f for extern, ...).
uint8_t abs_heap_code(ir::AbsHeap heap);

void write_heap_type(Writer& w, ir::HeapType heap);
// Nullable references to abstract heap types use their one-byte shorthand (funcref is 0x70).
void write_val_type(Writer& w, ir::ValType type);
void write_limits(Writer& w, const ir::Limits& limits);
void write_table_type(Writer& w, const ir::TableType& type);
void write_memory_type(Writer& w, const ir::MemoryType& type);
void write_global_type(Writer& w, const ir::GlobalType& type);

// The type section's entries, one per recursion group: a lone final type without supertypes is
// written bare (the only form Wasm 2.0 has), larger groups with `rec`. When the module has no
// rec_groups (a producer that does not fill them), each type is its own group.
void write_type_entries(Writer& w, const ir::Module& module);
uint32_t type_entry_count(const ir::Module& module);

}  // namespace weft::binary
