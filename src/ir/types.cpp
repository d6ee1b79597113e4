#include "ir/types.hpp"

namespace weft::ir {

static const char* abs_heap_name(AbsHeap h) {
  switch (h) {
    case AbsHeap::Func: return "func";
    case AbsHeap::Extern: return "extern";
    case AbsHeap::Any: return "any";
    case AbsHeap::Eq: return "eq";
    case AbsHeap::I31: return "i31";
    case AbsHeap::Struct: return "struct";
    case AbsHeap::Array: return "array";
    case AbsHeap::Exn: return "exn";
    case AbsHeap::NoExn: return "noexn";
    case AbsHeap::NoFunc: return "nofunc";
    case AbsHeap::NoExtern: return "noextern";
    case AbsHeap::None: return "none";
  }
  return "?";
}

std::string to_string(HeapType h) {
  if (h.is_abstract()) return abs_heap_name(h.abs());
  return std::to_string(h.type_index());
}

std::string to_string(ValType t) {
  switch (t.kind()) {
    case ValKind::I32: return "i32";
    case ValKind::I64: return "i64";
    case ValKind::F32: return "f32";
    case ValKind::F64: return "f64";
    case ValKind::V128: return "v128";
    case ValKind::Bot: return "bot";
    case ValKind::Ref: break;
  }
  if (t.nullable() && t.heap().is_abstract()) return std::string(abs_heap_name(t.heap().abs())) + "ref";
  return std::string("(ref ") + (t.nullable() ? "null " : "") + to_string(t.heap()) + ")";
}

std::string to_string(const FuncType& f) {
  std::string s = "[";
  for (size_t i = 0; i < f.params.size(); ++i) s += (i ? " " : "") + to_string(f.params[i]);
  s += "] -> [";
  for (size_t i = 0; i < f.results.size(); ++i) s += (i ? " " : "") + to_string(f.results[i]);
  return s + "]";
}

const char* extern_kind_name(ExternKind k) {
  switch (k) {
    case ExternKind::Func: return "func";
    case ExternKind::Table: return "table";
    case ExternKind::Memory: return "memory";
    case ExternKind::Global: return "global";
    case ExternKind::Tag: return "tag";
  }
  return "?";
}

}  // namespace weft::ir
