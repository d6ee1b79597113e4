// What an Engine shares with its modules and stores.
#pragma once

#include <atomic>
#include <cstdint>

#include "interp/interpreter.hpp"
#include "runtime/type_registry.hpp"
#include "weft/engine.hpp"

namespace weft::detail {

struct EngineState {
  runtime::TypeRegistry types;
  interp::Config config;
  Config public_config;  // as the embedder gave it
  // Engine::increment_epoch's counter; stores' epoch checks read it (VMStoreLimits::epoch).
  std::atomic<uint64_t> epoch{0};
};

}  // namespace weft::detail
