#include "weft/engine.hpp"

#include "api/engine_state.hpp"

namespace weft {

Engine::Engine(const Config& config) : state_(std::make_shared<detail::EngineState>()) {
  state_->config.bounds = config.explicit_bounds_checks ? compile::BoundsChecks::Explicit
                                                        : compile::BoundsChecks::GuardPages;
  if (!config.explicit_bounds_checks) interp::install_fault_handler();
}

}  // namespace weft
