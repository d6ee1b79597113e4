// The interpreter's per-thread execution state: its value stack (frames of 8-byte slots), its
// return stack, and what a trap or a guard-page fault needs to get back to the entry.
#pragma once

#include <csetjmp>
#include <cstdint>

#include "compile/code_format.hpp"
#include "runtime/trap.hpp"
#include "runtime/vm.hpp"

namespace weft::interp {

// A return-stack entry, pushed by a call: where and in which context the caller resumes.
struct Frame {
  const compile::Cell* return_pc;
  uint64_t* fp;
  uint8_t* mem;
  runtime::VMContext* ctx;
};

struct TraceFrame;

struct ExecState {
  uint64_t* stack_end = nullptr;  // one past the last usable slot
  uint64_t* sp = nullptr;         // where the next entry (from the host) puts its frame
  Frame* frames_top = nullptr;
  Frame* frames_end = nullptr;
  runtime::TrapCode trap = runtime::TrapCode::None;
  // Where the trap was raised (null for a guard-page fault), and the frames the entry then
  // recorded for the backtrace: `trace` holds kMaxTraceFrames, allocated at the first trap.
  const compile::Cell* trap_pc = nullptr;
  runtime::VMContext* trap_ctx = nullptr;
  TraceFrame* trace = nullptr;
  uint32_t trace_size = 0;
  const runtime::VMFuncRef* trace_callee = nullptr;  // the entry's callee the trace belongs to
  // Set while wasm runs: a fault in a memory reservation jumps here (guard-page bounds).
  sigjmp_buf* fault_jump = nullptr;
  bool in_wasm = false;
  uint32_t nesting = 0;  // host → wasm re-entries on the native stack
  // The dispatch loop's registers, for compilers without guaranteed tail calls.
  uint64_t* fp = nullptr;
  uint8_t* mem = nullptr;
  runtime::VMContext* ctx = nullptr;
};

// Limits: value-stack slots, wasm call depth, and native re-entries through host functions.
inline constexpr uint64_t kStackSlots = uint64_t{8} << 20;  // 64 MiB
inline constexpr uint64_t kMaxFrames = 100'000;
inline constexpr uint32_t kMaxNesting = 200;

// This thread's state, created on first use; null when it cannot be allocated.
ExecState* thread_exec_state();

}  // namespace weft::interp
