// ir::Module → binary format. decode(encode(m)) reproduces m; custom sections keep their place.
#pragma once

#include <cstdint>
#include <vector>

#include "ir/module.hpp"

namespace weft::binary {

std::vector<uint8_t> encode_module(const ir::Module& module);

}  // namespace weft::binary
