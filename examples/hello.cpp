// hello: the smallest embedding. A host function written in C++ is imported by a wasm module,
// and the host calls the module's export, which calls back out to the host function.
#include <cstdio>

#include "weft/weft.hpp"

// The module imports "host" "hello" and calls it from its export "run".
constexpr const char* kWat = R"((module
  (import "host" "hello" (func $hello (param i32)))
  (func (export "run")
    (call $hello (i32.const 42)))
))";

// Every store carries one value of an embedder-chosen type, which host functions reach through
// their Caller. Here it counts the calls.
struct HostState {
  int greetings = 0;
};

int main() {
  // An engine holds the settings and the types shared by all modules and stores made from it.
  weft::Engine engine;

  // Parsing and validation happen here; an invalid module is an Error value, never an exception.
  weft::Result<weft::Module> module = weft::Module::from_text(engine, kWat);
  if (!module) {
    std::fprintf(stderr, "compile error: %s\n", module.error().to_string().c_str());
    return 1;
  }

  // The linker names the host functions a module may import. func_wrap deduces the wasm type
  // (param i32) from the C++ signature; the leading Caller<HostState>& is optional.
  weft::Linker<HostState> linker(engine);
  linker.func_wrap("host", "hello", [](weft::Caller<HostState>& caller, int32_t number) {
    ++caller.data().greetings;
    std::printf("Hello from the host, wasm says %d\n", number);
  });

  // The store owns everything a running instance needs: memories, tables, globals, functions.
  weft::Store<HostState> store(engine, HostState{});
  weft::Result<weft::Instance> instance = linker.instantiate(store, *module);
  if (!instance) {
    std::fprintf(stderr, "instantiation error: %s\n", instance.error().to_string().c_str());
    return 1;
  }

  // A typed handle checks the export's signature once, then calls with plain C++ values.
  weft::Result<weft::TypedFunc<void()>> run = instance->get_typed_func<void()>(store, "run");
  if (!run) {
    std::fprintf(stderr, "%s\n", run.error().to_string().c_str());
    return 1;
  }
  weft::Result<void> done = run->call(store);
  if (!done) {
    std::fprintf(stderr, "trap: %s\n", done.error().to_string().c_str());
    return 1;
  }
  std::printf("the host was greeted %d time(s)\n", store.data().greetings);
  return store.data().greetings == 1 ? 0 : 1;
}
