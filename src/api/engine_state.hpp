// What an Engine shares with its modules and stores.
#pragma once

#include "interp/interpreter.hpp"
#include "runtime/type_registry.hpp"

namespace weft::detail {

struct EngineState {
  runtime::TypeRegistry types;
  interp::Config config;
};

}  // namespace weft::detail
