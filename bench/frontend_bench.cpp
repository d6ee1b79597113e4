// Front-end throughput in MB/s of module bytes: binary decode, decode + validate, WAT parse,
// WAT parse + validate. Inputs come from bench/frontend.sh (WEFT_BENCH_WASM, WEFT_BENCH_WAT), which
// also times wabt on the same files so the figures are read next to a peer's. Lowering to the
// interpreter's code is measured in MB/s of code-section bodies, on WEFT_BENCH_LOWER (the
// largest module of the WASI suite; frontend.sh builds it) or else on WEFT_BENCH_WASM.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "binary/decoder.hpp"
#include "compile/lower.hpp"
#include "text/wat_parser.hpp"
#include "validate/validator.hpp"

namespace {

std::string slurp(const char* env_name) {
  const char* path = std::getenv(env_name);
  if (!path) return {};
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const std::string& wasm_input() {
  static const std::string bytes = slurp("WEFT_BENCH_WASM");
  return bytes;
}
const std::string& wat_input() {
  static const std::string text = slurp("WEFT_BENCH_WAT");
  return text;
}

std::span<const uint8_t> as_bytes(const std::string& s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

void BM_Decode(benchmark::State& state) {
  const std::string& in = wasm_input();
  if (in.empty()) return state.SkipWithError("set WEFT_BENCH_WASM (bench/frontend.sh does)");
  for (auto _ : state) {
    auto module = weft::binary::decode_module(as_bytes(in));
    if (!module) return state.SkipWithError(module.error().to_string().c_str());
    benchmark::DoNotOptimize(module);
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(in.size()));
}

void BM_DecodeValidate(benchmark::State& state) {
  const std::string& in = wasm_input();
  if (in.empty()) return state.SkipWithError("set WEFT_BENCH_WASM (bench/frontend.sh does)");
  for (auto _ : state) {
    auto module = weft::binary::decode_module(as_bytes(in));
    if (!module) return state.SkipWithError(module.error().to_string().c_str());
    auto valid = weft::validate::validate_module(*module);
    if (!valid) return state.SkipWithError(valid.error().to_string().c_str());
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(in.size()));
}

void BM_ParseWat(benchmark::State& state) {
  const std::string& in = wat_input();
  if (in.empty()) return state.SkipWithError("set WEFT_BENCH_WAT (bench/frontend.sh does)");
  for (auto _ : state) {
    auto module = weft::text::parse_wat(in);
    if (!module) return state.SkipWithError(module.error().to_string().c_str());
    benchmark::DoNotOptimize(module);
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(in.size()));
}

void BM_ParseWatValidate(benchmark::State& state) {
  const std::string& in = wat_input();
  if (in.empty()) return state.SkipWithError("set WEFT_BENCH_WAT (bench/frontend.sh does)");
  for (auto _ : state) {
    auto module = weft::text::parse_wat(in);
    if (!module) return state.SkipWithError(module.error().to_string().c_str());
    auto valid = weft::validate::validate_module(*module);
    if (!valid) return state.SkipWithError(valid.error().to_string().c_str());
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(in.size()));
}

void BM_Lower(benchmark::State& state) {
  std::string in = slurp("WEFT_BENCH_LOWER");
  if (in.empty()) in = wasm_input();
  if (in.empty()) return state.SkipWithError("set WEFT_BENCH_LOWER or WEFT_BENCH_WASM");
  auto module = weft::binary::decode_module(as_bytes(in));
  if (!module) return state.SkipWithError(module.error().to_string().c_str());
  auto valid = weft::validate::validate_module(*module);
  if (!valid) return state.SkipWithError(valid.error().to_string().c_str());
  int64_t code_bytes = 0;
  for (const weft::ir::Function& f : module->functions) code_bytes += f.body.size;
  // The lowering only stores handler addresses, so any table of the right size will do.
  std::vector<const void*> handlers(weft::compile::kOpCount, nullptr);
  weft::compile::LowerOptions options;
  options.bounds = weft::compile::BoundsChecks::GuardPages;
  for (auto _ : state) {
    auto code = weft::compile::lower_module(*module, handlers.data(), options);
    if (!code) return state.SkipWithError(code.error().to_string().c_str());
    benchmark::DoNotOptimize(code);
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * code_bytes);
}

BENCHMARK(BM_Decode)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_DecodeValidate)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_ParseWat)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_ParseWatValidate)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_Lower)->Unit(benchmark::kMillisecond)->MinTime(1.0);

}  // namespace

BENCHMARK_MAIN();
