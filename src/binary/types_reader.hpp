// Reading value, reference, heap, table, memory and global types, and the type section's entries.
//
// Each function reads one construct. On bad input it fails the reader (errors are sticky, see
// base/reader.hpp) and returns a default value, so callers check Reader::ok() once per construct.
// Features decide which encodings exist: Wasm 2.0 knows numeric types, v128, funcref and
// externref; the 3.0 proposals add typed references, abstract GC heap types and rec/sub types.
#pragma once

#include <cstdint>
#include <optional>

#include "base/reader.hpp"
#include "ir/features.hpp"
#include "ir/module.hpp"
#include "ir/types.hpp"

namespace weft::binary {

// The abstract heap type a one-byte type code stands for (0x70 func, 0x6f extern, ...), where
// `features` enable it.
std::optional<ir::AbsHeap> abs_heap_from_code(uint8_t code, const ir::Features& features);

ir::ValType read_val_type(Reader& r, const ir::Features& features);
ir::ValType read_ref_type(Reader& r, const ir::Features& features);
ir::HeapType read_heap_type(Reader& r, const ir::Features& features);

enum class LimitsOf : uint8_t { Table, Memory };
ir::Limits read_limits(Reader& r, const ir::Features& features, LimitsOf of);

ir::TableType read_table_type(Reader& r, const ir::Features& features);
ir::MemoryType read_memory_type(Reader& r, const ir::Features& features);
ir::GlobalType read_global_type(Reader& r, const ir::Features& features);

// One entry of the type section: a single type, or (with GC) a `rec` group of them. Appends the
// types to module.types and their group to module.rec_groups.
void read_type_entry(Reader& r, const ir::Features& features, ir::Module& module);

}  // namespace weft::binary
