// Config and Engine: the settings shared by every module and store made from one engine.
#pragma once

#include <memory>

namespace weft {

namespace detail {
struct EngineState;
}

struct Config {
  // Check linear-memory bounds with compares instead of relying on guard pages and a fault
  // handler (the handler is installed process-wide when this is false).
  bool explicit_bounds_checks = false;
};

// Cheap to copy: copies share one engine (type registry and settings).
class Engine {
 public:
  explicit Engine(const Config& config = Config{});

  const std::shared_ptr<detail::EngineState>& state() const { return state_; }

 private:
  std::shared_ptr<detail::EngineState> state_;
};

}  // namespace weft
