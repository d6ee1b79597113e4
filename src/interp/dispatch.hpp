// How handlers are declared and how one passes control to the next.
//
// With clang, handlers are `preserve_none` functions that end in a guaranteed tail call to the
// next handler, so (pc, fp, mem, ctx, st) stay in registers across the whole run. Elsewhere
// (g++) the same handler bodies return the next pc to a plain loop, which keeps fp/mem/ctx in
// ExecState: slower, equally correct.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <type_traits>
#include <utility>

#include "compile/code_format.hpp"
#include "interp/exec_state.hpp"
#include "runtime/vm.hpp"

#if defined(__clang__) && defined(__has_attribute)
#if __has_attribute(preserve_none) && __has_attribute(musttail)
#define WEFT_INTERP_TAIL_CALLS 1
#endif
#endif

namespace weft::interp {

using compile::Cell;

#if WEFT_INTERP_TAIL_CALLS
#define WEFT_HANDLER_CC __attribute__((preserve_none))
using HandlerResult = void;
#else
#define WEFT_HANDLER_CC
using HandlerResult = const Cell*;
#endif

typedef HandlerResult(WEFT_HANDLER_CC* Handler)(const Cell* pc, uint64_t* fp, uint8_t* mem,
                                                runtime::VMContext* ctx, ExecState* st);

#define WEFT_HANDLER_ARGS                                                              \
  [[maybe_unused]] const ::weft::interp::Cell *pc, [[maybe_unused]] uint64_t *fp,      \
      [[maybe_unused]] uint8_t *mem, [[maybe_unused]] ::weft::runtime::VMContext *ctx, \
      [[maybe_unused]] ::weft::interp::ExecState *st

#if WEFT_INTERP_TAIL_CALLS
#define WEFT_DISPATCH() \
  [[clang::musttail]] return reinterpret_cast<::weft::interp::Handler>(*pc)(pc, fp, mem, ctx, st)
#define WEFT_EXIT() return
#define WEFT_SYNC() (void)0
#else
#define WEFT_DISPATCH() return pc
#define WEFT_EXIT() return nullptr
#define WEFT_SYNC() (st->fp = fp, st->mem = mem, st->ctx = ctx)
#endif

#define WEFT_NEXT(n) \
  do {               \
    pc += (n);       \
    WEFT_DISPATCH(); \
  } while (0)

// Also records where, for the trap's backtrace (the entry walks the frames from there).
#define WEFT_TRAP(code) \
  do {                  \
    st->trap = (code);  \
    st->trap_pc = pc;   \
    st->trap_ctx = ctx; \
    WEFT_EXIT();        \
  } while (0)

// The slot at byte offset `off` in the current frame.
#define WEFT_SLOT(off) (*reinterpret_cast<uint64_t*>(reinterpret_cast<char*>(fp) + (off)))

// Runs code from `pc` until the outermost frame returns (to the exit cell) or a trap.
inline void run_code(const Cell* pc, uint64_t* fp, uint8_t* mem, runtime::VMContext* ctx,
                     ExecState* st) {
#if WEFT_INTERP_TAIL_CALLS
  reinterpret_cast<Handler> (*pc)(pc, fp, mem, ctx, st);
#else
  st->fp = fp;
  st->mem = mem;
  st->ctx = ctx;
  while (pc != nullptr) pc = reinterpret_cast<Handler>(*pc)(pc, st->fp, st->mem, st->ctx, st);
#endif
}

// A handler as the untyped address the code holds.
#define WEFT_H(f) reinterpret_cast<const void*>(static_cast<::weft::interp::Handler>(f))

// Writes out[i] = make(std::integral_constant<size_t, i>) for i < N: the handlers of a family of
// operations generated from their index (chains, steps), as one array initializer (a fold
// expression over more than 256 elements exceeds clang's nesting limit).
template <size_t N, typename Make>
void write_generated_handlers(const void** out, Make make) {
  [&]<size_t... I>(std::index_sequence<I...>) {
    const void* const handlers[] = {make(std::integral_constant<size_t, I>{})...};
    std::copy(std::begin(handlers), std::end(handlers), out);
  }
  (std::make_index_sequence<N>());
}

// The handler of every compile::Op, and the one-cell code that ends a run.
const void* const* handler_table();
// Writes the chains' handlers (compile/chain_ops.hpp) to out[0, kChainOpCount).
void write_chain_handlers(const void** out);
// Writes the load chains' handlers to out[0, kLoadChainOpCount).
void write_load_chain_handlers(const void** out);
// Writes the steps' handlers (compile/step_branch_ops.hpp) to out[0, kStepBranchOpCount).
void write_step_branch_handlers(const void** out);
const Cell* exit_code();

}  // namespace weft::interp
