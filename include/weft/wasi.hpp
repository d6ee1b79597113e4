// WASI preview 1 (wasi_snapshot_preview1) for weft, written against the public API only.
//
//   weft::wasi::WasiConfig config;
//   config.args({"prog", "x"}).inherit_stdio().preopen_dir("/tmp/data", "/data");
//   auto ctx = weft::wasi::WasiCtx::create(config);          // one per store
//   weft::wasi::add_to_linker(linker, [](MyData& d) -> weft::wasi::WasiCtx& { return *d.wasi; });
//
// The program sees only its preopened directories: every guest path is resolved by weft itself,
// one component at a time beneath the descriptor it is relative to, so neither "..", an absolute
// path nor a symbolic link can lead outside (ENOTCAPABLE). proc_exit(code) makes the call return
// Error{ErrorKind::Exit} with exit_code = code, which unwinds through wasm to Func::call.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "weft/externs.hpp"
#include "weft/linker.hpp"
#include "weft/result.hpp"
#include "weft/store.hpp"
#include "weft/types.hpp"
#include "weft/val.hpp"

namespace weft::wasi {

// What a program gets: arguments, environment, standard streams and preopened resources.
// Guest descriptors are numbered 0, 1, 2 (stdio), then the preopened directories in the order
// given, then the preopened sockets (directories first, so that wasi-libc's scan of preopens,
// which stops at the first non-directory, finds all of them).
class WasiConfig {
 public:
  WasiConfig& args(std::vector<std::string> values) {
    args_ = std::move(values);
    return *this;
  }
  WasiConfig& arg(std::string value) {
    args_.push_back(std::move(value));
    return *this;
  }
  WasiConfig& env(std::string name, std::string value) {
    env_.emplace_back(std::move(name), std::move(value));
    return *this;
  }
  // Adds the host's environment (before the variables set with env(), which win on conflict).
  WasiConfig& inherit_env() {
    inherit_env_ = true;
    return *this;
  }
  // Gives the program the host's stdin, stdout and stderr (duplicated).
  WasiConfig& inherit_stdio() {
    stdio_ = {0, 1, 2};
    return *this;
  }
  // Host descriptors for the standard streams; each is duplicated, the caller keeps its own.
  // A stream left unset reads as empty and discards what is written (/dev/null).
  WasiConfig& stdin_fd(int host_fd) {
    stdio_[0] = host_fd;
    return *this;
  }
  WasiConfig& stdout_fd(int host_fd) {
    stdio_[1] = host_fd;
    return *this;
  }
  WasiConfig& stderr_fd(int host_fd) {
    stdio_[2] = host_fd;
    return *this;
  }
  // A host directory the program may read and write below, under the name `guest_path`.
  WasiConfig& preopen_dir(std::string host_path, std::string guest_path) {
    dirs_.push_back({std::move(host_path), std::move(guest_path)});
    return *this;
  }
  // A listening or connected socket handed in by the host (duplicated).
  WasiConfig& preopen_socket(int host_fd) {
    sockets_.push_back(host_fd);
    return *this;
  }

  struct PreopenDir {
    std::string host_path;
    std::string guest_path;
  };
  const std::vector<std::string>& get_args() const { return args_; }
  const std::vector<std::pair<std::string, std::string>>& get_env() const { return env_; }
  bool get_inherit_env() const { return inherit_env_; }
  const std::array<int, 3>& get_stdio() const { return stdio_; }  // -1: unset
  const std::vector<PreopenDir>& get_preopen_dirs() const { return dirs_; }
  const std::vector<int>& get_preopen_sockets() const { return sockets_; }

 private:
  std::vector<std::string> args_;
  std::vector<std::pair<std::string, std::string>> env_;
  bool inherit_env_ = false;
  std::array<int, 3> stdio_{-1, -1, -1};
  std::vector<PreopenDir> dirs_;
  std::vector<int> sockets_;
};

namespace detail {
struct WasiState;
}

// The state of one program: arguments, environment and the descriptor table. One per store.
// Destroying it closes every host descriptor it opened or duplicated.
class WasiCtx {
 public:
  // Fails (ErrorKind::Io) when a preopened directory cannot be opened or a descriptor cannot be
  // duplicated.
  static Result<std::unique_ptr<WasiCtx>> create(const WasiConfig& config);
  ~WasiCtx();
  WasiCtx(const WasiCtx&) = delete;
  WasiCtx& operator=(const WasiCtx&) = delete;

  detail::WasiState& state() { return *state_; }

 private:
  explicit WasiCtx(std::unique_ptr<detail::WasiState> state);
  std::unique_ptr<detail::WasiState> state_;
};

// The WASI preview 1 module name.
inline constexpr const char* kModuleName = "wasi_snapshot_preview1";

namespace detail {

// One import of wasi_snapshot_preview1. `call` gets the arguments zero-extended to 64 bits in
// order and returns the WASI errno (or an Error, for proc_exit and a missing memory).
using WasiCall = Result<uint32_t> (*)(WasiCtx& ctx, std::span<uint8_t> memory,
                                      const uint64_t* args);
struct WasiImport {
  const char* name;
  const char* params;  // one letter per parameter: 'i' for i32, 'I' for i64
  bool returns_errno;  // false only for proc_exit
  bool needs_memory;
  WasiCall call;
};
inline constexpr size_t kMaxParams = 10;

// Every function of wasi_snapshot_preview1, sorted by name.
std::span<const WasiImport> wasi_imports();
FuncType import_type(const WasiImport& import);
Error missing_memory_error();

}  // namespace detail

// Defines every wasi_snapshot_preview1 function in `linker`; `get` finds a store's WasiCtx in
// its data. The calling instance must export its memory as "memory".
template <typename T>
void add_to_linker(Linker<T>& linker, std::type_identity_t<std::function<WasiCtx&(T&)>> get) {
  for (const detail::WasiImport& import : detail::wasi_imports()) {
    const detail::WasiImport* entry = &import;
    linker.func_new(kModuleName, import.name, detail::import_type(import),
                    [get, entry](Caller<T>& caller, std::span<const Val> args,
                                 std::span<Val> results) -> Result<void> {
                      std::span<uint8_t> memory;
                      if (entry->needs_memory) {
                        std::optional<Extern> exported = caller.get_export("memory");
                        if (!exported || exported->kind != ExternKind::Memory)
                          return detail::missing_memory_error();
                        memory = exported->memory.data(caller);
                      }
                      std::array<uint64_t, detail::kMaxParams> raw{};
                      for (size_t i = 0; i < args.size() && i < raw.size(); ++i) {
                        raw[i] = entry->params[i] == 'I' ? static_cast<uint64_t>(args[i].i64())
                                                         : static_cast<uint32_t>(args[i].i32());
                      }
                      Result<uint32_t> errno_value =
                          entry->call(get(caller.data()), memory, raw.data());
                      if (!errno_value) return std::move(errno_value).error();
                      if (entry->returns_errno && !results.empty())
                        results[0] = Val(static_cast<int32_t>(*errno_value));
                      return {};
                    });
  }
}

}  // namespace weft::wasi
