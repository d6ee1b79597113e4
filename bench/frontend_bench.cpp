// Front-end throughput in MB/s of module bytes: binary decode, decode + validate, WAT parse,
// WAT parse + validate. Inputs come from bench/frontend.sh (WEFT_BENCH_WASM, WEFT_BENCH_WAT), which
// also times wabt on the same files so the figures are read next to a peer's.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "binary/decoder.hpp"
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

BENCHMARK(BM_Decode)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_DecodeValidate)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_ParseWat)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_ParseWatValidate)->Unit(benchmark::kMillisecond)->MinTime(1.0);

}  // namespace

BENCHMARK_MAIN();
