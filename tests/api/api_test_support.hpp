// Shared setup for API tests that compile one module, instantiate it in a fresh engine and store,
// and then call its exports.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "weft/weft.hpp"

namespace weft_test {

// Everything a test needs to call into one instance, with store data of type T. Define the
// linker's imports before loading.
template <typename T>
struct BasicInstantiated {
  explicit BasicInstantiated(const weft::Config& config = weft::Config{}) : engine(config) {}

  // Compile and instantiate; a failure comes back as a gtest assertion carrying the error text.
  ::testing::AssertionResult from_text(std::string_view wat) {
    return instantiate(weft::Module::from_text(engine, wat));
  }
  ::testing::AssertionResult from_binary(std::span<const uint8_t> bytes) {
    return instantiate(weft::Module::from_binary(engine, bytes));
  }

  weft::Engine engine;
  weft::Store<T> store{engine, T{}};
  weft::Linker<T> linker{engine};
  std::optional<weft::Instance> instance;

 private:
  ::testing::AssertionResult instantiate(weft::Result<weft::Module> module) {
    if (!module) return ::testing::AssertionFailure() << module.error().to_string();
    weft::Result<weft::Instance> made = linker.instantiate(store, *module);
    if (!made) return ::testing::AssertionFailure() << made.error().to_string();
    instance = *made;
    return ::testing::AssertionSuccess();
  }
};

using Instantiated = BasicInstantiated<int>;

}  // namespace weft_test
