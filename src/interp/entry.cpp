// Entering the interpreter from C++ (array_call), its per-thread state, and the fault handler
// that turns guard-page hits into traps.
#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstring>
#include <mutex>
#include <new>

#include "compile/lower.hpp"
#include "compile/trampolines.hpp"
#include "interp/dispatch.hpp"
#include "interp/interpreter.hpp"
#include "runtime/memory.hpp"

namespace weft::interp {
namespace {

// Created on the thread's first entry and kept for its life: re-entries from host functions
// continue on it above the frames in use (ExecState::sp). Unmapped when the thread ends, except
// for the main thread, whose end is the process's exit: its teardown frees the stacks at once,
// while unmapping them first costs a noticeable part of a short run's start-up and exit.
struct ThreadStack {
  ExecState state;
  uint64_t* slots = nullptr;
  Frame* frames = nullptr;
  bool main_thread = false;
  ~ThreadStack() {
    if (!main_thread) {
      if (slots != nullptr) munmap(slots, kStackSlots * sizeof(uint64_t));
      if (frames != nullptr) munmap(frames, kMaxFrames * sizeof(Frame));
    }
    delete[] state.trace;
  }
};

thread_local ThreadStack t_stack;
thread_local ExecState* t_state = nullptr;

struct sigaction g_previous_segv;
struct sigaction g_previous_bus;

void on_fault(int signal, siginfo_t* info, void* context) {
  ExecState* st = t_state;
  if (st != nullptr && st->in_wasm && st->fault_jump != nullptr &&
      runtime::in_memory_reservation(reinterpret_cast<uintptr_t>(info->si_addr))) {
    siglongjmp(*st->fault_jump, 1);
  }
  // Not ours: let the previous handler (or the default action) have it.
  const struct sigaction& previous = signal == SIGSEGV ? g_previous_segv : g_previous_bus;
  if (previous.sa_flags & SA_SIGINFO) {
    previous.sa_sigaction(signal, info, context);
    return;
  }
  if (previous.sa_handler == SIG_IGN) return;
  if (previous.sa_handler != SIG_DFL) {
    previous.sa_handler(signal);
    return;
  }
  sigaction(signal, &previous, nullptr);  // re-raised on return, with the default action
}

}  // namespace

ExecState* thread_exec_state() {
  if (t_state != nullptr) return t_state;
  void* slots = mmap(nullptr, kStackSlots * sizeof(uint64_t), PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (slots == MAP_FAILED) return nullptr;
  void* frames = mmap(nullptr, kMaxFrames * sizeof(Frame), PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (frames == MAP_FAILED) {
    munmap(slots, kStackSlots * sizeof(uint64_t));
    return nullptr;
  }
  t_stack.slots = static_cast<uint64_t*>(slots);
  t_stack.frames = static_cast<Frame*>(frames);
  t_stack.main_thread = gettid() == getpid();
  ExecState& st = t_stack.state;
  st.sp = t_stack.slots;
  st.stack_end = t_stack.slots + kStackSlots;
  st.frames_top = t_stack.frames;
  st.frames_end = t_stack.frames + kMaxFrames;
  t_state = &st;
  return t_state;
}

Result<std::shared_ptr<compile::ModuleCode>> compile_module(const ir::Module& module,
                                                            const Config& config) {
  compile::LowerOptions options;
  options.bounds = config.bounds;
  options.consume_fuel = config.consume_fuel;
  options.epoch_interruption = config.epoch_interruption;
  options.lazy = config.lazy_lowering;
  Result<std::shared_ptr<compile::ModuleCode>> code =
      compile::lower_module(module, handler_table(), options);
  if (!code) return code;
  WEFT_TRY(compile::add_wasm_to_array_trampolines(**code, module, handler_table()));
  return code;
}

namespace {

// Records the wasm frames of the trap that is ending the run entered at `entry` (whose exit
// frame is at `base`), innermost first, for take_trap_trace. Runs on the trap path only.
void record_trace(ExecState* st, const runtime::VMFuncRef* callee,
                  const compile::CompiledFunc* entry, const Frame* base) {
  st->trace_callee = nullptr;
  st->trace_size = 0;
  if (st->trace == nullptr) {
    st->trace = new (std::nothrow) TraceFrame[kMaxTraceFrames];
    if (st->trace == nullptr) return;
  }
  uint32_t n = 0;
  const auto add = [&](const void* where, bool is_func, runtime::VMContext* ctx) {
    if (n < kMaxTraceFrames) st->trace[n++] = TraceFrame{where, is_func, ctx};
  };
  // base[1] .. top[-1] are the calls made since the entry; each holds its caller's resume pc.
  const Frame* const top = st->frames_top;
  if (st->trap_pc != nullptr) {
    add(st->trap_pc, false, st->trap_ctx);
  } else if (top == base + 1) {
    add(entry, true, callee->vmctx);  // a guard-page fault in the entry function itself
  } else {
    // A guard-page fault leaves no pc: the innermost function is the callee of the last call,
    // which a direct call names in its operands ([CallDirect][CompiledFunc*][base], resuming
    // after them). Other calls leave that frame out.
    const compile::Cell* resume = top[-1].return_pc;
    const auto call_direct = reinterpret_cast<uintptr_t>(
        handler_table()[static_cast<size_t>(compile::Op::CallDirect)]);
    if (resume[-3] == call_direct) {
      add(reinterpret_cast<const void*>(resume[-2]), true, top[-1].ctx);
    }
  }
  for (const Frame* f = top - 1; f > base; --f) add(f->return_pc, false, f->ctx);
  st->trace_size = n;
  st->trace_callee = callee;
}

}  // namespace

std::span<const TraceFrame> take_trap_trace(const runtime::VMFuncRef* callee) {
  ExecState* st = t_state;
  if (st == nullptr || st->trace_callee != callee || callee == nullptr) return {};
  st->trace_callee = nullptr;
  return {st->trace, st->trace_size};
}

namespace {

// Lowers `cf` now if it is still a lazy stub, so that the entry sets its real frame up.
bool ensure_lowered(const compile::CompiledFunc& cf) {
  const compile::Cell* code = compile::code_acquire(cf);
  const auto lazy =
      reinterpret_cast<uintptr_t>(handler_table()[static_cast<size_t>(compile::Op::LazyLower)]);
  if (code[0] != lazy) [[likely]]
    return true;
  return compile::lower_function(*reinterpret_cast<compile::ModuleCode*>(code[1]),
                                 static_cast<uint32_t>(code[2]))
      .has_value();
}

}  // namespace

runtime::TrapCode array_call(const runtime::VMFuncRef* callee, runtime::VMContext*,
                             runtime::ValRaw* values, size_t) {
  using runtime::TrapCode;
  ExecState* st = thread_exec_state();
  if (st == nullptr || st->nesting >= kMaxNesting) return TrapCode::CallStackExhausted;
  const auto* cf = static_cast<const compile::CompiledFunc*>(callee->wasm_call);
  if (!ensure_lowered(*cf)) return TrapCode::OutOfMemory;
  uint64_t* const fp = st->sp;
  if (fp + cf->frame_slots > st->stack_end || st->frames_top == st->frames_end) {
    return TrapCode::CallStackExhausted;
  }
  const compile::Signature& sig = *cf->signature;
  for (uint32_t i = 0, s = 0; i < sig.param_wide.size(); ++i) {
    std::memcpy(fp + s, values[i].v128, sig.param_wide[i] ? 16 : 8);
    s += sig.param_wide[i] ? 2 : 1;
  }
  if (cf->num_locals > cf->num_params) {
    std::memset(fp + cf->num_params, 0, (cf->num_locals - cf->num_params) * sizeof(uint64_t));
  }
  Frame* const saved_top = st->frames_top;
  uint64_t* const saved_sp = st->sp;
  sigjmp_buf* const saved_jump = st->fault_jump;
  const bool saved_in_wasm = st->in_wasm;
  // A re-entry from a host function must leave the outer run's dispatch registers (kept in
  // ExecState by the loop without tail calls) as they were.
  uint64_t* const saved_fp = st->fp;
  uint8_t* const saved_mem = st->mem;
  runtime::VMContext* const saved_ctx = st->ctx;
  *st->frames_top++ = Frame{exit_code(), nullptr, nullptr, nullptr};
  st->sp = fp + cf->frame_slots;
  ++st->nesting;
  sigjmp_buf jump;
  st->fault_jump = &jump;
  st->trap = TrapCode::None;
  st->trap_pc = nullptr;
  if (sigsetjmp(jump, 0) == 0) {
    st->in_wasm = true;
    runtime::VMContext* ctx = callee->vmctx;
    run_code(cf->code, fp, ctx->memory0_base, ctx, st);
  } else {
    st->trap = TrapCode::MemoryOutOfBounds;
  }
  if (st->trap != TrapCode::None) [[unlikely]] {
    record_trace(st, callee, cf, saved_top);
    st->trap_pc = nullptr;  // an outer run that faults later must not see this pc
  }
  st->in_wasm = saved_in_wasm;
  st->fault_jump = saved_jump;
  st->fp = saved_fp;
  st->mem = saved_mem;
  st->ctx = saved_ctx;
  st->frames_top = saved_top;
  st->sp = saved_sp;
  --st->nesting;
  const TrapCode trap = st->trap;
  st->trap = TrapCode::None;
  if (trap != TrapCode::None) return trap;
  for (uint32_t i = 0, s = 0; i < sig.result_wide.size(); ++i) {
    values[i] = runtime::ValRaw{};
    std::memcpy(values[i].v128, fp + s, sig.result_wide[i] ? 16 : 8);
    s += sig.result_wide[i] ? 2 : 1;
  }
  return TrapCode::None;
}

void install_fault_handler() {
  static std::once_flag once;
  std::call_once(once, [] {
    // SA_NODEFER: the handler leaves with siglongjmp without restoring the signal mask.
    struct sigaction action;
    std::memset(&action, 0, sizeof action);
    action.sa_sigaction = on_fault;
    action.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigemptyset(&action.sa_mask);
    sigaction(SIGSEGV, &action, &g_previous_segv);
    sigaction(SIGBUS, &action, &g_previous_bus);
  });
}

}  // namespace weft::interp
