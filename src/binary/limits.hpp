// Implementation limits of the decoder. The format allows counts up to 2^32-1; these caps keep the
// memory a hostile module can make the decoder allocate proportionate to sane programs. They are
// the limits of the major engines (V8's wasm-limits.h), so real modules never meet them.
#pragma once

#include <cstdint>

namespace weft::binary {

inline constexpr uint32_t kMaxTypes = 1'000'000;
inline constexpr uint32_t kMaxFunctions = 1'000'000;
inline constexpr uint32_t kMaxImports = 1'000'000;
inline constexpr uint32_t kMaxExports = 1'000'000;
inline constexpr uint32_t kMaxGlobals = 1'000'000;
inline constexpr uint32_t kMaxTables = 1'000'000;
inline constexpr uint32_t kMaxMemories = 1'000'000;
inline constexpr uint32_t kMaxTags = 1'000'000;
inline constexpr uint32_t kMaxElemSegments = 1'000'000;
inline constexpr uint32_t kMaxDataSegments = 1'000'000;
inline constexpr uint32_t kMaxElemItems = 10'000'000;
inline constexpr uint32_t kMaxFunctionParams = 1'000;
inline constexpr uint32_t kMaxFunctionResults = 1'000;
inline constexpr uint32_t kMaxStructFields = 10'000;
inline constexpr uint32_t kMaxRecGroupTypes = 1'000'000;
// Declared locals of one function (parameters not included). The spec's own bound is 2^32-1.
inline constexpr uint32_t kMaxFunctionLocals = 50'000;

}  // namespace weft::binary
