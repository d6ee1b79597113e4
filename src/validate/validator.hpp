// Validation of a whole module (Wasm 2.0, SIMD included): module-level rules, constant
// expressions, and every function body through BodyDecoder with the type-checking visitor.
#pragma once

#include "base/result.hpp"
#include "ir/features.hpp"
#include "ir/module.hpp"

namespace weft::validate {

// ErrorKind::Invalid with the spec's wording ("type mismatch", "unknown local 3", ...) and the
// byte offset of the offending instruction where there is one. Malformed instruction bytes
// (unknown opcodes, bad immediates) come back as ErrorKind::Malformed.
Result<void> validate_module(const ir::Module& module,
                             const ir::Features& features = ir::Features::wasm2());

}  // namespace weft::validate
