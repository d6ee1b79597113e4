// Test helpers: a WAT module parsed, validated, lowered and instantiated in a fresh store.
#pragma once

#include <algorithm>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "interp/interpreter.hpp"
#include "runtime/instance.hpp"
#include "runtime/store.hpp"
#include "text/wat_parser.hpp"
#include "validate/validator.hpp"

namespace weft::testing {

class Harness {
 public:
  explicit Harness(compile::BoundsChecks bounds = compile::BoundsChecks::Explicit)
      : store_(types_) {
    config_.bounds = bounds;
    if (bounds == compile::BoundsChecks::GuardPages) interp::install_fault_handler();
  }

  runtime::Store& store() { return store_; }

  Result<runtime::Instance*> instantiate(std::string_view wat,
                                         std::span<const runtime::Extern> imports = {}) {
    Result<ir::Module> parsed = text::parse_wat(wat);
    if (!parsed) return std::move(parsed).error();
    WEFT_TRY(validate::validate_module(*parsed));
    auto module = std::make_shared<const ir::Module>(std::move(*parsed));
    Result<std::shared_ptr<compile::ModuleCode>> code = interp::compile_module(*module, config_);
    if (!code) return std::move(code).error();
    return runtime::Instance::instantiate(store_, module, std::move(*code), imports,
                                          interp::array_call);
  }

  // Calls export `name` with 64-bit argument bits; returns the trap (None on success) and
  // leaves the results in `results`.
  runtime::TrapCode call(runtime::Instance* instance, std::string_view name,
                         std::vector<uint64_t> args, std::vector<uint64_t>* results = nullptr) {
    const runtime::Extern* e = instance->find_export(name);
    if (e == nullptr || e->kind != ir::ExternKind::Func) return runtime::TrapCode::HostError;
    std::vector<runtime::ValRaw> values(args.size() + 8);
    for (size_t i = 0; i < args.size(); ++i) values[i].i64 = args[i];
    const runtime::TrapCode trap =
        e->func->array_call(e->func, nullptr, values.data(), values.size());
    if (results != nullptr) {
      results->clear();
      const ir::FuncType& type = types_.type(e->func->type_index);
      for (size_t i = 0; i < type.results.size(); ++i) results->push_back(values[i].i64);
    }
    return trap;
  }

  // Calls export `name` with raw values (v128 included); the results replace `values`.
  runtime::TrapCode call_raw(runtime::Instance* instance, std::string_view name,
                             std::vector<runtime::ValRaw>& values) {
    const runtime::Extern* e = instance->find_export(name);
    if (e == nullptr || e->kind != ir::ExternKind::Func) return runtime::TrapCode::HostError;
    const ir::FuncType& type = types_.type(e->func->type_index);
    const size_t n = values.size();
    values.resize(std::max(n, std::max(type.params.size(), type.results.size())));
    const runtime::TrapCode trap =
        e->func->array_call(e->func, nullptr, values.data(), values.size());
    values.resize(trap == runtime::TrapCode::None ? type.results.size() : 0);
    return trap;
  }

  // The single result of a call that must not trap.
  uint64_t call1(runtime::Instance* instance, std::string_view name, std::vector<uint64_t> args) {
    std::vector<uint64_t> results;
    if (call(instance, name, std::move(args), &results) != runtime::TrapCode::None) return ~0ull;
    return results.empty() ? ~0ull : results[0];
  }

 private:
  runtime::TypeRegistry types_;
  runtime::Store store_;
  interp::Config config_;
};

}  // namespace weft::testing
