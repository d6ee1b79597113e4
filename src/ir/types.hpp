// Value, reference and heap types, shaped for Wasm 3.0: nullable and non-nullable references to
// abstract heap types or to a type index, packed storage types for GC fields.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace weft::ir {

// Abstract heap types. The binary encodings are the spec's (negative s33 as a single byte).
enum class AbsHeap : uint8_t {
  Func,      // 0x70
  Extern,    // 0x6f
  Any,       // 0x6e
  Eq,        // 0x6d
  I31,       // 0x6c
  Struct,    // 0x6b
  Array,     // 0x6a
  Exn,       // 0x69
  NoExn,     // 0x74
  NoFunc,    // 0x73
  NoExtern,  // 0x72
  None,      // 0x71
};

// Either an abstract heap type or a (module-relative) type index.
class HeapType {
 public:
  constexpr HeapType() : rep_(kAbstractBase + static_cast<uint32_t>(AbsHeap::Func)) {}
  static constexpr HeapType abstract(AbsHeap h) {
    return HeapType(kAbstractBase + static_cast<uint32_t>(h));
  }
  static constexpr HeapType index(uint32_t type_index) { return HeapType(type_index); }

  constexpr bool is_abstract() const { return rep_ >= kAbstractBase; }
  constexpr bool is_index() const { return rep_ < kAbstractBase; }
  constexpr AbsHeap abs() const { return static_cast<AbsHeap>(rep_ - kAbstractBase); }
  constexpr uint32_t type_index() const { return rep_; }
  constexpr bool operator==(const HeapType&) const = default;

  // Type indices are bounded far below this by the decoder's limits.
  static constexpr uint32_t kAbstractBase = 0xffffff00u;

 private:
  constexpr explicit HeapType(uint32_t rep) : rep_(rep) {}
  uint32_t rep_;
};

enum class ValKind : uint8_t { I32, I64, F32, F64, V128, Ref, Bot };

class ValType {
 public:
  constexpr ValType() = default;
  static constexpr ValType i32() { return ValType(ValKind::I32); }
  static constexpr ValType i64() { return ValType(ValKind::I64); }
  static constexpr ValType f32() { return ValType(ValKind::F32); }
  static constexpr ValType f64() { return ValType(ValKind::F64); }
  static constexpr ValType v128() { return ValType(ValKind::V128); }
  // The bottom type of the validator's operand stack (unreachable code); never in a module.
  static constexpr ValType bot() { return ValType(ValKind::Bot); }
  static constexpr ValType ref(HeapType heap, bool nullable) {
    ValType t(ValKind::Ref);
    t.heap_ = heap;
    t.nullable_ = nullable;
    return t;
  }
  static constexpr ValType funcref() { return ref(HeapType::abstract(AbsHeap::Func), true); }
  static constexpr ValType externref() { return ref(HeapType::abstract(AbsHeap::Extern), true); }

  constexpr ValKind kind() const { return kind_; }
  constexpr bool is_num() const { return kind_ <= ValKind::F64; }
  constexpr bool is_vec() const { return kind_ == ValKind::V128; }
  constexpr bool is_ref() const { return kind_ == ValKind::Ref; }
  constexpr bool is_bot() const { return kind_ == ValKind::Bot; }
  constexpr bool nullable() const { return nullable_; }
  constexpr HeapType heap() const { return heap_; }
  // Whether locals of this type start out with a default value (non-nullable refs do not).
  constexpr bool is_defaultable() const { return kind_ != ValKind::Ref || nullable_; }

  constexpr bool operator==(const ValType&) const = default;

 private:
  constexpr explicit ValType(ValKind k) : kind_(k) {}
  ValKind kind_ = ValKind::I32;
  bool nullable_ = false;
  HeapType heap_{};
};

// "i32", "funcref", "(ref null 3)", ...
std::string to_string(HeapType h);
std::string to_string(ValType t);

// Storage type of a struct field or array element: a value type or a packed integer.
enum class Packed : uint8_t { None, I8, I16 };
struct StorageType {
  ValType type;                // meaningful when packed == None; i32 when packed
  Packed packed = Packed::None;
  bool operator==(const StorageType&) const = default;
};
struct FieldType {
  StorageType storage;
  bool mut = false;
  bool operator==(const FieldType&) const = default;
};

struct FuncType {
  std::vector<ValType> params;
  std::vector<ValType> results;
  bool operator==(const FuncType&) const = default;
};
std::string to_string(const FuncType& f);

struct StructType {
  std::vector<FieldType> fields;
  bool operator==(const StructType&) const = default;
};
struct ArrayType {
  FieldType element;
  bool operator==(const ArrayType&) const = default;
};

enum class CompositeKind : uint8_t { Func, Struct, Array };
struct CompositeType {
  CompositeKind kind = CompositeKind::Func;
  FuncType func;      // when kind == Func
  StructType struct_; // when kind == Struct
  ArrayType array;    // when kind == Array
  bool operator==(const CompositeType&) const = default;
};

// A defined type. In Wasm 2.0 every type is a final func type without supertypes, alone in its
// own recursion group.
struct SubType {
  bool final = true;
  std::vector<uint32_t> supertypes;  // at most one in Wasm 3.0
  CompositeType composite;
  bool operator==(const SubType&) const = default;
};

// A recursion group covers types [first, first + count).
struct RecGroup {
  uint32_t first = 0;
  uint32_t count = 0;
};

struct Limits {
  uint64_t min = 0;
  std::optional<uint64_t> max;
  bool is64 = false;   // memory64 / table64
  bool shared = false; // threads
  bool operator==(const Limits&) const = default;
};

struct TableType {
  ValType element = ValType::funcref();
  Limits limits;
  bool operator==(const TableType&) const = default;
};

struct MemoryType {
  Limits limits;
  uint32_t page_size_log2 = 16;  // custom-page-sizes
  bool operator==(const MemoryType&) const = default;
};

struct GlobalType {
  ValType type;
  bool mut = false;
  bool operator==(const GlobalType&) const = default;
};

struct TagType {
  uint32_t type_index = 0;  // a func type with empty results
  bool operator==(const TagType&) const = default;
};

enum class ExternKind : uint8_t { Func = 0, Table = 1, Memory = 2, Global = 3, Tag = 4 };
const char* extern_kind_name(ExternKind k);

}  // namespace weft::ir
