// `weft run`: runs a module as a WASI program, or calls one export with typed arguments
// (--invoke), on the public embedding API. Options and exit codes: run_options.cpp's help.
#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "cli_values.hpp"
#include "commands.hpp"
#include "prefault.hpp"
#include "run_options.hpp"
#include "weft/wasi.hpp"
#include "weft/weft.hpp"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WEFT_HAS_ASAN 1
#endif
#endif

namespace weft::cli {
namespace {

// wasmtime's status for a trap on unix: what an abort would give (128 + SIGABRT).
constexpr int kTrapExitCode = 134;

// What the store of `weft run` carries: the program's WASI state.
struct RunHost {
  std::unique_ptr<wasi::WasiCtx> wasi;
};

wasi::WasiCtx& wasi_of(RunHost& host) {
  return *host.wasi;
}

// Prints `e` as wasmtime frames a failure of its main module; a trap adds its wasm backtrace
// (innermost frame first).
void print_error(const std::string& path, const Error& e) {
  std::fflush(stdout);
  std::fprintf(stderr, "Error: failed to run main module `%s`\n\nCaused by:\n    %s%s\n",
               path.c_str(), e.kind == ErrorKind::Trap ? "wasm trap: " : "", e.to_string().c_str());
  if (e.backtrace.empty()) return;
  std::fprintf(stderr, "\nwasm backtrace:\n");
  for (size_t i = 0; i < e.backtrace.size(); ++i) {
    const BacktraceFrame& frame = e.backtrace[i];
    std::string name = frame.func_name.empty() ? "<unknown>" : frame.func_name;
    if (!frame.module_name.empty()) name = frame.module_name + "!" + name;
    std::fprintf(stderr, "  %zu: 0x%x - %s\n", i, frame.func_index, name.c_str());
  }
}

// Ends `weft run` with `code`. Everything the run built (the engine, the module's code, the store
// with its linear memory) is the process's to drop; tearing it down would cost more than the
// rest of a small program's run, mostly in page faults: a dying memory is zeroed for reuse and
// code and tables are freed page by page. std::exit skips those destructors (it does not unwind
// this function's frame) but still flushes stdio and runs static destructors. Sanitizer builds
// return instead, so leak checking still sees everything freed.
int finish(int code) {
#if defined(__SANITIZE_ADDRESS__) || defined(WEFT_HAS_ASAN)
  return code;
#else
  std::exit(code);
#endif
}

// For failures before the program runs: loading, linking, a bad --invoke.
int fail(const std::string& path, const Error& e) {
  print_error(path, e);
  return 1;
}

// How the program ended when it did not return: an exit code from proc_exit passes through
// (when a process can exit with it: 0 to 255); a trap exits with kTrapExitCode; any other
// error (a host function's) with 1.
int report_run_error(const std::string& path, const Error& e) {
  if (e.kind == ErrorKind::Exit) {
    if (e.exit_code >= 0 && e.exit_code <= 255) return e.exit_code;
    print_error(path, Error{ErrorKind::Exit,
                            "exit status " + std::to_string(e.exit_code) + " is outside 0..255"});
    return 1;
  }
  print_error(path, e);
  return e.kind == ErrorKind::Trap ? kTrapExitCode : 1;
}

Result<std::unique_ptr<wasi::WasiCtx>> make_wasi(const RunOptions& options) {
  wasi::WasiConfig config;
  config.arg(options.path);
  // With --invoke the command-line arguments belong to the function, not to the program.
  if (!options.invoke) {
    for (const std::string& a : options.args) config.arg(a);
  }
  for (const auto& [name, value] : options.env) config.env(name, value);
  for (const RunOptions::Dir& dir : options.dirs) config.preopen_dir(dir.host, dir.guest);
  config.inherit_stdio();
  return wasi::WasiCtx::create(config);
}

// Calls `func` with arguments parsed from the command line and prints its results.
int invoke(StoreContext& store, const std::string& path, const std::string& name, Func func,
           const std::vector<std::string>& args) {
  const FuncType type = func.type(store);
  if (args.size() != type.params.size()) {
    return fail(
        path, Error{ErrorKind::Other, "'" + name + "' takes " + std::to_string(type.params.size()) +
                                          " arguments, got " + std::to_string(args.size())});
  }
  std::vector<Val> params;
  for (size_t i = 0; i < args.size(); ++i) {
    Result<Val> v = parse_value(type.params[i], args[i]);
    if (!v) return fail(path, v.error());
    params.push_back(*v);
  }
  std::vector<Val> results(type.results.size());
  Result<void> called = func.call(store, params, results);
  if (!called) return report_run_error(path, called.error());
  for (const Val& v : results) std::printf("%s\n", format_value(v).c_str());
  return 0;
}

}  // namespace

int run_command(std::span<const std::string_view> args) {
  ParsedRunOptions parsed = parse_run_options(args);
  if (!parsed.options) return parsed.exit_code;
  const RunOptions& options = *parsed.options;
  // Loading takes about three times the module's size of heap (its bytes, the decoded module,
  // the lowered code). Mapping more than will be used costs as much as the faults it saves.
  struct stat file;
  if (stat(options.path.c_str(), &file) == 0 && file.st_size >= 0) {
    prefault_heap((size_t{32} << 10) + 3 * static_cast<size_t>(file.st_size));
  }

  Config config;
  config.explicit_bounds_checks(options.explicit_bounds).consume_fuel(options.fuel.has_value());
  Engine engine(config);
  Result<Module> module = Module::from_file(engine, options.path);
  if (!module) {
    // Positions in the module (line:column, byte offset) read best after the file's name.
    const Error& e = module.error();
    if (!e.has_position() && !e.has_offset()) return finish(fail(options.path, e));
    const char* separator = e.has_position() ? ":" : ": ";
    return finish(fail(options.path, Error{e.kind, options.path + separator + e.to_string()}));
  }

  Result<std::unique_ptr<wasi::WasiCtx>> ctx = make_wasi(options);
  if (!ctx) return finish(fail(options.path, ctx.error()));
  Store<RunHost> store(engine, RunHost{std::move(*ctx)});
  if (options.fuel) {
    Result<void> fueled = store.set_fuel(*options.fuel);
    if (!fueled) return finish(fail(options.path, fueled.error()));
  }
  Linker<RunHost> linker(engine);
  wasi::add_to_linker<RunHost>(linker, &wasi_of);

  Result<InstancePre<RunHost>> pre = linker.instantiate_pre(*module);
  if (!pre) return finish(fail(options.path, pre.error()));
  // Instantiation runs the start function, which may trap or exit like `_start` can.
  Result<Instance> instance = pre->instantiate(store);
  if (!instance) return finish(report_run_error(options.path, instance.error()));

  const std::string entry = options.invoke.value_or("_start");
  std::optional<Func> func = instance->get_func(store, entry);
  if (!func) {
    // A module without `_start`: instantiating it was the run.
    if (!options.invoke) return finish(0);
    return finish(
        fail(options.path, Error{ErrorKind::Other, "no exported function named '" + entry + "'"}));
  }
  if (options.invoke) return finish(invoke(store, options.path, entry, *func, options.args));
  if (!func->type(store).params.empty() || !func->type(store).results.empty()) {
    return finish(
        fail(options.path, Error{ErrorKind::Link, "`_start` must take and return nothing"}));
  }
  Result<void> called = func->call(store, {}, {});
  if (!called) return finish(report_run_error(options.path, called.error()));
  return finish(0);
}

}  // namespace weft::cli
