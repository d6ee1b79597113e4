// The table add_to_linker walks: every wasi_snapshot_preview1 function with its type.
#include <array>

#include "wasi/calls.hpp"

namespace weft::wasi::detail {

namespace {

#define WEFT_WASI_ENTRY(name, params, returns_errno, needs_memory) \
  WasiImport{#name, params, returns_errno, needs_memory, &call_##name},
constexpr std::array kImports = {WEFT_WASI_IMPORTS(WEFT_WASI_ENTRY)};
#undef WEFT_WASI_ENTRY

}  // namespace

std::span<const WasiImport> wasi_imports() {
  return kImports;
}

FuncType import_type(const WasiImport& import) {
  FuncType type;
  for (const char* p = import.params; *p != '\0'; ++p)
    type.params.push_back(*p == 'I' ? ValType::i64() : ValType::i32());
  if (import.returns_errno) type.results.push_back(ValType::i32());
  return type;
}

Error missing_memory_error() {
  return Error{ErrorKind::Trap, "wasi: the calling module exports no memory named \"memory\""};
}

}  // namespace weft::wasi::detail
