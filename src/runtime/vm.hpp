// The in-memory layouts that compiled code and the runtime share: ValRaw, VMFuncRef and
// VMContext. Their offsets are defined here once (DESIGN.md, "The store and its function
// references"); the interpreter and later compilers take them from these constants.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

#include "runtime/trap.hpp"

namespace weft::runtime {

struct VMContext;
struct VMFuncRef;
class Instance;
class Store;
class LinearMemory;
class Table;
struct Global;

// One value in the array calling convention. 16 bytes so that v128 fits; scalars use the low
// bytes (i32 zero-extended, floats as raw bits, references as pointers or extern bits).
union ValRaw {
  uint32_t i32;
  uint64_t i64;
  uint32_t f32;
  uint64_t f64;
  uint64_t ref;  // funcref: const VMFuncRef* (0 = null); externref: host bits (0 = null)
  uint8_t v128[16];
};
static_assert(sizeof(ValRaw) == 16);

// The array convention: `callee` is the function reference being called (its vmctx is the
// callee context); `caller` is the calling instance's context, or null from the host. `values`
// holds the arguments on entry and the results on return; the caller guarantees `count` is at
// least max(params, results). Returns TrapCode::None, or the trap that ended the call.
using ArrayCallFn = TrapCode (*)(const VMFuncRef* callee, VMContext* caller, ValRaw* values,
                                 size_t count);

struct VMFuncRef {
  ArrayCallFn array_call;
  // The engine's own wasm-to-wasm entry. For the interpreter tier this is a
  // `const compile::CompiledFunc*`: the callee's frame layout and code, entered without leaving
  // the dispatch loop. Null for a host function, which wasm then calls via array_call (a
  // wasm-to-array trampoline filling the hole must then also be a CompiledFunc).
  const void* wasm_call;
  uint32_t type_index;  // canonical, engine-wide (TypeRegistry)
  VMContext* vmctx;     // the callee's instance context, or a host function's context
};

inline constexpr size_t kFuncRefArrayCallOffset = offsetof(VMFuncRef, array_call);
inline constexpr size_t kFuncRefWasmCallOffset = offsetof(VMFuncRef, wasm_call);
inline constexpr size_t kFuncRefTypeIndexOffset = offsetof(VMFuncRef, type_index);
inline constexpr size_t kFuncRefVmctxOffset = offsetof(VMFuncRef, vmctx);

// A global's storage; imported globals are shared by pointer.
struct GlobalCell {
  ValRaw value;
};

// Per-store counters for code compiled with fuel or epoch checks (interp::Config), reached
// through VMContext::limits: every instance of a store points at its store's one copy.
struct VMStoreLimits {
  uint64_t fuel = 0;            // remaining; a check subtracts its block's cost, or traps
  uint64_t epoch_deadline = 0;  // a check traps once *epoch has reached it
  const std::atomic<uint64_t>* epoch = nullptr;  // the engine's epoch, read relaxed
};

// Per-instance context: what compiled code reaches through its context pointer. Arrays are
// indexed by the module's index spaces (imports first).
struct VMContext {
  uint8_t* memory0_base = nullptr;  // never moves: memories are reserved up front
  LinearMemory* memory0 = nullptr;
  LinearMemory* const* memories = nullptr;
  Table* const* tables = nullptr;
  GlobalCell* const* globals = nullptr;
  VMFuncRef* const* funcs = nullptr;   // every function index → its pinned funcref
  const uint32_t* type_ids = nullptr;  // module type index → canonical type index
  Instance* instance = nullptr;
  VMStoreLimits* limits = nullptr;  // the store's fuel and epoch deadline
  Store* store = nullptr;  // the owning store (an instance's, or the store's own host context)
  // Only in a host function's context (runtime/host_func.hpp): the funcref whose array_call a
  // wasm-to-array trampoline entered with this context calls, and the HostFunc itself.
  const VMFuncRef* host_funcref = nullptr;
  const void* host_func = nullptr;
};

inline constexpr size_t kVmctxMemory0BaseOffset = offsetof(VMContext, memory0_base);
inline constexpr size_t kVmctxMemory0Offset = offsetof(VMContext, memory0);
inline constexpr size_t kVmctxTablesOffset = offsetof(VMContext, tables);
inline constexpr size_t kVmctxGlobalsOffset = offsetof(VMContext, globals);
inline constexpr size_t kVmctxFuncsOffset = offsetof(VMContext, funcs);
inline constexpr size_t kVmctxTypeIdsOffset = offsetof(VMContext, type_ids);
inline constexpr size_t kVmctxLimitsOffset = offsetof(VMContext, limits);

}  // namespace weft::runtime
