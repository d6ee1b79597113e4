// Func: a handle to a function (wasm or host) owned by a store. Valid while its store lives.
#pragma once

#include <span>

#include "weft/result.hpp"
#include "weft/types.hpp"

namespace weft {

namespace runtime {
struct VMFuncRef;
}
class StoreContext;
class Val;

class Func {
 public:
  Func() = default;
  explicit Func(runtime::VMFuncRef* ref) : ref_(ref) {}

  // Defines a host function in `store` from a callable whose parameters (after an optional
  // leading Caller<T>&) and results are wasm values (typed_func.hpp lists the C++ types). The
  // function belongs to `store` alone and dies with it. wrap() returns an empty Func when
  // memory runs out; try_wrap() returns the error (ErrorKind::OutOfMemory).
  template <typename S, typename F>
  static Func wrap(S& store, F&& callable);
  template <typename S, typename F>
  static Result<Func> try_wrap(S& store, F&& callable);

  FuncType type(StoreContext& store) const;
  // Calls with dynamically typed values. A trap comes back as ErrorKind::Trap with the spec's
  // message; an error returned by a host function comes back as it was returned.
  Result<void> call(StoreContext& store, std::span<const Val> args, std::span<Val> results) const;

  explicit operator bool() const { return ref_ != nullptr; }
  runtime::VMFuncRef* raw() const { return ref_; }
  bool operator==(const Func&) const = default;

 private:
  runtime::VMFuncRef* ref_ = nullptr;
};

}  // namespace weft
