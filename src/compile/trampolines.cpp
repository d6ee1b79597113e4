#include "compile/trampolines.hpp"

#include <algorithm>

namespace weft::compile {

Result<void> add_wasm_to_array_trampolines(ModuleCode& code, const ir::Module& module,
                                           HandlerTable handlers) {
  const size_t n = module.types.size();
  code.trampolines.resize(n);
  code.trampoline_code.resize(n);
  const Cell call_host = reinterpret_cast<uintptr_t>(handlers[static_cast<size_t>(Op::CallHost)]);
  const Cell ret = reinterpret_cast<uintptr_t>(handlers[static_cast<size_t>(Op::Return)]);
  for (size_t i = 0; i < n; ++i) {
    if (!module.is_func_type(static_cast<uint32_t>(i))) continue;
    const Signature& sig = code.signatures[i];
    code.trampoline_code[i] = {call_host, reinterpret_cast<uintptr_t>(&sig), ret};
    CompiledFunc& f = code.trampolines[i];
    f.code = code.trampoline_code[i].data();
    // The frame holds the arguments on entry and the results on return, nothing else.
    f.num_params = sig.param_slots;
    f.num_locals = sig.param_slots;
    f.frame_slots = std::max(sig.param_slots, sig.result_slots);
    f.num_results = sig.result_slots;
    f.signature = &sig;
    f.type_index = static_cast<uint32_t>(i);
    f.func_index = UINT32_MAX;  // not a function of the module
  }
  return {};
}

}  // namespace weft::compile
