#include "binary/types_reader.hpp"

#include "binary/limits.hpp"
#include "binary/primitives.hpp"

namespace weft::binary {

using ir::AbsHeap;
using ir::Features;
using ir::HeapType;
using ir::ValType;

namespace {

bool typed_references(const Features& f) {
  return f.function_references || f.gc;
}

// Encodings of the 3.0 reference type constructors `(ref null ht)` and `(ref ht)`.
constexpr uint8_t kRefNull = 0x63;
constexpr uint8_t kRef = 0x64;

// Type section forms.
constexpr uint8_t kFuncForm = 0x60;
constexpr uint8_t kStructForm = 0x5f;
constexpr uint8_t kArrayForm = 0x5e;
constexpr uint8_t kSubForm = 0x50;
constexpr uint8_t kSubFinalForm = 0x4f;
constexpr uint8_t kRecForm = 0x4e;

// Type codes are one-byte negative signed LEB128 numbers. The reference interpreter reads them as
// such, so a code with the continuation bit set is an overlong number rather than an unknown type.
bool fail_overlong_code(Reader& r, uint64_t at, uint8_t code) {
  if (!(code & 0x80)) return false;
  r.fail_at(at + 1, "integer representation too long");
  return true;
}

// Wording of the reference interpreter: codes in the numeric range are "number" types, the rest
// are read as reference types.
void fail_value_type(Reader& r, uint64_t at, uint8_t code) {
  if (fail_overlong_code(r, at, code)) return;
  r.fail_at(at, code > 0x70 ? "malformed value type" : "malformed reference type");
}

// A reference type after its first byte `code` was read.
std::optional<ValType> ref_type_from(Reader& r, uint8_t code, const Features& f) {
  if (auto abs = abs_heap_from_code(code, f)) return ValType::ref(HeapType::abstract(*abs), true);
  if ((code == kRefNull || code == kRef) && typed_references(f)) {
    const HeapType heap = read_heap_type(r, f);
    return ValType::ref(heap, code == kRefNull);
  }
  return std::nullopt;
}

void read_value_types(Reader& r, const Features& f, uint32_t limit, const char* too_many,
                      std::vector<ValType>& out) {
  const uint32_t n = read_count(r, limit, too_many);
  out.reserve(n);
  for (uint32_t i = 0; i < n && r.ok(); ++i) out.push_back(read_val_type(r, f));
}

void read_func_type(Reader& r, const Features& f, ir::FuncType& out) {
  read_value_types(r, f, kMaxFunctionParams, "too many parameters", out.params);
  read_value_types(r, f, kMaxFunctionResults, "too many results", out.results);
}

ir::StorageType read_storage_type(Reader& r, const Features& f) {
  ir::StorageType s;
  const uint8_t code = r.peek_u8();
  if (code == 0x78 || code == 0x77) {
    r.u8();
    s.type = ValType::i32();
    s.packed = code == 0x78 ? ir::Packed::I8 : ir::Packed::I16;
    return s;
  }
  s.type = read_val_type(r, f);
  return s;
}

ir::FieldType read_field_type(Reader& r, const Features& f) {
  ir::FieldType field;
  field.storage = read_storage_type(r, f);
  const uint64_t at = r.offset();
  const uint8_t mut = r.u8();
  if (mut > 1) r.fail_at(at, "malformed mutability");
  field.mut = mut == 1;
  return field;
}

void read_composite_type(Reader& r, const Features& f, ir::CompositeType& out) {
  const uint64_t at = r.offset();
  const uint8_t form = r.u8();
  if (form == kFuncForm) {
    out.kind = ir::CompositeKind::Func;
    read_func_type(r, f, out.func);
    return;
  }
  if (f.gc && form == kStructForm) {
    out.kind = ir::CompositeKind::Struct;
    const uint32_t n = read_count(r, kMaxStructFields, "too many struct fields");
    out.struct_.fields.reserve(n);
    for (uint32_t i = 0; i < n && r.ok(); ++i) out.struct_.fields.push_back(read_field_type(r, f));
    return;
  }
  if (f.gc && form == kArrayForm) {
    out.kind = ir::CompositeKind::Array;
    out.array.element = read_field_type(r, f);
    return;
  }
  if (!r.ok() || fail_overlong_code(r, at, form)) return;
  r.fail_at(at, f.gc ? "malformed composite type" : "malformed function type");
}

void read_sub_type(Reader& r, const Features& f, ir::SubType& out) {
  const uint8_t form = r.peek_u8();
  if (f.gc && (form == kSubForm || form == kSubFinalForm)) {
    r.u8();
    out.final = form == kSubFinalForm;
    const uint32_t n = read_count(r, kMaxTypes, "too many supertypes");
    out.supertypes.reserve(n);
    for (uint32_t i = 0; i < n && r.ok(); ++i) out.supertypes.push_back(r.u32());
  }
  read_composite_type(r, f, out.composite);
}

}  // namespace

std::optional<AbsHeap> abs_heap_from_code(uint8_t code, const Features& f) {
  switch (code) {
    case 0x70:
      return AbsHeap::Func;
    case 0x6f:
      return AbsHeap::Extern;
    default:
      break;
  }
  if (f.gc) {
    switch (code) {
      case 0x6e:
        return AbsHeap::Any;
      case 0x6d:
        return AbsHeap::Eq;
      case 0x6c:
        return AbsHeap::I31;
      case 0x6b:
        return AbsHeap::Struct;
      case 0x6a:
        return AbsHeap::Array;
      case 0x73:
        return AbsHeap::NoFunc;
      case 0x72:
        return AbsHeap::NoExtern;
      case 0x71:
        return AbsHeap::None;
      default:
        break;
    }
  }
  if (f.exceptions) {
    switch (code) {
      case 0x69:
        return AbsHeap::Exn;
      case 0x74:
        return AbsHeap::NoExn;
      default:
        break;
    }
  }
  return std::nullopt;
}

ValType read_val_type(Reader& r, const Features& f) {
  const uint64_t at = r.offset();
  const uint8_t code = r.u8();
  switch (code) {
    case 0x7f:
      return ValType::i32();
    case 0x7e:
      return ValType::i64();
    case 0x7d:
      return ValType::f32();
    case 0x7c:
      return ValType::f64();
    case 0x7b:
      if (f.simd) return ValType::v128();
      break;
    default:
      if (auto ref = ref_type_from(r, code, f)) return *ref;
      break;
  }
  if (r.ok()) fail_value_type(r, at, code);
  return ValType::i32();
}

ValType read_ref_type(Reader& r, const Features& f) {
  const uint64_t at = r.offset();
  const uint8_t code = r.u8();
  if (auto ref = ref_type_from(r, code, f)) return *ref;
  if (r.ok() && !fail_overlong_code(r, at, code)) r.fail_at(at, "malformed reference type");
  return ValType::funcref();
}

HeapType read_heap_type(Reader& r, const Features& f) {
  const uint64_t at = r.offset();
  if (!typed_references(f)) {
    // Wasm 2.0 has only the two one-byte heap types of funcref and externref.
    const uint8_t code = r.u8();
    if (auto abs = abs_heap_from_code(code, f)) return HeapType::abstract(*abs);
    if (r.ok() && !fail_overlong_code(r, at, code)) r.fail_at(at, "malformed reference type");
    return HeapType();
  }
  const int64_t v = r.s33();
  if (!r.ok()) return HeapType();
  if (v >= 0) {
    // An index this large cannot name a type (see kMaxTypes); keep it an index so that the
    // validator reports it as unknown rather than letting it alias an abstract type.
    const uint64_t index = static_cast<uint64_t>(v);
    return HeapType::index(index < HeapType::kAbstractBase ? static_cast<uint32_t>(index)
                                                           : HeapType::kAbstractBase - 1);
  }
  if (v >= -64) {
    if (auto abs = abs_heap_from_code(static_cast<uint8_t>(v & 0x7f), f)) {
      return HeapType::abstract(*abs);
    }
  }
  r.fail_at(at, "malformed heap type");
  return HeapType();
}

ir::Limits read_limits(Reader& r, const Features& f, LimitsOf of) {
  ir::Limits limits;
  const uint64_t at = r.offset();
  const uint8_t flags = r.u8();
  uint8_t allowed = 0x01;                                    // bit 0: a maximum follows
  if (of == LimitsOf::Memory && f.threads) allowed |= 0x02;  // shared
  if (f.memory64) allowed |= 0x04;                           // 64-bit indices
  if (allowed == 0x01) {
    // Wasm 2.0 reads the flags as a 1-bit LEB128 number, so its errors are worded as integer ones.
    if ((flags & 0x7f) > 1) {
      r.fail_at(at, "integer too large");
    } else if (flags & 0x80) {
      r.fail_at(at + 1, "integer representation too long");
    }
  } else if (flags & ~allowed) {
    r.fail_at(at, "malformed limits flags");
  }
  if (!r.ok()) return limits;
  limits.shared = flags & 0x02;
  limits.is64 = flags & 0x04;
  limits.min = limits.is64 ? r.u64() : r.u32();
  if (flags & 0x01) limits.max = limits.is64 ? r.u64() : r.u32();
  return limits;
}

ir::TableType read_table_type(Reader& r, const Features& f) {
  ir::TableType t;
  t.element = read_ref_type(r, f);
  t.limits = read_limits(r, f, LimitsOf::Table);
  return t;
}

ir::MemoryType read_memory_type(Reader& r, const Features& f) {
  ir::MemoryType t;
  t.limits = read_limits(r, f, LimitsOf::Memory);
  return t;
}

ir::GlobalType read_global_type(Reader& r, const Features& f) {
  ir::GlobalType t;
  t.type = read_val_type(r, f);
  const uint64_t at = r.offset();
  const uint8_t mut = r.u8();
  if (mut > 1 && r.ok()) r.fail_at(at, "malformed mutability");
  t.mut = mut == 1;
  return t;
}

void read_type_entry(Reader& r, const Features& f, ir::Module& module) {
  ir::RecGroup group;
  group.first = static_cast<uint32_t>(module.types.size());
  if (f.gc && r.peek_u8() == kRecForm) {
    r.u8();
    const uint32_t n = read_count(r, kMaxRecGroupTypes, "too many types");
    if (module.types.size() + n > kMaxTypes) {
      r.fail("too many types");
      return;
    }
    module.types.reserve(module.types.size() + n);
    for (uint32_t i = 0; i < n && r.ok(); ++i) read_sub_type(r, f, module.types.emplace_back());
    group.count = n;
  } else {
    read_sub_type(r, f, module.types.emplace_back());
    group.count = 1;
  }
  module.rec_groups.push_back(group);
}

}  // namespace weft::binary
