#include "weft/engine.hpp"

#include "api/engine_state.hpp"

namespace weft {

Engine::Engine(const Config& config) : state_(std::make_shared<detail::EngineState>()) {
  state_->public_config = config;
  state_->config.bounds = config.explicit_bounds_checks() ? compile::BoundsChecks::Explicit
                                                          : compile::BoundsChecks::GuardPages;
  state_->config.consume_fuel = config.consume_fuel();
  state_->config.epoch_interruption = config.epoch_interruption();
  if (!config.explicit_bounds_checks()) interp::install_fault_handler();
}

const Config& Engine::config() const {
  return state_->public_config;
}

void Engine::increment_epoch() const {
  state_->epoch.fetch_add(1, std::memory_order_relaxed);
}

}  // namespace weft
