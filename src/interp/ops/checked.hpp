// The result of an operation that may trap: a value, or the trap it raised instead.
#pragma once

#include "runtime/trap.hpp"

namespace weft::interp::ops {

// Returned by value rather than through an out-parameter: a Checked<uint32_t> packs into one
// register and a Checked<uint64_t> into two, so even an out-of-line call costs nothing extra, and
// once inlined the trap test folds into the operation's own range check (one compare and branch
// on the fast path). `value` is unspecified (zero) when `trap` is not None.
template <typename T>
struct Checked {
  T value;
  runtime::TrapCode trap;

  constexpr bool ok() const { return trap == runtime::TrapCode::None; }
};

namespace detail {

template <typename T>
constexpr Checked<T> value(T v) {
  return {v, runtime::TrapCode::None};
}

template <typename T>
constexpr Checked<T> trapped(runtime::TrapCode code) {
  return {T{}, code};
}

}  // namespace detail
}  // namespace weft::interp::ops
