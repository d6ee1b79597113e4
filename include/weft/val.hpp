// Val: one dynamically typed wasm value.
#pragma once

#include <array>
#include <cstdint>

#include "weft/func.hpp"
#include "weft/types.hpp"

namespace weft {

// An externref as the host sees it: host bits, 0 (the default) being null.
struct ExternRef {
  uint64_t bits = 0;
  explicit operator bool() const { return bits != 0; }
  bool operator==(const ExternRef&) const = default;
};

class Val {
 public:
  Val() : Val(int32_t{0}) {}
  Val(int32_t v) : type_(ValType::i32()) { bits_.i = static_cast<uint32_t>(v); }
  Val(int64_t v) : type_(ValType::i64()) { bits_.i = static_cast<uint64_t>(v); }
  Val(float v) : type_(ValType::f32()) { bits_.f32 = v; }
  Val(double v) : type_(ValType::f64()) { bits_.f64 = v; }
  static Val from_v128(const std::array<uint8_t, 16>& bytes) {
    Val v(ValType::v128());
    v.v128_ = bytes;
    return v;
  }
  // A null funcref when `f` is empty.
  static Val from_funcref(Func f) {
    Val v(ValType::funcref());
    v.func_ = f;
    return v;
  }
  // Host bits; 0 is the null externref.
  static Val from_externref(uint64_t bits) {
    Val v(ValType::externref());
    v.bits_.i = bits;
    return v;
  }

  ValType type() const { return type_; }
  int32_t i32() const { return static_cast<int32_t>(static_cast<uint32_t>(bits_.i)); }
  int64_t i64() const { return static_cast<int64_t>(bits_.i); }
  float f32() const { return bits_.f32; }
  double f64() const { return bits_.f64; }
  const std::array<uint8_t, 16>& v128() const { return v128_; }
  Func funcref() const { return func_; }
  uint64_t externref() const { return bits_.i; }
  static Val from_externref(ExternRef ref) { return from_externref(ref.bits); }

 private:
  explicit Val(ValType type) : type_(type) {}

  ValType type_;
  union {
    uint64_t i;
    float f32;
    double f64;
  } bits_{0};
  std::array<uint8_t, 16> v128_{};
  Func func_;
};

}  // namespace weft
