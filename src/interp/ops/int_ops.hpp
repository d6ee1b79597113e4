// WebAssembly integer instructions (i32.* and i64.*, numeric only) on raw two's-complement bits.
//
// Naming: the instruction's text name with '.' replaced by '_' (i32.div_s -> i32_div_s).
// Operands and results are uint32_t / uint64_t whatever the signedness the instruction reads them
// with; comparisons and eqz return bool (0 or 1 as an i32). Division and remainder can trap and
// return Checked<T> (see checked.hpp). Nothing here has undefined behaviour for any input: signed
// views are taken with C++20's modular conversions and the overflowing cases are tested first.
#pragma once

#include <bit>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "interp/ops/checked.hpp"

namespace weft::interp::ops {
namespace detail {

template <typename U>
using Signed = std::make_signed_t<U>;

template <typename U>
inline constexpr U kShiftMask = std::numeric_limits<U>::digits - 1;

template <typename U>
constexpr Signed<U> as_signed(U x) {
  return static_cast<Signed<U>>(x);
}

template <typename U>
constexpr Checked<U> div_s(U a, U b) {
  using S = Signed<U>;
  if (b == 0) [[unlikely]]
    return trapped<U>(runtime::TrapCode::IntegerDivideByZero);
  if (as_signed(a) == std::numeric_limits<S>::min() && as_signed(b) == -1) [[unlikely]] {
    return trapped<U>(runtime::TrapCode::IntegerOverflow);
  }
  return value(static_cast<U>(as_signed(a) / as_signed(b)));
}

template <typename U>
constexpr Checked<U> div_u(U a, U b) {
  if (b == 0) [[unlikely]]
    return trapped<U>(runtime::TrapCode::IntegerDivideByZero);
  return value(static_cast<U>(a / b));
}

// x % -1 is 0 for every x; testing it first also keeps MIN % -1 (undefined in C++, a #DE fault on
// x86) from being evaluated.
template <typename U>
constexpr Checked<U> rem_s(U a, U b) {
  if (b == 0) [[unlikely]]
    return trapped<U>(runtime::TrapCode::IntegerDivideByZero);
  if (as_signed(b) == -1) [[unlikely]]
    return value(U{0});
  return value(static_cast<U>(as_signed(a) % as_signed(b)));
}

template <typename U>
constexpr Checked<U> rem_u(U a, U b) {
  if (b == 0) [[unlikely]]
    return trapped<U>(runtime::TrapCode::IntegerDivideByZero);
  return value(static_cast<U>(a % b));
}

template <typename U>
constexpr U shl(U a, U b) {
  return static_cast<U>(a << (b & kShiftMask<U>));
}

template <typename U>
constexpr U shr_s(U a, U b) {
  // C++20 defines >> of a negative value as an arithmetic shift.
  return static_cast<U>(as_signed(a) >> (b & kShiftMask<U>));
}

template <typename U>
constexpr U shr_u(U a, U b) {
  return static_cast<U>(a >> (b & kShiftMask<U>));
}

template <typename U>
constexpr U rotl(U a, U b) {
  return std::rotl(a, static_cast<int>(b & kShiftMask<U>));
}

template <typename U>
constexpr U rotr(U a, U b) {
  return std::rotr(a, static_cast<int>(b & kShiftMask<U>));
}

// Sign-extends the low `Narrow` bits of `a` to the full width of U.
template <typename Narrow, typename U>
constexpr U extend_s(U a) {
  return static_cast<U>(static_cast<Signed<U>>(static_cast<Narrow>(a)));
}

}  // namespace detail

// ---- i32 ----
constexpr uint32_t i32_add(uint32_t a, uint32_t b) {
  return a + b;
}
constexpr uint32_t i32_sub(uint32_t a, uint32_t b) {
  return a - b;
}
constexpr uint32_t i32_mul(uint32_t a, uint32_t b) {
  return a * b;
}
constexpr Checked<uint32_t> i32_div_s(uint32_t a, uint32_t b) {
  return detail::div_s(a, b);
}
constexpr Checked<uint32_t> i32_div_u(uint32_t a, uint32_t b) {
  return detail::div_u(a, b);
}
constexpr Checked<uint32_t> i32_rem_s(uint32_t a, uint32_t b) {
  return detail::rem_s(a, b);
}
constexpr Checked<uint32_t> i32_rem_u(uint32_t a, uint32_t b) {
  return detail::rem_u(a, b);
}
constexpr uint32_t i32_and(uint32_t a, uint32_t b) {
  return a & b;
}
constexpr uint32_t i32_or(uint32_t a, uint32_t b) {
  return a | b;
}
constexpr uint32_t i32_xor(uint32_t a, uint32_t b) {
  return a ^ b;
}
constexpr uint32_t i32_shl(uint32_t a, uint32_t b) {
  return detail::shl(a, b);
}
constexpr uint32_t i32_shr_s(uint32_t a, uint32_t b) {
  return detail::shr_s(a, b);
}
constexpr uint32_t i32_shr_u(uint32_t a, uint32_t b) {
  return detail::shr_u(a, b);
}
constexpr uint32_t i32_rotl(uint32_t a, uint32_t b) {
  return detail::rotl(a, b);
}
constexpr uint32_t i32_rotr(uint32_t a, uint32_t b) {
  return detail::rotr(a, b);
}
constexpr uint32_t i32_clz(uint32_t a) {
  return static_cast<uint32_t>(std::countl_zero(a));
}
constexpr uint32_t i32_ctz(uint32_t a) {
  return static_cast<uint32_t>(std::countr_zero(a));
}
constexpr uint32_t i32_popcnt(uint32_t a) {
  return static_cast<uint32_t>(std::popcount(a));
}
constexpr bool i32_eqz(uint32_t a) {
  return a == 0;
}
constexpr bool i32_eq(uint32_t a, uint32_t b) {
  return a == b;
}
constexpr bool i32_ne(uint32_t a, uint32_t b) {
  return a != b;
}
constexpr bool i32_lt_s(uint32_t a, uint32_t b) {
  return detail::as_signed(a) < detail::as_signed(b);
}
constexpr bool i32_lt_u(uint32_t a, uint32_t b) {
  return a < b;
}
constexpr bool i32_gt_s(uint32_t a, uint32_t b) {
  return detail::as_signed(a) > detail::as_signed(b);
}
constexpr bool i32_gt_u(uint32_t a, uint32_t b) {
  return a > b;
}
constexpr bool i32_le_s(uint32_t a, uint32_t b) {
  return detail::as_signed(a) <= detail::as_signed(b);
}
constexpr bool i32_le_u(uint32_t a, uint32_t b) {
  return a <= b;
}
constexpr bool i32_ge_s(uint32_t a, uint32_t b) {
  return detail::as_signed(a) >= detail::as_signed(b);
}
constexpr bool i32_ge_u(uint32_t a, uint32_t b) {
  return a >= b;
}
constexpr uint32_t i32_extend8_s(uint32_t a) {
  return detail::extend_s<int8_t>(a);
}
constexpr uint32_t i32_extend16_s(uint32_t a) {
  return detail::extend_s<int16_t>(a);
}

// ---- i64 ----
constexpr uint64_t i64_add(uint64_t a, uint64_t b) {
  return a + b;
}
constexpr uint64_t i64_sub(uint64_t a, uint64_t b) {
  return a - b;
}
constexpr uint64_t i64_mul(uint64_t a, uint64_t b) {
  return a * b;
}
constexpr Checked<uint64_t> i64_div_s(uint64_t a, uint64_t b) {
  return detail::div_s(a, b);
}
constexpr Checked<uint64_t> i64_div_u(uint64_t a, uint64_t b) {
  return detail::div_u(a, b);
}
constexpr Checked<uint64_t> i64_rem_s(uint64_t a, uint64_t b) {
  return detail::rem_s(a, b);
}
constexpr Checked<uint64_t> i64_rem_u(uint64_t a, uint64_t b) {
  return detail::rem_u(a, b);
}
constexpr uint64_t i64_and(uint64_t a, uint64_t b) {
  return a & b;
}
constexpr uint64_t i64_or(uint64_t a, uint64_t b) {
  return a | b;
}
constexpr uint64_t i64_xor(uint64_t a, uint64_t b) {
  return a ^ b;
}
constexpr uint64_t i64_shl(uint64_t a, uint64_t b) {
  return detail::shl(a, b);
}
constexpr uint64_t i64_shr_s(uint64_t a, uint64_t b) {
  return detail::shr_s(a, b);
}
constexpr uint64_t i64_shr_u(uint64_t a, uint64_t b) {
  return detail::shr_u(a, b);
}
constexpr uint64_t i64_rotl(uint64_t a, uint64_t b) {
  return detail::rotl(a, b);
}
constexpr uint64_t i64_rotr(uint64_t a, uint64_t b) {
  return detail::rotr(a, b);
}
constexpr uint64_t i64_clz(uint64_t a) {
  return static_cast<uint64_t>(std::countl_zero(a));
}
constexpr uint64_t i64_ctz(uint64_t a) {
  return static_cast<uint64_t>(std::countr_zero(a));
}
constexpr uint64_t i64_popcnt(uint64_t a) {
  return static_cast<uint64_t>(std::popcount(a));
}
constexpr bool i64_eqz(uint64_t a) {
  return a == 0;
}
constexpr bool i64_eq(uint64_t a, uint64_t b) {
  return a == b;
}
constexpr bool i64_ne(uint64_t a, uint64_t b) {
  return a != b;
}
constexpr bool i64_lt_s(uint64_t a, uint64_t b) {
  return detail::as_signed(a) < detail::as_signed(b);
}
constexpr bool i64_lt_u(uint64_t a, uint64_t b) {
  return a < b;
}
constexpr bool i64_gt_s(uint64_t a, uint64_t b) {
  return detail::as_signed(a) > detail::as_signed(b);
}
constexpr bool i64_gt_u(uint64_t a, uint64_t b) {
  return a > b;
}
constexpr bool i64_le_s(uint64_t a, uint64_t b) {
  return detail::as_signed(a) <= detail::as_signed(b);
}
constexpr bool i64_le_u(uint64_t a, uint64_t b) {
  return a <= b;
}
constexpr bool i64_ge_s(uint64_t a, uint64_t b) {
  return detail::as_signed(a) >= detail::as_signed(b);
}
constexpr bool i64_ge_u(uint64_t a, uint64_t b) {
  return a >= b;
}
constexpr uint64_t i64_extend8_s(uint64_t a) {
  return detail::extend_s<int8_t>(a);
}
constexpr uint64_t i64_extend16_s(uint64_t a) {
  return detail::extend_s<int16_t>(a);
}
constexpr uint64_t i64_extend32_s(uint64_t a) {
  return detail::extend_s<int32_t>(a);
}

// ---- between i32 and i64 ----
constexpr uint32_t i32_wrap_i64(uint64_t a) {
  return static_cast<uint32_t>(a);
}
constexpr uint64_t i64_extend_i32_s(uint32_t a) {
  return static_cast<uint64_t>(static_cast<int64_t>(static_cast<int32_t>(a)));
}
constexpr uint64_t i64_extend_i32_u(uint32_t a) {
  return a;
}

}  // namespace weft::interp::ops
