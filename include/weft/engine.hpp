// Config and Engine: the settings shared by every module and store made from one engine.
#pragma once

#include <memory>

namespace weft {

namespace detail {
struct EngineState;
}

// Settings fixed when an engine is made; they decide what code its modules compile to. Setters
// chain: weft::Config().consume_fuel(true).epoch_interruption(true).
class Config {
 public:
  // Check linear-memory bounds with compares instead of relying on guard pages and a fault
  // handler (the handler is installed process-wide when this is false).
  Config& explicit_bounds_checks(bool enable) {
    explicit_bounds_checks_ = enable;
    return *this;
  }
  bool explicit_bounds_checks() const { return explicit_bounds_checks_; }

  // Charge fuel for the instructions wasm executes: a store starts with none, gets it from
  // StoreContext::set_fuel, and traps with TrapCode::OutOfFuel when it runs out. Costs some
  // speed; off, compiled code has no fuel checks at all.
  Config& consume_fuel(bool enable) {
    consume_fuel_ = enable;
    return *this;
  }
  bool consume_fuel() const { return consume_fuel_; }

  // Check the engine's epoch (Engine::increment_epoch) at function entries and loop heads, and
  // trap with TrapCode::Interrupted once it reaches the store's deadline
  // (StoreContext::set_epoch_deadline; a store's deadline starts at 0, so set one first).
  // Cheaper than fuel; off, compiled code has no epoch checks at all.
  Config& epoch_interruption(bool enable) {
    epoch_interruption_ = enable;
    return *this;
  }
  bool epoch_interruption() const { return epoch_interruption_; }

 private:
  bool explicit_bounds_checks_ = false;
  bool consume_fuel_ = false;
  bool epoch_interruption_ = false;
};

// Cheap to copy: copies share one engine (type registry and settings).
class Engine {
 public:
  explicit Engine(const Config& config = Config{});

  const Config& config() const;
  // Advances the epoch by one tick. Safe from any thread, also while wasm runs in this
  // engine's stores: code compiled with Config::epoch_interruption notices at its next
  // function entry or loop head.
  void increment_epoch() const;

  const std::shared_ptr<detail::EngineState>& state() const { return state_; }

 private:
  std::shared_ptr<detail::EngineState> state_;
};

}  // namespace weft
