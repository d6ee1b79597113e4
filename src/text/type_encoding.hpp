// Binary encodings of value types, for the instruction bytes the text parser writes.
#pragma once

#include "base/writer.hpp"
#include "ir/types.hpp"

namespace weft::text {

inline uint8_t abs_heap_code(ir::AbsHeap h) {
  switch (h) {
    case ir::AbsHeap::Func:
      return 0x70;
    case ir::AbsHeap::Extern:
      return 0x6f;
    case ir::AbsHeap::Any:
      return 0x6e;
    case ir::AbsHeap::Eq:
      return 0x6d;
    case ir::AbsHeap::I31:
      return 0x6c;
    case ir::AbsHeap::Struct:
      return 0x6b;
    case ir::AbsHeap::Array:
      return 0x6a;
    case ir::AbsHeap::Exn:
      return 0x69;
    case ir::AbsHeap::NoExn:
      return 0x74;
    case ir::AbsHeap::NoFunc:
      return 0x73;
    case ir::AbsHeap::NoExtern:
      return 0x72;
    case ir::AbsHeap::None:
      return 0x71;
  }
  return 0x70;
}

inline void write_heaptype(Writer& w, ir::HeapType h) {
  if (h.is_abstract())
    w.u8(abs_heap_code(h.abs()));
  else
    w.s64(h.type_index());
}

inline void write_valtype(Writer& w, ir::ValType t) {
  switch (t.kind()) {
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
    case ir::ValKind::Ref:
      if (t.nullable() && t.heap().is_abstract()) {  // the one-byte shorthands
        w.u8(abs_heap_code(t.heap().abs()));
        return;
      }
      w.u8(t.nullable() ? 0x63 : 0x64);
      write_heaptype(w, t.heap());
      return;
    case ir::ValKind::Bot:
      w.u8(0x40);
      return;
  }
}

}  // namespace weft::text
