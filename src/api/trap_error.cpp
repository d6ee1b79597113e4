#include "api/trap_error.hpp"

#include <cstdint>
#include <optional>
#include <utility>

#include "interp/interpreter.hpp"
#include "runtime/instance.hpp"
#include "weft/store.hpp"

namespace weft::api {
namespace {

// Maps the interpreter's frames back to functions of the store's instances. Frames it cannot
// map (trampolines, whose context is a host function's) are skipped.
class FrameResolver {
 public:
  explicit FrameResolver(runtime::Store& store) : store_(store) {}

  std::optional<BacktraceFrame> resolve(const interp::TraceFrame& frame) {
    runtime::Instance* instance = instance_of(frame.ctx);
    if (instance == nullptr) return std::nullopt;
    const compile::CompiledFunc* func =
        frame.is_func ? func_at(*instance, frame.where) : func_containing(*instance, frame.where);
    if (func == nullptr) return std::nullopt;
    const ir::Module& module = instance->module();
    BacktraceFrame out;
    out.func_index = func->func_index;
    auto name = module.names.functions.find(func->func_index);
    if (name != module.names.functions.end()) out.func_name = name->second;
    if (module.names.module) out.module_name = *module.names.module;
    return out;
  }

 private:
  runtime::Instance* instance_of(const runtime::VMContext* ctx) {
    if (last_ != nullptr && last_->vmctx() == ctx) return last_;
    for (const auto& instance : store_.instances()) {
      if (instance->vmctx() == ctx) return last_ = instance.get();
    }
    return nullptr;
  }

  // `where` claims to be one of the instance's CompiledFuncs: believe it only if it is.
  static const compile::CompiledFunc* func_at(runtime::Instance& instance, const void* where) {
    const std::vector<compile::CompiledFunc>& funcs = instance.code().funcs;
    const auto begin = reinterpret_cast<uintptr_t>(funcs.data());
    const auto address = reinterpret_cast<uintptr_t>(where);
    constexpr size_t kSize = sizeof(compile::CompiledFunc);
    if (address < begin || address >= begin + funcs.size() * kSize) return nullptr;
    if ((address - begin) % kSize != 0) return nullptr;
    return &funcs[(address - begin) / kSize];
  }

  // The function whose body holds the code address `where` (a trap's pc, or a call's resume
  // pc, which may be one past the call at the end of the body).
  const compile::CompiledFunc* func_containing(runtime::Instance& instance, const void* where) {
    const compile::ModuleCode& code = instance.code();
    const auto address = reinterpret_cast<uintptr_t>(where);
    const auto holds = [&](size_t i) {
      const auto begin = reinterpret_cast<uintptr_t>(code.bodies[i].data());
      return begin != 0 && address >= begin &&
             address <= begin + code.bodies[i].size() * sizeof(compile::Cell);
    };
    // Recursion repeats one function: try the last one first.
    if (last_code_ == &code && last_body_ < code.bodies.size() && holds(last_body_)) {
      return &code.funcs[last_body_];
    }
    for (size_t i = 0; i < code.bodies.size(); ++i) {
      if (!holds(i)) continue;
      last_code_ = &code;
      last_body_ = i;
      return &code.funcs[i];
    }
    return nullptr;
  }

  runtime::Store& store_;
  runtime::Instance* last_ = nullptr;
  const compile::ModuleCode* last_code_ = nullptr;
  size_t last_body_ = 0;
};

}  // namespace

void add_backtrace(runtime::Store& store, const runtime::VMFuncRef* callee, Error& error) {
  const std::span<const interp::TraceFrame> trace = interp::take_trap_trace(callee);
  if (trace.empty()) return;
  FrameResolver resolver(store);
  error.backtrace.reserve(error.backtrace.size() + trace.size());
  for (const interp::TraceFrame& frame : trace) {
    if (std::optional<BacktraceFrame> f = resolver.resolve(frame)) {
      error.backtrace.push_back(std::move(*f));
    }
  }
}

Error trap_error(runtime::TrapCode code, const char* message) {
  // Running out of memory is not the program's fault: it stays an OutOfMemory error.
  const ErrorKind kind =
      code == runtime::TrapCode::OutOfMemory ? ErrorKind::OutOfMemory : ErrorKind::Trap;
  Error error{kind, message != nullptr ? message : runtime::trap_message(code)};
  error.trap = code;
  return error;
}

Error call_error(StoreContext& store, const runtime::VMFuncRef* callee, runtime::TrapCode trap) {
  Error error;
  std::optional<Error> host;
  if (trap == runtime::TrapCode::HostError) host = store.take_host_error();
  if (host) {
    error = std::move(*host);
  } else {
    error = trap_error(trap);
  }
  add_backtrace(store.raw(), callee, error);
  return error;
}

Error instantiation_error(StoreContext& store, const ir::Module& module, Error error) {
  if (std::optional<Error> host = store.take_host_error()) error = std::move(*host);
  // Only the start function runs wasm during instantiation; the failed instance is the store's
  // last one when it got as far as that.
  const auto& instances = store.raw().instances();
  if (!module.start || instances.empty()) return error;
  runtime::Instance* instance = instances.back().get();
  if (&instance->module() != &module || instance->vmctx()->funcs == nullptr) return error;
  add_backtrace(store.raw(), instance->vmctx()->funcs[*module.start], error);
  return error;
}

}  // namespace weft::api
