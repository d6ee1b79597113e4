// Binary format → ir::Module. Every section, strict LEB128, UTF-8 names, section order and sizes.
// Function bodies are split off and their locals decoded, but their instructions are left as bytes
// for validate/'s BodyDecoder, the one reader of instruction bytes.
#pragma once

#include <cstdint>
#include <span>

#include "base/result.hpp"
#include "ir/features.hpp"
#include "ir/module.hpp"

namespace weft::binary {

// Errors are ErrorKind::Malformed with the byte offset of the fault and the spec's wording
// ("magic header not detected", "unexpected end", "integer too large", ...).
Result<ir::Module> decode_module(std::span<const uint8_t> bytes,
                                 const ir::Features& features = ir::Features::wasm2());

}  // namespace weft::binary
