// The API boundary's one guard against exceptions. weft's code reports failures as Result
// values, but the standard containers it uses throw std::bad_alloc when memory runs out; every
// fallible public entry point runs its body under without_exceptions(), which turns such an
// exception into Error{ErrorKind::OutOfMemory}. Code that C++ entered from wasm (host
// functions) uses the same guard, so no exception ever unwinds through interpreter frames.
#pragma once

#include <type_traits>
#include <utility>

#include "base/result.hpp"

namespace weft::detail {

// The Error for the exception being handled; call it only inside a catch block.
// std::bad_alloc and std::length_error (a size no allocation can satisfy) are OutOfMemory.
Error error_from_current_exception() noexcept;

// Runs `body`, which returns a Result, and returns its result, or the error for an exception
// it threw.
template <typename F>
auto without_exceptions(F&& body) noexcept -> decltype(std::forward<F>(body)()) {
  try {
    return std::forward<F>(body)();
  } catch (...) {
    return error_from_current_exception();
  }
}

}  // namespace weft::detail
